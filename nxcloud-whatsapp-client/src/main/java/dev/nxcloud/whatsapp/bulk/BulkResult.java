package dev.nxcloud.whatsapp.bulk;

import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.message.SentMessage;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one input of a bulk send: the message NxCloud accepted, or the error that stopped it.
 *
 * @param <I> the input type
 * @param input the input it is the outcome of (which carries its {@code cus_message_id}, if any)
 * @param sent the accepted message, or {@code null} when the send failed
 * @param error why the send failed (usually an {@link NxCloudException}), or
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
	 * Whether the message may have reached NxCloud: {@code true} when it was sent, and for a failure that
	 * {@linkplain NxCloudException#mayHaveReachedNxCloud() says so} or is not an {@link NxCloudException}. Before
	 * sending a failed input again, check that this is {@code false}, or use {@link #isRetryable()}.
	 * @return whether the message may have reached NxCloud
	 */
	public boolean mayHaveReachedNxCloud() {
		return !(this.error instanceof NxCloudException exception) || exception.mayHaveReachedNxCloud();
	}

	/**
	 * Whether sending the input again is safe and could help: the failure is transient and the message certainly did
	 * not reach NxCloud ({@link NxCloudException#isRetryable()}). Never {@code true} for a sent message.
	 * @return whether a retry is safe
	 */
	public boolean isRetryable() {
		return this.error instanceof NxCloudException exception && exception.isRetryable();
	}

	/**
	 * The id NxCloud gave the message.
	 * @return the id, or {@code null} when the send failed
	 */
	public @Nullable String messageId() {
		return (this.sent != null) ? this.sent.messageId() : null;
	}

}
