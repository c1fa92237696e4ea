package dev.nxcloud.whatsapp.webhook;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A user sent a message to the business (a {@code messages} callback).
 *
 * @param message the message
 * @param contact the sender's contact entry, when the callback has one
 * @param envelope the callback's top-level fields
 * @param raw the message item as received
 */
public record InboundMessageEvent(InboundMessage message, @Nullable Contact contact, WebhookEnvelope envelope,
		JsonNode raw) implements NxCloudWebhookEvent {

}
