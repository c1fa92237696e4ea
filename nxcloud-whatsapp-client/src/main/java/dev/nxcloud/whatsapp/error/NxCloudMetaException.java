package dev.nxcloud.whatsapp.error;

import java.util.Set;

import dev.nxcloud.whatsapp.NxCloudValidation;
import org.jspecify.annotations.Nullable;

/**
 * WhatsApp (Meta) rejected the request (NxCloud code 9099). Carries Meta's error object; throttling and temporary
 * Meta errors are {@linkplain #isTransient() transient}. Two of them say that WhatsApp refused the message for going
 * too fast, so it was not sent and a later retry is safe even for a send: 130429 (the business phone's throughput is
 * used up) and 131056 (too many messages to the same recipient); for those
 * {@link #mayHaveReachedNxCloud()} is {@code false}.
 */
public class NxCloudMetaException extends NxCloudApiException {

	/** Meta codes for throttling and temporary failures. */
	private static final Set<Integer> TRANSIENT_META_CODES = Set.of(1, 2, 4, 17, 80007, 130429, 131000, 131016,
			131048, 131056);

	/** Meta codes that refuse a message for going too fast: it was not sent. */
	private static final Set<Integer> RATE_LIMIT_META_CODES = Set.of(130429, 131056);

	private final @Nullable MetaError metaError;

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param code NxCloud's result code, 9099
	 * @param nxCloudMessage NxCloud's message
	 * @param traceId NxCloud's trace id
	 * @param hint what the code means and what to do
	 * @param metaError Meta's error object, when NxCloud passed one
	 */
	public NxCloudMetaException(String operation, int code, @Nullable String nxCloudMessage, @Nullable String traceId,
			String hint, @Nullable MetaError metaError) {
		super(operation, code, nxCloudMessage, traceId, isIn(TRANSIENT_META_CODES, metaError),
				isIn(TRANSIENT_META_CODES, metaError) && !isIn(RATE_LIMIT_META_CODES, metaError),
				describe(hint, metaError));
		this.metaError = metaError;
	}

	private static boolean isIn(Set<Integer> codes, @Nullable MetaError metaError) {
		return metaError != null && metaError.code() != null && codes.contains(metaError.code());
	}

	private static String describe(String hint, @Nullable MetaError metaError) {
		if (metaError == null) {
			return hint;
		}
		String details = (metaError.errorData() != null) ? metaError.errorData().details() : null;
		return hint + " (Meta code " + metaError.code() + ": " + NxCloudValidation.quote(metaError.message())
				+ ((details != null) ? "; " + NxCloudValidation.quote(details) : "") + ")";
	}

	/**
	 * Meta's error object.
	 * @return the error, or {@code null} when NxCloud passed none
	 */
	public @Nullable MetaError getMetaError() {
		return this.metaError;
	}

}
