package dev.nxcloud.whatsapp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import dev.nxcloud.whatsapp.error.NxCloudException;

/**
 * When a failed call is tried again, and how long the client waits in between.
 * <p>
 * Reads (phone info, template list and detail, flow list) are retried on transient failures: no connection, a
 * timeout, HTTP 5xx or 429, NxCloud codes -1 and 9001, a body that is not NxCloud's. Every other operation (each
 * message send, createApp, template create, update and delete, media upload) is retried only when the request
 * certainly never reached NxCloud, that is when no connection could be established; never once bytes may have been
 * delivered, so a WhatsApp message is never sent twice. Failures that describe the request itself (bad credentials,
 * invalid parameters, business rejections) are never retried.
 *
 * @param maxAttempts the most attempts per call, including the first; {@code 1} disables retries
 * @param initialBackoff the wait before the first retry; it doubles with each retry
 * @param maxBackoff the longest wait between two attempts
 * @param jitter the share of each wait that is randomised, from {@code 0} to {@code 1}
 */
public record NxCloudRetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double jitter) {

	/**
	 * Up to 3 attempts, waiting 200 ms then 400 ms (at most 2 s), half of each wait randomised: the policy of a
	 * client built without one.
	 */
	public static final NxCloudRetryPolicy DEFAULT = new NxCloudRetryPolicy(3, Duration.ofMillis(200),
			Duration.ofSeconds(2), 0.5);

	/** No retries. */
	public static final NxCloudRetryPolicy NONE = new NxCloudRetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);

	/**
	 * Check the values.
	 * @param maxAttempts the most attempts per call
	 * @param initialBackoff the first wait
	 * @param maxBackoff the longest wait
	 * @param jitter the randomised share of each wait
	 */
	public NxCloudRetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1");
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be between 0 and 1");
		}
	}

	/**
	 * Whether a failed call may be tried again: the failure is an {@link NxCloudException} that
	 * {@linkplain NxCloudException#isRetryable() says so}.
	 * @param failure the failure
	 * @return whether another attempt is safe and could help
	 */
	public boolean allowsRetry(Throwable failure) {
		return failure instanceof NxCloudException exception && exception.isRetryable();
	}

	/**
	 * The wait before a retry: {@code initialBackoff × 2^(retry − 1)}, at most {@code maxBackoff}, of which the
	 * {@code jitter} share is randomised around that value.
	 * @param retry the retry, from 1
	 * @return the wait
	 */
	public Duration backoff(int retry) {
		long base = this.initialBackoff.toNanos() << Math.min(retry - 1, 30);
		if (base < 0 || base > this.maxBackoff.toNanos()) {
			base = this.maxBackoff.toNanos();
		}
		long spread = (long) (base * this.jitter);
		long jittered = (spread > 0) ? base - spread + ThreadLocalRandom.current().nextLong(2 * spread + 1) : base;
		return Duration.ofNanos(Math.max(0, jittered));
	}

	/**
	 * Why a failure that ended a call was not retried.
	 * @param operation the operation
	 * @param failure the failure
	 * @param attempts the attempts made so far
	 * @param maxAttemptsSetting the name of the setting that sets the most attempts
	 * @return the reason, for the exception message
	 */
	String stopReason(NxCloudOperation operation, Throwable failure, int attempts, String maxAttemptsSetting) {
		if (!(failure instanceof NxCloudException exception) || !exception.isTransient()) {
			return "not retried: the failure is not transient";
		}
		if (!exception.isRetryable()) {
			return "not retried: " + operation.operationName()
					+ " is not idempotent and the request may have reached NxCloud";
		}
		return (attempts >= this.maxAttempts)
				? "gave up: " + maxAttemptsSetting + " is " + this.maxAttempts : "not retried";
	}

}
