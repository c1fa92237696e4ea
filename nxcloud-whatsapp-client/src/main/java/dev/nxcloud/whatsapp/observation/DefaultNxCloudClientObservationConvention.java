package dev.nxcloud.whatsapp.observation;

import dev.nxcloud.whatsapp.error.NxCloudApiException;
import dev.nxcloud.whatsapp.error.NxCloudConnectException;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.error.NxCloudHttpStatusException;
import dev.nxcloud.whatsapp.error.NxCloudInvalidResponseException;
import dev.nxcloud.whatsapp.error.NxCloudTimeoutException;
import dev.nxcloud.whatsapp.error.NxCloudTransportException;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationDocumentation.HighCardinalityKeyNames;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default {@link NxCloudClientObservationConvention}: observations named {@value #DEFAULT_NAME} with the keys
 * that {@link NxCloudClientObservationDocumentation} lists.
 */
public class DefaultNxCloudClientObservationConvention implements NxCloudClientObservationConvention {

	/** The default name of the observation, and of the timer it yields. */
	public static final String DEFAULT_NAME = "nxcloud.client.requests";

	private static final String NONE = "none";

	private final String name;

	/**
	 * Create a convention with the {@linkplain #DEFAULT_NAME default name}.
	 */
	public DefaultNxCloudClientObservationConvention() {
		this(DEFAULT_NAME);
	}

	/**
	 * Create a convention with a custom name.
	 * @param name the observation name
	 */
	public DefaultNxCloudClientObservationConvention(String name) {
		this.name = name;
	}

	@Override
	public String getName() {
		return this.name;
	}

	@Override
	public String getContextualName(NxCloudClientObservationContext context) {
		return "nxcloud " + context.getOperation().operationName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(NxCloudClientObservationContext context) {
		return KeyValues.of(group(context), operation(context), outcome(context), code(context), exception(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(NxCloudClientObservationContext context) {
		String traceId = context.getTraceId();
		return (traceId != null && !traceId.isEmpty())
				? KeyValues.of(KeyValue.of(HighCardinalityKeyNames.TRACE_ID, traceId)) : KeyValues.empty();
	}

	/**
	 * The endpoint group.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue group(NxCloudClientObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.GROUP, context.getOperation().group());
	}

	/**
	 * The operation's name.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue operation(NxCloudClientObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation().operationName());
	}

	/**
	 * How the call ended.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue outcome(NxCloudClientObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcomeOf(context));
	}

	/**
	 * NxCloud's result code.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue code(NxCloudClientObservationContext context) {
		Integer code = context.getCode();
		return KeyValue.of(LowCardinalityKeyNames.CODE, (code != null) ? code.toString() : NONE);
	}

	/**
	 * The exception's simple class name.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue exception(NxCloudClientObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return KeyValue.of(LowCardinalityKeyNames.EXCEPTION, NONE);
		}
		String simpleName = error.getClass().getSimpleName();
		return KeyValue.of(LowCardinalityKeyNames.EXCEPTION,
				simpleName.isEmpty() ? error.getClass().getName() : simpleName);
	}

	private static String outcomeOf(NxCloudClientObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return (context.getCode() != null) ? "SUCCESS" : "UNKNOWN";
		}
		if (error instanceof NxCloudApiException) {
			return "NXCLOUD_ERROR";
		}
		if (error instanceof NxCloudHttpStatusException) {
			return "HTTP_ERROR";
		}
		if (error instanceof NxCloudTimeoutException) {
			return "TIMEOUT";
		}
		if (error instanceof NxCloudConnectException) {
			return "CONNECT_ERROR";
		}
		if (error instanceof NxCloudInvalidResponseException) {
			return "INVALID_RESPONSE";
		}
		if (error instanceof NxCloudTransportException) {
			return "TRANSPORT_ERROR";
		}
		if (error instanceof NxCloudException) {
			return "CLIENT_ERROR";
		}
		return "UNKNOWN";
	}

}
