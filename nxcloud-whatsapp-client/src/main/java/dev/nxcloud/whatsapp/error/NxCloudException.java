package dev.nxcloud.whatsapp.error;

import java.time.Duration;

import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudValidation;
import org.jspecify.annotations.Nullable;

/**
 * Root of every failure the NxCloud client reports. It says which operation failed, which NxCloud result code and
 * message came back (when NxCloud answered), NxCloud's {@code traceId} for support, whether the request may have
 * reached NxCloud ({@link #mayHaveReachedNxCloud()}) and whether repeating it is safe and could help
 * ({@link #isRetryable()}). Messages never contain the access secret or a signature. Text that came from the server
 * (NxCloud's message and trace id, Meta's message and details) appears in the message only as a short escaped
 * excerpt ({@link NxCloudValidation#quote}), so that an answer cannot forge a log line or fill one with megabytes; the
 * getters return it whole.
 */
public abstract class NxCloudException extends RuntimeException {

	private final @Nullable String operation;

	private final @Nullable Integer code;

	private final @Nullable String nxCloudMessage;

	private final @Nullable String traceId;

	private final boolean transientFailure;

	private final boolean mayHaveReachedNxCloud;

	private int attempts = 1;

	private @Nullable String outcome;

	private @Nullable Duration retryAfter;

	/**
	 * Create the exception.
	 * @param operation the operation that failed, or {@code null} when the failure is not tied to one
	 * @param code NxCloud's result code, if NxCloud answered with one
	 * @param nxCloudMessage NxCloud's message, if any
	 * @param traceId NxCloud's trace id, if any
	 * @param transientFailure whether the same request could succeed later
	 * @param mayHaveReachedNxCloud whether NxCloud may have received and acted on the request
	 * @param description what happened and what to do
	 * @param cause the underlying failure, if any
	 */
	protected NxCloudException(@Nullable String operation, @Nullable Integer code, @Nullable String nxCloudMessage,
			@Nullable String traceId, boolean transientFailure, boolean mayHaveReachedNxCloud, String description,
			@Nullable Throwable cause) {
		super(describe(operation, code, nxCloudMessage, traceId, description), cause);
		this.operation = operation;
		this.code = code;
		this.nxCloudMessage = nxCloudMessage;
		this.traceId = traceId;
		this.transientFailure = transientFailure;
		this.mayHaveReachedNxCloud = mayHaveReachedNxCloud;
	}

	private static String describe(@Nullable String operation, @Nullable Integer code, @Nullable String nxCloudMessage,
			@Nullable String traceId, String description) {
		StringBuilder message = new StringBuilder("NxCloud");
		if (operation != null) {
			message.append(' ').append(operation);
		}
		message.append(" failed");
		if (code != null) {
			message.append(" with code ").append(code);
		}
		if (nxCloudMessage != null && !nxCloudMessage.isEmpty()) {
			message.append(" (").append(NxCloudValidation.quote(nxCloudMessage)).append(")");
		}
		message.append(": ").append(description);
		if (traceId != null && !traceId.isEmpty()) {
			message.append(" [traceId=").append(NxCloudValidation.quote(traceId)).append(']');
		}
		return message.toString();
	}

	@Override
	public String getMessage() {
		String message = super.getMessage();
		return (this.outcome != null) ? message + " (" + this.outcome + ")" : message;
	}

	/**
	 * How many attempts the client made before giving up.
	 * @return the number of attempts, at least 1
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * Record how the call ended: the number of attempts and why the client stopped. Called by the client once, when
	 * the failure is final.
	 * @param attempts the number of attempts made
	 * @param reason why no further attempt was made
	 * @return this exception
	 */
	public NxCloudException withAttempts(int attempts, String reason) {
		this.attempts = attempts;
		this.outcome = (attempts == 1 ? "1 attempt" : attempts + " attempts") + "; " + reason;
		return this;
	}

	/**
	 * Record the wait the answer asked for before a retry (its {@code Retry-After} header). Called by the client when
	 * the answer carried one.
	 * @param retryAfter the wait, not negative
	 * @return this exception
	 */
	public NxCloudException withRetryAfter(Duration retryAfter) {
		this.retryAfter = retryAfter;
		return this;
	}

	/**
	 * How long the answer asked the caller to wait before trying again: its {@code Retry-After} header, in seconds or
	 * as a date, typically on an HTTP 429 or 503. The client's retries honour it.
	 * @return the wait, or {@code null} when the answer asked for none (or there was no answer)
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * The operation that failed, for example {@code getPhone}.
	 * @return the operation name, or {@code null} when the failure is not tied to one
	 */
	public @Nullable String getOperation() {
		return this.operation;
	}

	/**
	 * The result code NxCloud returned.
	 * @return the code, or {@code null} when NxCloud's answer carried none (transport failures, invalid input)
	 */
	public @Nullable Integer getCode() {
		return this.code;
	}

	/**
	 * The message NxCloud returned with the code, whole and as received ({@link #getMessage()} quotes only a short,
	 * escaped excerpt of it).
	 * @return NxCloud's message, or {@code null}
	 */
	public @Nullable String getNxCloudMessage() {
		return this.nxCloudMessage;
	}

	/**
	 * NxCloud's trace id for this request; quote it to NxCloud support.
	 * @return the trace id, or {@code null} when none came back
	 */
	public @Nullable String getTraceId() {
		return this.traceId;
	}

	/**
	 * Whether the failure is transient, so that the same request could succeed if tried again later. Whether a retry
	 * is also <em>safe</em> is {@link #isRetryable()}.
	 * @return whether the failure is transient
	 */
	public boolean isTransient() {
		return this.transientFailure;
	}

	/**
	 * Whether NxCloud may have received, and acted on, the request: {@code true} once bytes may have been delivered
	 * and no definite answer says otherwise (a timeout, a reset, an HTTP error, a body that is not NxCloud's, code -1
	 * or 9001, a transient WhatsApp error, a code NxCloud has not documented); {@code false} when the request was
	 * refused before the network, no connection could be made, or the request was definitely rejected: by NxCloud
	 * with a documented code (bad credentials, an invalid parameter, a business rule), or for going too fast (HTTP 429
	 * from NxCloud or a gateway, WhatsApp's throughput limit 130429 or pair rate limit 131056). A message send whose
	 * failure says {@code false} certainly sent nothing.
	 * @return whether the request may have reached NxCloud
	 */
	public boolean mayHaveReachedNxCloud() {
		return this.mayHaveReachedNxCloud;
	}

	/**
	 * Whether repeating the same request is both safe and could help: the failure is {@linkplain #isTransient()
	 * transient}, and either the request never reached NxCloud or the operation only reads. It is never {@code true}
	 * for a send that may have reached NxCloud, so acting on it can never send a message twice.
	 * @return whether a retry is safe and could help
	 */
	public boolean isRetryable() {
		return this.transientFailure && (!this.mayHaveReachedNxCloud || isReadOnlyOperation());
	}

	private boolean isReadOnlyOperation() {
		return this.operation != null
				&& NxCloudOperation.named(this.operation).map(NxCloudOperation::isReadOnly).orElse(false);
	}

}
