package dev.nxcloud.whatsapp.flow;

import java.util.List;

import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.RequestDefaults;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link NxCloudFlowService} over an {@link NxCloudClient}.
 */
public class DefaultNxCloudFlowService implements NxCloudFlowService {

	private final NxCloudClient client;

	/**
	 * Create the service.
	 * @param client the client of the account to use
	 */
	public DefaultNxCloudFlowService(NxCloudClient client) {
		this.client = client;
	}

	@Override
	public Flux<WhatsAppFlow> list(FlowListRequest request) {
		return Mono.fromSupplier(() -> resolve(request))
			.flatMap((target) -> this.client.call(NxCloudOperation.LIST_FLOWS)
				.pathVariables(target.phone())
				.queryParam("tenant_id", target.tenantId())
				.retrieve(FlowList.class))
			.flatMapIterable(FlowList::data);
	}

	private Target resolve(FlowListRequest request) {
		RequestDefaults defaults = this.client.defaults();
		return new Target(defaults.businessPhone("phone", request.businessPhone()), defaults.tenantId(request.tenantId()));
	}

	private record Target(String phone, long tenantId) {
	}

	private record FlowList(List<WhatsAppFlow> data) {

		FlowList {
			data = (data != null) ? data : List.of();
		}

	}

}
