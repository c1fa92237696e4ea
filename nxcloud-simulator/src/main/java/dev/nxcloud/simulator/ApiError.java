package dev.nxcloud.simulator;

/**
 * An NxCloud error answer ({@code code} and {@code message}), thrown to end the handling of a request.
 */
final class ApiError extends RuntimeException {

	private final int code;

	ApiError(int code, String message) {
		super(message, null, false, false);
		this.code = code;
	}

	int code() {
		return this.code;
	}

}
