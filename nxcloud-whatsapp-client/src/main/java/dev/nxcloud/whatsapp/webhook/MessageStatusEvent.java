package dev.nxcloud.whatsapp.webhook;

import tools.jackson.databind.JsonNode;

/**
 * A message's status changed (a {@code statuses} callback).
 *
 * @param status the new status
 * @param envelope the callback's top-level fields
 * @param raw the status item as received
 */
public record MessageStatusEvent(MessageStatus status, WebhookEnvelope envelope,
		JsonNode raw) implements NxCloudWebhookEvent {

}
