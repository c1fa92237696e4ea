package dev.nxcloud.boot.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the client makes its calls: timeouts, retries and send pacing.
 *
 * @param responseTimeout the most one attempt may take, from connecting to the last byte of the response
 * @param uploadTimeout the same for media uploads, which carry up to 100 MB
 * @param retryPolicy when failed calls are tried again
 * @param sendRateLimiter paces message sends per business phone, or {@code null} for no pacing
 */
public record NxCloudClientSettings(Duration responseTimeout, Duration uploadTimeout, NxCloudRetryPolicy retryPolicy,
		@Nullable NxCloudSendRateLimiter sendRateLimiter) {

	/**
	 * Settings with one timeout for every call, no retries and no pacing.
	 * @param timeout the timeout
	 * @return the settings
	 */
	public static NxCloudClientSettings of(Duration timeout) {
		return new NxCloudClientSettings(timeout, timeout, NxCloudRetryPolicy.NONE, null);
	}

	/**
	 * The timeout of one attempt of an operation.
	 * @param operation the operation
	 * @return its timeout
	 */
	public Duration timeout(NxCloudOperation operation) {
		return (operation == NxCloudOperation.UPLOAD_MEDIA) ? this.uploadTimeout : this.responseTimeout;
	}

}
