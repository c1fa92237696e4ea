package dev.nxcloud.whatsapp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import dev.nxcloud.whatsapp.error.NxCloudException;
import org.jspecify.annotations.Nullable;

/**
 * When a failed call is tried again, and how long the client waits in between.
 * <p>
 * Reads (phone info, template list and detail, flow list) are retried on transient failures: no connection, a
 * timeout, HTTP 5xx or 429, NxCloud codes -1 and 9001, a body that is not NxCloud's. Every other operation (each
 * message send, createApp, template create, update and delete, media upload) is retried only when the request
 * certainly took no effect: no connection could be established, or the request was refused for going too fast (HTTP
 * 429, WhatsApp's throughput limit 130429 or pair rate limit 131056); never once it may have been acted on, so a
 * WhatsApp message is never sent twice. Failures that describe the request itself (bad credentials, invalid
 * parameters, business rejections) are never retried.
 * <p>
 * The wait before a retry is the one the answer asked for with a {@code Retry-After} header, exactly, when it asked
 * for one; a call whose answer asks for more than {@code maxBackoff} is not retried, its exception says so (and
 * {@link NxCloudException#getRetryAfter()} how long to wait). Otherwise it is an exponential backoff.
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
	 * {@linkplain NxCloudException#isRetryable() says so}, and the wait its answer asked for, if any, is at most
	 * {@code maxBackoff}.
	 * @param failure the failure
	 * @return whether another attempt is safe and could help
	 */
	public boolean allowsRetry(Throwable failure) {
		return failure instanceof NxCloudException exception && exception.isRetryable()
				&& !asksForLongerThanMaxBackoff(exception);
	}

	/**
	 * The wait before retrying after a failure: the wait its answer asked for
	 * ({@link NxCloudException#getRetryAfter()}), exactly, when it asked for one; otherwise {@link #backoff(int)}.
	 * @param retry the retry, from 1
	 * @param failure the failure
	 * @return the wait
	 */
	public Duration delayBefore(int retry, Throwable failure) {
		Duration retryAfter = retryAfter(failure);
		return (retryAfter != null) ? retryAfter : backoff(retry);
	}

	private boolean asksForLongerThanMaxBackoff(NxCloudException failure) {
		Duration retryAfter = failure.getRetryAfter();
		return retryAfter != null && retryAfter.compareTo(this.maxBackoff) > 0;
	}

	private static @Nullable Duration retryAfter(Throwable failure) {
		return (failure instanceof NxCloudException exception) ? exception.getRetryAfter() : null;
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
	 * @param settingNames how the reason names the settings
	 * @return the reason, for the exception message
	 */
	String stopReason(NxCloudOperation operation, Throwable failure, int attempts,
			Function<NxCloudSetting, String> settingNames) {
		if (!(failure instanceof NxCloudException exception) || !exception.isTransient()) {
			return "not retried: the failure is not transient";
		}
		if (!exception.isRetryable()) {
			return "not retried: " + operation.operationName()
					+ " is not idempotent and the request may have reached NxCloud";
		}
		if (attempts >= this.maxAttempts) {
			return "gave up: " + settingNames.apply(NxCloudSetting.MAX_ATTEMPTS) + " is " + this.maxAttempts;
		}
		if (asksForLongerThanMaxBackoff(exception)) {
			return "not retried: the answer asked to wait " + exception.getRetryAfter() + " (Retry-After), longer than "
					+ settingNames.apply(NxCloudSetting.MAX_BACKOFF) + " (" + this.maxBackoff + ")";
		}
		return "not retried";
	}

}
