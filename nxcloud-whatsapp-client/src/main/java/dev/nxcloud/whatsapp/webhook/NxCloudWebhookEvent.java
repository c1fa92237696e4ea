package dev.nxcloud.whatsapp.webhook;

import tools.jackson.databind.JsonNode;

/**
 * Something NxCloud reported through the webhook. Published as a Spring application event (listen for the subtype
 * you need with {@code @EventListener}) and emitted on {@link NxCloudWebhookEvents#stream()}.
 * <p>
 * A callback carrying several statuses or messages yields one event for each.
 */
public sealed interface NxCloudWebhookEvent
		permits MessageStatusEvent, InboundMessageEvent, TemplateEvent, AccountEvent, UnknownWebhookEvent {

	/**
	 * The JSON the event was read from, as received: the status or message item, or the whole payload for
	 * {@code field} events and unknown payloads.
	 * @return the raw JSON
	 */
	JsonNode raw();

}
