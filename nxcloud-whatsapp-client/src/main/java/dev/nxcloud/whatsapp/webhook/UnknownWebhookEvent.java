package dev.nxcloud.whatsapp.webhook;

import tools.jackson.databind.JsonNode;

/**
 * A callback (or one item of it) that this version does not understand, kept as received. It is acknowledged like
 * any other.
 *
 * @param raw the JSON as received
 */
public record UnknownWebhookEvent(JsonNode raw) implements NxCloudWebhookEvent {

}
