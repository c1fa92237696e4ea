package dev.nxcloud.whatsapp.error;

import org.jspecify.annotations.Nullable;

/**
 * The call did not produce a usable NxCloud answer: the connection failed or broke, no response came in time, the
 * HTTP status was not 2xx, or the body was not NxCloud's envelope.
 */
public class NxCloudTransportException extends NxCloudException {

	/**
	 * Create the exception for an I/O failure after the connection was established.
	 * @param operation the operation that failed
	 * @param description what happened
	 * @param cause the underlying failure
	 */
	public NxCloudTransportException(String operation, String description, @Nullable Throwable cause) {
		this(operation, null, null, null, true, true, description, cause);
	}

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param code NxCloud's result code, if an envelope came back
	 * @param nxCloudMessage NxCloud's message, if any
	 * @param traceId NxCloud's trace id, if any
	 * @param transientFailure whether the same request could succeed later
	 * @param mayHaveReachedNxCloud whether NxCloud may have received and acted on the request
	 * @param description what happened
	 * @param cause the underlying failure, if any
	 */
	protected NxCloudTransportException(String operation, @Nullable Integer code, @Nullable String nxCloudMessage,
			@Nullable String traceId, boolean transientFailure, boolean mayHaveReachedNxCloud, String description,
			@Nullable Throwable cause) {
		super(operation, code, nxCloudMessage, traceId, transientFailure, mayHaveReachedNxCloud, description, cause);
	}

}
