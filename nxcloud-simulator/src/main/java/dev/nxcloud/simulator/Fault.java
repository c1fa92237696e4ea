package dev.nxcloud.simulator;

import java.time.Duration;

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
		return new HttpStatus(status);
	}

	/**
	 * Answers HTTP 200 with NxCloud's generic failure {@code {"code":-1,"message":"Request failed","data":null}}.
	 * @return the fault
	 */
	static Fault requestFailed() {
		return new RequestFailed();
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
	 */
	record HttpStatus(int status) implements Fault {

		/**
		 * Checks the status.
		 */
		public HttpStatus {
			if (status < 400 || status > 599) {
				throw new IllegalArgumentException("Need an error status, not " + status);
			}
		}

	}

	/** Code -1, "Request failed". */
	record RequestFailed() implements Fault {
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
