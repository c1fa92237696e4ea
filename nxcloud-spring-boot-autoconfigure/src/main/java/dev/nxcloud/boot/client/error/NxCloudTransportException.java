package dev.nxcloud.boot.client.error;

import org.jspecify.annotations.Nullable;

/**
 * The call did not produce a usable NxCloud answer: the connection failed or broke, no response came in time, the
 * HTTP status was not 2xx, or the body was not NxCloud's envelope.
 */
public class NxCloudTransportException extends NxCloudException {

	private final boolean mayHaveReachedNxCloud;

	/**
	 * Create the exception for an I/O failure after the connection was established.
	 * @param operation the operation that failed
	 * @param description what happened
	 * @param cause the underlying failure
	 */
	public NxCloudTransportException(String operation, String description, @Nullable Throwable cause) {
		this(operation, null, null, null, true, true, description, cause);
	}

	protected NxCloudTransportException(String operation, @Nullable Integer code, @Nullable String nxCloudMessage,
			@Nullable String traceId, boolean retryable, boolean mayHaveReachedNxCloud, String description,
			@Nullable Throwable cause) {
		super(operation, code, nxCloudMessage, traceId, retryable, description, cause);
		this.mayHaveReachedNxCloud = mayHaveReachedNxCloud;
	}

	/**
	 * Whether NxCloud may have received and acted on the request. When {@code false} (the connection could not be
	 * established) even a message send can be repeated without risk of a duplicate.
	 * @return whether the request may have reached NxCloud
	 */
	public boolean mayHaveReachedNxCloud() {
		return this.mayHaveReachedNxCloud;
	}

}
