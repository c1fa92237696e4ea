package dev.nxcloud.whatsapp.observation;

import dev.nxcloud.whatsapp.NxCloudOperation;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Context of one NxCloud call's {@link Observation}: the operation and, once NxCloud has answered, its result code
 * and {@code traceId}. A failure is the context's {@linkplain #getError() error}.
 */
public class NxCloudClientObservationContext extends Observation.Context {

	private final NxCloudOperation operation;

	private @Nullable Integer code;

	private @Nullable String traceId;

	/**
	 * Create a context for a call to an operation.
	 * @param operation the operation being called
	 */
	public NxCloudClientObservationContext(NxCloudOperation operation) {
		this.operation = operation;
	}

	/**
	 * The operation being called.
	 * @return the operation
	 */
	public NxCloudOperation getOperation() {
		return this.operation;
	}

	/**
	 * The result code NxCloud returned.
	 * @return the code ({@code 0} for success), or {@code null} when NxCloud's answer carried none
	 */
	public @Nullable Integer getCode() {
		return this.code;
	}

	/**
	 * Set the result code NxCloud returned.
	 * @param code the code, or {@code null}
	 */
	public void setCode(@Nullable Integer code) {
		this.code = code;
	}

	/**
	 * NxCloud's trace id for the call.
	 * @return the trace id, or {@code null} when none came back
	 */
	public @Nullable String getTraceId() {
		return this.traceId;
	}

	/**
	 * Set NxCloud's trace id for the call.
	 * @param traceId the trace id, or {@code null}
	 */
	public void setTraceId(@Nullable String traceId) {
		this.traceId = traceId;
	}

}
