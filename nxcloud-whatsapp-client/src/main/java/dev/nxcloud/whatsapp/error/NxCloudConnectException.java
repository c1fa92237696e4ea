package dev.nxcloud.whatsapp.error;

/**
 * No connection to NxCloud could be established (refused, unresolvable host, connect timeout, or, as the subclass
 * {@link NxCloudTlsHandshakeException}, a refused TLS handshake). The request was never sent, so repeating it is safe for every operation.
 */
public class NxCloudConnectException extends NxCloudTransportException {

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param cause the connect failure
	 */
	public NxCloudConnectException(String operation, Throwable cause) {
		this(operation, true, "could not connect to NxCloud (" + cause.getMessage() + "); the request was not sent", cause);
	}

	/**
	 * Create the exception for a connection that failed before any request byte was written.
	 * @param operation the operation that failed
	 * @param transientFailure whether the same request could succeed later
	 * @param description what happened
	 * @param cause the connect failure
	 */
	protected NxCloudConnectException(String operation, boolean transientFailure, String description,
			Throwable cause) {
		super(operation, null, null, null, transientFailure, false, description, cause);
	}

}
