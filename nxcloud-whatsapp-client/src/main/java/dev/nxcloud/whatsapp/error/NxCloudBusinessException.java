package dev.nxcloud.whatsapp.error;

import org.jspecify.annotations.Nullable;

/**
 * NxCloud refused the request by a business rule (9xxx, 10003, 10005, 22xxx, 23025): unknown app, unbound phone, missing template, insufficient balance and the like.
 */
public class NxCloudBusinessException extends NxCloudApiException {

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param code NxCloud's result code
	 * @param nxCloudMessage NxCloud's message
	 * @param traceId NxCloud's trace id
	 * @param hint what the code means and what to do
	 */
	public NxCloudBusinessException(String operation, int code, @Nullable String nxCloudMessage, @Nullable String traceId,
			String hint) {
		super(operation, code, nxCloudMessage, traceId, false, hint);
	}

}
