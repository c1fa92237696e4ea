package dev.nxcloud.whatsapp.error;

import org.jspecify.annotations.Nullable;

/**
 * NxCloud (or a proxy in front of it) answered with a non-2xx HTTP status. 5xx and 429 are transient. A 429 (too many
 * requests) refused the request, so it {@linkplain #mayHaveReachedNxCloud() took no effect} and is safe to retry even
 * for a send; after a 5xx NxCloud may have acted on it. When the body was NxCloud's envelope its code, message and
 * trace id are kept.
 */
public class NxCloudHttpStatusException extends NxCloudTransportException {

	private static final int TOO_MANY_REQUESTS = 429;

	private final int statusCode;

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param statusCode the HTTP status code
	 * @param code NxCloud's result code, if the body was an envelope
	 * @param nxCloudMessage NxCloud's message, if any
	 * @param traceId NxCloud's trace id, if any
	 */
	public NxCloudHttpStatusException(String operation, int statusCode, @Nullable Integer code,
			@Nullable String nxCloudMessage, @Nullable String traceId) {
		super(operation, code, nxCloudMessage, traceId, statusCode >= 500 || statusCode == TOO_MANY_REQUESTS,
				statusCode != TOO_MANY_REQUESTS, "HTTP status " + statusCode, null);
		this.statusCode = statusCode;
	}

	/**
	 * The HTTP status code.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

}
