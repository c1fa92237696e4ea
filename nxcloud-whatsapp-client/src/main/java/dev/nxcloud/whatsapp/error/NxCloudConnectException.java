package dev.nxcloud.whatsapp.error;

/**
 * No connection to NxCloud could be established (refused, unresolvable host, connect timeout, TLS handshake refused).
 * The request was never sent, so repeating it is safe for every operation.
 */
public class NxCloudConnectException extends NxCloudTransportException {

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param cause the connect failure
	 */
	public NxCloudConnectException(String operation, Throwable cause) {
		super(operation, null, null, null, true, false,
				"could not connect to NxCloud (" + cause.getMessage() + "); the request was not sent", cause);
	}

}
