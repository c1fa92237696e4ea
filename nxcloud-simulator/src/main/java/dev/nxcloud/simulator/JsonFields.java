package dev.nxcloud.simulator;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Lenient reading of request fields: strings and numbers are both accepted as text, blanks count as missing.
 */
final class JsonFields {

	private JsonFields() {
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isValueNode() || value.isNull()) {
			return null;
		}
		String text = value.asString();
		return text.isBlank() ? null : text;
	}

	static String required(JsonNode node, String field, int code, String message) {
		String value = text(node, field);
		if (value == null) {
			throw new ApiError(code, message);
		}
		return value;
	}

	static @Nullable Long parseLong(@Nullable String text) {
		if (text == null) {
			return null;
		}
		try {
			return Long.parseLong(text.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static boolean isObject(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.isObject();
	}

}
