package dev.nxcloud.simulator;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What an injected fault does to an answer. Create them with the static factories and register them with
 * {@link Faults#on(Endpoint...)}.
 */
public sealed interface Fault {

	/**
	 * Delays the answer by a fixed time.
	 * @param delay the delay
	 * @return the fault
	 */
	static Fault latency(Duration delay) {
		return new Latency(delay, delay);
	}

	/**
	 * Delays the answer by a time drawn uniformly from {@code [min, max]} with the simulator's seeded random.
	 * @param min the shortest delay
	 * @param max the longest delay
	 * @return the fault
	 */
	static Fault latency(Duration min, Duration max) {
		return new Latency(min, max);
	}

	/**
	 * Answers with an HTTP error status and a small HTML body, as a gateway in front of NxCloud would.
	 * @param status the status, e.g. 502
	 * @return the fault
	 */
	static Fault httpStatus(int status) {
		return new HttpStatus(status, null);
	}

	/**
	 * Answers with an HTTP error status and a small HTML body, with a {@code Retry-After} header that asks the
	 * client to wait, in whole seconds (rounded up), e.g. {@code httpStatus(429, Duration.ofSeconds(2))}.
	 * @param status the status, e.g. 429 or 503
	 * @param retryAfter the wait to ask for
	 * @return the fault
	 */
	static Fault httpStatus(int status, Duration retryAfter) {
		return new HttpStatus(status, retryAfter);
	}

	/**
	 * Answers HTTP 200 with NxCloud's generic failure {@code {"code":-1,"message":"Request failed","data":null}}: the
	 * same answer as {@code errorCode(-1)}, with the same {@code failed} status callback after processing.
	 * @return the fault
	 */
	static Fault requestFailed() {
		return new RequestFailed();
	}

	/**
	 * Answers HTTP 200 with an NxCloud error code, rendered as the endpoint's documentation page renders it: the
	 * page's message for the code (for a code the page does not list, the message another page of the same family
	 * gives it, then any page's, then {@code Request failed}), with {@code {0}} filled from the request (the
	 * business phone of 22049, the language of 22092), {@code data} {@code null}, and {@code traceId}. Code 9099
	 * carries Meta's error object in {@code data.error}, as on the OTP page. Any code can be answered on any
	 * endpoint, e.g. 9004, 9013, 22041, 22042, 22091, 22122, 22123, 22125 or 22141.
	 * <p>
	 * With {@link Faults.RuleBuilder#afterProcessing()} a send is processed (the message is kept, see
	 * {@link NxCloudSimulator#messages()}) but, since NxCloud answered that it failed, its status callback is a single
	 * {@code failed} whose {@code errors[0]} holds this code and the answered message, never {@code sent},
	 * {@code delivered} or {@code read} [derived: the pages do not say what NxCloud reports after an error].
	 * @param code the code, not 0
	 * @return the fault
	 */
	static Fault errorCode(int code) {
		return new ErrorCode(code, null);
	}

	/**
	 * Answers HTTP 200 with an NxCloud error code and a message of your own, e.g. the details of a 22141; after
	 * processing, a send's {@code failed} status callback carries them (see {@link #errorCode(int)}).
	 * @param code the code, not 0
	 * @param message the message
	 * @return the fault
	 */
	static Fault errorCode(int code, String message) {
		return new ErrorCode(code, message);
	}

	/**
	 * Reads the request and never answers; the connection stays open until the client gives up (or the simulator
	 * closes).
	 * @return the fault
	 */
	static Fault noResponse() {
		return new NoResponse();
	}

	/**
	 * Reads the request, then resets the TCP connection (SO_LINGER 0 and close, so the client sees an RST).
	 * @return the fault
	 */
	static Fault connectionReset() {
		return new ConnectionReset();
	}

	/**
	 * Answers HTTP 200 with {@code Content-Type: application/json} and a body that is not JSON (an HTML error page).
	 * @return the fault
	 */
	static Fault malformedBody() {
		return new MalformedBody("application/json;charset=UTF-8",
				"<html><body><h1>502 Bad Gateway</h1><p>upstream error</p></body></html>");
	}

	/**
	 * A delay drawn uniformly from {@code [min, max]}.
	 *
	 * @param min the shortest delay
	 * @param max the longest delay
	 */
	record Latency(Duration min, Duration max) implements Fault {

		/**
		 * Checks the bounds.
		 */
		public Latency {
			if (min.isNegative() || max.compareTo(min) < 0) {
				throw new IllegalArgumentException("Need 0 <= min <= max");
			}
		}

	}

	/**
	 * An HTTP error status.
	 *
	 * @param status the status
	 * @param retryAfter the wait its {@code Retry-After} header asks for, or {@code null} for no such header
	 */
	record HttpStatus(int status, @Nullable Duration retryAfter) implements Fault {

		/**
		 * Checks the status and the wait.
		 */
		public HttpStatus {
			if (status < 400 || status > 599) {
				throw new IllegalArgumentException("Need an error status, not " + status);
			}
			if (retryAfter != null && retryAfter.isNegative()) {
				throw new IllegalArgumentException("retryAfter must not be negative (got " + retryAfter + ")");
			}
		}

		/**
		 * The value of the {@code Retry-After} header: the wait in whole seconds, rounded up.
		 * @return the header value, or {@code null} for no header
		 */
		public @Nullable String retryAfterHeader() {
			if (this.retryAfter == null) {
				return null;
			}
			Duration roundedUp = this.retryAfter.plusNanos(999_999_999);
			return Long.toString(roundedUp.getSeconds());
		}

	}

	/** Code -1, "Request failed". */
	record RequestFailed() implements Fault {
	}

	/**
	 * An NxCloud error code in a well-formed answer.
	 *
	 * @param code the code
	 * @param message the message, or {@code null} for the one the endpoint's page documents
	 */
	record ErrorCode(int code, @Nullable String message) implements Fault {

		/**
		 * Checks the code.
		 */
		public ErrorCode {
			if (code == 0) {
				throw new IllegalArgumentException("0 is success, not an error code");
			}
		}

	}

	/** No answer at all. */
	record NoResponse() implements Fault {
	}

	/** A TCP reset after the request was read. */
	record ConnectionReset() implements Fault {
	}

	/**
	 * A body that does not parse as JSON.
	 *
	 * @param contentType the content type sent
	 * @param body the body sent
	 */
	record MalformedBody(String contentType, String body) implements Fault {
	}

}
