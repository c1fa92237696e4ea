package dev.nxcloud.whatsapp.webhook;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads an epoch-seconds timestamp, as NxCloud sends it: a number or, more often, a string of digits.
 */
final class EpochSecondsDeserializer extends ValueDeserializer<@Nullable Instant> {

	@Override
	public @Nullable Instant deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
			return Instant.ofEpochSecond(parser.getValueAsLong());
		}
		if (token == JsonToken.VALUE_STRING) {
			String text = parser.getString().trim();
			if (text.isEmpty()) {
				return null;
			}
			try {
				return Instant.ofEpochSecond(Long.parseLong(text));
			}
			catch (NumberFormatException ex) {
				return (Instant) context.handleWeirdStringValue(Instant.class, text, "not epoch seconds");
			}
		}
		return (Instant) context.handleUnexpectedToken(Instant.class, parser);
	}

}
