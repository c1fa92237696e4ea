package dev.nxcloud.boot.client.flow;

import java.util.List;

import dev.nxcloud.boot.client.NxCloudClient;
import dev.nxcloud.boot.client.NxCloudDefaults;
import dev.nxcloud.boot.client.NxCloudOperation;
import dev.nxcloud.boot.client.NxCloudValidation;
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
		NxCloudDefaults defaults = this.client.defaults();
		String phone = NxCloudValidation.requirePhone("phone", NxCloudValidation.orDefault("phone",
				request.businessPhone(), defaults.businessPhone(), "nxcloud.business-phone"));
		long tenantId = NxCloudValidation.orDefault("tenant_id", request.tenantId(), defaults.tenantId(),
				"nxcloud.tenant-id");
		return new Target(phone, tenantId);
	}

	private record Target(String phone, long tenantId) {
	}

	private record FlowList(List<WhatsAppFlow> data) {

		FlowList {
			data = (data != null) ? data : List.of();
		}

	}

}
