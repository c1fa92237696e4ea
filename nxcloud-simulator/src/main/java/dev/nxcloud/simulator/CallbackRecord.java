package dev.nxcloud.simulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A status callback the simulator sent, or refused to send.
 *
 * @param messageId the message id
 * @param status {@code sent}, {@code delivered}, {@code read} or {@code failed}
 * @param url the target URL
 * @param outcome what happened
 * @param httpStatus the receiver's HTTP status, or 0 when there was no answer
 * @param detail the error, or the refusal reason, or {@code null}
 * @param body the JSON body (sent or that would have been sent)
 * @param at when it was attempted (simulator clock)
 */
public record CallbackRecord(String messageId, String status, String url, Outcome outcome, int httpStatus,
		@Nullable String detail, String body, Instant at) {

	/**
	 * What happened to a callback.
	 */
	public enum Outcome {

		/** The receiver answered (see the HTTP status). */
		DELIVERED,

		/** Not sent: the URL is not a plain-http loopback URL. */
		REFUSED,

		/** Sending failed (connection refused, timeout, ...). */
		ERROR

	}

}
