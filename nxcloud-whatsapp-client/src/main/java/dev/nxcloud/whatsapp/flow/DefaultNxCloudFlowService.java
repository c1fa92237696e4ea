package dev.nxcloud.whatsapp.flow;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.RequestDefaults;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;
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
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public DefaultNxCloudFlowService(NxCloudClient client) {
		this.client = NxCloudValidation.requireNonNull("client", client);
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
		NxCloudValidation.requireNonNull("request", request);
		RequestDefaults defaults = this.client.defaults();
		return new Target(defaults.businessPhone("phone", request.businessPhone()), defaults.tenantId(request.tenantId()));
	}

	private record Target(String phone, long tenantId) {
	}

	/**
	 * The flow list's {@code data}, in either documented shape: the response table describes {@code data} as the
	 * list of flows, the page's example holds the list in {@code data.data}. In the example's shape the list is
	 * required, so that an object of another shape is not read as no flows.
	 */
	private record FlowList(List<WhatsAppFlow> data) {

		@JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
		FlowList(@JsonProperty(value = "data", required = true) @Nullable List<@Nullable WhatsAppFlow> data) {
			this.data = flows("data.data", data);
		}

		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static FlowList of(List<@Nullable WhatsAppFlow> data) {
			return new FlowList(flows("data", data));
		}

		private static List<WhatsAppFlow> flows(String field, @Nullable List<@Nullable WhatsAppFlow> flows) {
			if (flows == null) {
				return List.of();
			}
			List<WhatsAppFlow> read = new ArrayList<>(flows.size());
			for (int i = 0; i < flows.size(); i++) {
				WhatsAppFlow flow = flows.get(i);
				if (flow == null) {
					throw new IllegalArgumentException(field + "[" + i + "] is null, not a flow");
				}
				read.add(flow);
			}
			return List.copyOf(read);
		}

	}

}
