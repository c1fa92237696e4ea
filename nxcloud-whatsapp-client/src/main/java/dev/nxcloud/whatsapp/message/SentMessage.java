package dev.nxcloud.whatsapp.message;

/**
 * A message NxCloud accepted for sending.
 *
 * @param messageId the message id; the {@code cus_message_id} when one was given. Status callbacks carry the same id
 */
public record SentMessage(String messageId) {

}
