package dev.nxcloud.whatsapp.error;

import org.jspecify.annotations.Nullable;

/**
 * NxCloud failed internally (-1, 9001). The failure is transient: a later retry may succeed, where retrying is safe.
 */
public class NxCloudServerException extends NxCloudApiException {

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param code NxCloud's result code
	 * @param nxCloudMessage NxCloud's message
	 * @param traceId NxCloud's trace id
	 * @param hint what the code means and what to do
	 */
	public NxCloudServerException(String operation, int code, @Nullable String nxCloudMessage, @Nullable String traceId,
			String hint) {
		super(operation, code, nxCloudMessage, traceId, true, hint);
	}

}
