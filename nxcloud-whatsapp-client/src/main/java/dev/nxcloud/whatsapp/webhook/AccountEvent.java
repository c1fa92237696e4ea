package dev.nxcloud.whatsapp.webhook;

import tools.jackson.databind.JsonNode;

/**
 * Something happened to the WhatsApp Business Account, one of its phone numbers or a user's preferences (a
 * {@code field} callback such as {@code account_update}).
 *
 * @param field the event's name, for example {@code account_update}
 * @param update the event's {@code value}
 * @param raw the whole payload as received
 */
public record AccountEvent(String field, AccountUpdate update, JsonNode raw) implements NxCloudWebhookEvent {

}
