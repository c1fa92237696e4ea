package dev.nxcloud.whatsapp.flow;

import reactor.core.publisher.Flux;

/**
 * WhatsApp flows (forms) of a business phone, whose ids template flow buttons use.
 * <p>
 * A request that breaks a rule, {@code null} included, is never sent: the returned {@code Flux} fails with an
 * {@link dev.nxcloud.whatsapp.error.NxCloudValidationException} naming the field, and no method throws.
 */
public interface NxCloudFlowService {

	/**
	 * List a business phone's flows.
	 * @param request whose flows
	 * @return the flows, in NxCloud's order
	 */
	Flux<WhatsAppFlow> list(FlowListRequest request);

	/**
	 * List the flows of the configured phone and tenant (the client's default business phone and
	 * the client's default tenant).
	 * @return the flows, in NxCloud's order
	 */
	default Flux<WhatsAppFlow> list() {
		return list(FlowListRequest.configured());
	}

}
