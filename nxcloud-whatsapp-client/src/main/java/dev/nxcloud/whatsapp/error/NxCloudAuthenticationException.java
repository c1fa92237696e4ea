package dev.nxcloud.whatsapp.error;

import org.jspecify.annotations.Nullable;

/**
 * The credentials, signature, timestamp or common headers were rejected (codes 1001–1005). Retrying the same request cannot help; the hint says what to fix.
 */
public class NxCloudAuthenticationException extends NxCloudApiException {

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param code NxCloud's result code
	 * @param nxCloudMessage NxCloud's message
	 * @param traceId NxCloud's trace id
	 * @param hint what the code means and what to do
	 */
	public NxCloudAuthenticationException(String operation, int code, @Nullable String nxCloudMessage, @Nullable String traceId,
			String hint) {
		super(operation, code, nxCloudMessage, traceId, false, hint);
	}

}
