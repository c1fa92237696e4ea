package dev.nxcloud.whatsapp.flow;

import reactor.core.publisher.Flux;

/**
 * WhatsApp flows (forms) of a business phone, whose ids template flow buttons use.
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
