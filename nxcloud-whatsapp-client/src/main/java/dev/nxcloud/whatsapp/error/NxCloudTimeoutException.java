package dev.nxcloud.whatsapp.error;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * No complete response arrived within the configured timeout. NxCloud may still have processed the request.
 */
public class NxCloudTimeoutException extends NxCloudTransportException {

	private final Duration timeout;

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param timeout the timeout that expired
	 * @param setting the name of the setting that sets the timeout
	 * @param cause the underlying timeout, if any
	 */
	public NxCloudTimeoutException(String operation, Duration timeout, String setting, @Nullable Throwable cause) {
		super(operation, null, null, null, true, true,
				"no response within " + timeout + " (" + setting + "); NxCloud may still have processed the request",
				cause);
		this.timeout = timeout;
	}

	/**
	 * The timeout that expired.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
