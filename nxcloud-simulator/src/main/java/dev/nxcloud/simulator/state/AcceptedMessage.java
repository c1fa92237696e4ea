package dev.nxcloud.simulator.state;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message the simulator accepted for sending.
 *
 * @param id the message id returned to the caller (its {@code cus_message_id} when given)
 * @param path the endpoint path it came in on ({@code /api/wa/otp}, {@code /api/wa/mt} or {@code /saas/wa/send})
 * @param accessKey the sending account
 * @param appKey the app
 * @param businessPhone the sender
 * @param to the recipient
 * @param type the message type ({@code template}, {@code text}, ... ; {@code otp} for OTP sends)
 * @param templateName the template used, or {@code null}
 * @param callbackUrl where status callbacks go, or {@code null} for none
 * @param body the raw request body, UTF-8
 * @param acceptedAt when it was accepted (simulator clock)
 */
public record AcceptedMessage(String id, String path, String accessKey, String appKey, String businessPhone,
		String to, String type, @Nullable String templateName, @Nullable String callbackUrl, String body,
		Instant acceptedAt) {
}
