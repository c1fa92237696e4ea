package dev.nxcloud.whatsapp.error;

import org.jspecify.annotations.Nullable;

/**
 * NxCloud found parameters missing or invalid (9000, 21058–21063). Retrying the same request cannot help.
 */
public class NxCloudInvalidRequestException extends NxCloudApiException {

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param code NxCloud's result code
	 * @param nxCloudMessage NxCloud's message
	 * @param traceId NxCloud's trace id
	 * @param hint what the code means and what to do
	 */
	public NxCloudInvalidRequestException(String operation, int code, @Nullable String nxCloudMessage, @Nullable String traceId,
			String hint) {
		super(operation, code, nxCloudMessage, traceId, false, hint);
	}

}
