package dev.nxcloud.whatsapp.error;

import java.util.function.Function;

import dev.nxcloud.whatsapp.NxCloudSetting;
import org.jspecify.annotations.Nullable;

/**
 * NxCloud answered with a non-zero result code. Subclasses tell the kinds apart; {@link #from} picks the right one.
 */
public abstract class NxCloudApiException extends NxCloudException {

	private final @Nullable NxCloudErrorCode errorCode;

	/**
	 * Create the exception for an answer from NxCloud. A definite rejection (a documented code whose failure is not
	 * transient) means NxCloud did not act on the request; a transient failure at NxCloud or WhatsApp (-1, 9001,
	 * Meta's throttling and temporary codes) may have left it half done, and an undocumented code says nothing
	 * certain, so in both cases the request counts as one that may have reached NxCloud.
	 * @param operation the operation that failed
	 * @param code NxCloud's result code
	 * @param nxCloudMessage NxCloud's message
	 * @param traceId NxCloud's trace id
	 * @param transientFailure whether the same request could succeed later
	 * @param description what the code means and what to do
	 */
	protected NxCloudApiException(String operation, int code, @Nullable String nxCloudMessage,
			@Nullable String traceId, boolean transientFailure, String description) {
		this(operation, code, nxCloudMessage, traceId, transientFailure,
				transientFailure || NxCloudErrorCode.of(code).isEmpty(), description);
	}

	/**
	 * Create the exception for an answer from NxCloud that says for itself whether the request took effect.
	 * @param operation the operation that failed
	 * @param code NxCloud's result code
	 * @param nxCloudMessage NxCloud's message
	 * @param traceId NxCloud's trace id
	 * @param transientFailure whether the same request could succeed later
	 * @param mayHaveReachedNxCloud whether NxCloud may have acted on the request
	 * @param description what the code means and what to do
	 */
	protected NxCloudApiException(String operation, int code, @Nullable String nxCloudMessage,
			@Nullable String traceId, boolean transientFailure, boolean mayHaveReachedNxCloud, String description) {
		super(operation, code, nxCloudMessage, traceId, transientFailure, mayHaveReachedNxCloud, description, null);
		this.errorCode = NxCloudErrorCode.of(code).orElse(null);
	}

	/**
	 * The documented code NxCloud returned.
	 * @return the documented code, or {@code null} for a code NxCloud has not documented
	 */
	public @Nullable NxCloudErrorCode getErrorCode() {
		return this.errorCode;
	}

	/**
	 * The kind of failure.
	 * @return the category
	 */
	public NxCloudErrorCategory getCategory() {
		Integer code = getCode();
		return NxCloudErrorCode.categoryOf((code != null) ? code : 0);
	}

	/**
	 * The typed exception for a non-zero result code.
	 * @param operation the operation that failed
	 * @param code NxCloud's result code, not zero
	 * @param nxCloudMessage NxCloud's message
	 * @param traceId NxCloud's trace id
	 * @param metaError Meta's error object, for code 9099
	 * @param settingNames how the hint names the settings it tells the user to check
	 * @return the exception to throw
	 */
	public static NxCloudApiException from(String operation, int code, @Nullable String nxCloudMessage,
			@Nullable String traceId, @Nullable MetaError metaError, Function<NxCloudSetting, String> settingNames) {
		String hint = NxCloudErrorCode.of(code)
			.map((errorCode) -> errorCode.hint(settingNames))
			.orElse("undocumented NxCloud code");
		return switch (NxCloudErrorCode.categoryOf(code)) {
			case AUTHENTICATION -> new NxCloudAuthenticationException(operation, code, nxCloudMessage, traceId, hint);
			case INVALID_REQUEST -> new NxCloudInvalidRequestException(operation, code, nxCloudMessage, traceId, hint);
			case BUSINESS -> new NxCloudBusinessException(operation, code, nxCloudMessage, traceId, hint);
			case META -> new NxCloudMetaException(operation, code, nxCloudMessage, traceId, hint, metaError);
			case SERVER -> new NxCloudServerException(operation, code, nxCloudMessage, traceId, hint);
		};
	}

}
