package dev.nxcloud.simulator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An NxCloud error answer ({@code code}, {@code message} and, for a 9099, Meta's error object as {@code data}),
 * thrown to end the handling of a request.
 */
final class ApiError extends RuntimeException {

	private final int code;

	private final @Nullable JsonNode data;

	ApiError(int code, String message) {
		this(code, message, null);
	}

	ApiError(int code, String message, @Nullable JsonNode data) {
		super(message, null, false, false);
		this.code = code;
		this.data = data;
	}

	int code() {
		return this.code;
	}

	@Nullable JsonNode data() {
		return this.data;
	}

}
