package dev.nxcloud.whatsapp.webhook;

import tools.jackson.databind.JsonNode;

/**
 * A message template's status, quality or category changed (a {@code field} callback).
 *
 * @param field the event's name, for example {@code message_template_status_update}
 * @param update the event's {@code value}
 * @param raw the whole payload as received
 */
public record TemplateEvent(String field, TemplateUpdate update, JsonNode raw) implements NxCloudWebhookEvent {

}
