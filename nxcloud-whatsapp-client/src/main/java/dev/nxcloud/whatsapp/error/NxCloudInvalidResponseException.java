package dev.nxcloud.whatsapp.error;

import org.jspecify.annotations.Nullable;

/**
 * The response body was not NxCloud's {@code {code, message, data}} envelope, or its {@code data} did not have the
 * documented shape. Usually a proxy or gateway answered instead of NxCloud, so it is treated as transient.
 */
public class NxCloudInvalidResponseException extends NxCloudTransportException {

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param description what was wrong with the body
	 * @param cause the parse failure, if any
	 */
	public NxCloudInvalidResponseException(String operation, String description, @Nullable Throwable cause) {
		super(operation, null, null, null, true, true, description, cause);
	}

}
