package dev.nxcloud.boot.client.error;

import org.jspecify.annotations.Nullable;

/**
 * Root of every failure the NxCloud client reports. It says which operation failed, which NxCloud result code and
 * message came back (when NxCloud answered), NxCloud's {@code traceId} for support, and whether a retry could help.
 * Messages never contain the access secret or a signature.
 */
public abstract class NxCloudException extends RuntimeException {

	private final @Nullable String operation;

	private final @Nullable Integer code;

	private final @Nullable String nxCloudMessage;

	private final @Nullable String traceId;

	private final boolean retryable;

	private int attempts = 1;

	private @Nullable String outcome;

	protected NxCloudException(@Nullable String operation, @Nullable Integer code, @Nullable String nxCloudMessage,
			@Nullable String traceId, boolean retryable, String description, @Nullable Throwable cause) {
		super(describe(operation, code, nxCloudMessage, traceId, description), cause);
		this.operation = operation;
		this.code = code;
		this.nxCloudMessage = nxCloudMessage;
		this.traceId = traceId;
		this.retryable = retryable;
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
			message.append(" (\"").append(nxCloudMessage).append("\")");
		}
		message.append(": ").append(description);
		if (traceId != null && !traceId.isEmpty()) {
			message.append(" [traceId=").append(traceId).append(']');
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
	 * The message NxCloud returned with the code.
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
	 * is also <em>safe</em> depends on the operation: a message send that may have reached NxCloud must not be
	 * repeated.
	 * @return whether a retry could help
	 */
	public boolean isRetryable() {
		return this.retryable;
	}

}
