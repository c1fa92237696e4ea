package dev.nxcloud.boot.client.bulk;

import dev.nxcloud.boot.client.message.SentMessage;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one input of a bulk send: the message NxCloud accepted, or the error that stopped it.
 *
 * @param <I> the input type
 * @param input the input it is the outcome of (which carries its {@code cus_message_id}, if any)
 * @param sent the accepted message, or {@code null} when the send failed
 * @param error why the send failed (usually an {@link dev.nxcloud.boot.client.error.NxCloudException}), or
 * {@code null} when it was accepted
 */
public record BulkResult<I>(I input, @Nullable SentMessage sent, @Nullable Throwable error) {

	/**
	 * Whether NxCloud accepted the message.
	 * @return {@code true} when sent
	 */
	public boolean isSent() {
		return this.sent != null;
	}

	/**
	 * The id NxCloud gave the message.
	 * @return the id, or {@code null} when the send failed
	 */
	public @Nullable String messageId() {
		return (this.sent != null) ? this.sent.messageId() : null;
	}

}
