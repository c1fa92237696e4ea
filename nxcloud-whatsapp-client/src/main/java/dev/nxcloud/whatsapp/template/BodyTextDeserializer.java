package dev.nxcloud.whatsapp.template;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads {@code body_text} in both shapes NxCloud's template detail page documents: its table's flat array of the
 * variables' values ({@code ["8613800000000","David"]}) and its example's array holding one such array
 * ({@code [["8613800000000","David"]]}). Both give the same list. Anything else, such as several value arrays or an
 * object, is refused rather than guessed at.
 */
final class BodyTextDeserializer extends ValueDeserializer<List<String>> {

	@Override
	public List<String> deserialize(JsonParser parser, DeserializationContext context) {
		JsonNode node = context.readTree(parser);
		JsonNode values = (node.isArray() && node.size() == 1 && node.get(0).isArray()) ? node.get(0) : node;
		List<String> bodyText = new ArrayList<>();
		if (values.isArray()) {
			for (JsonNode value : values) {
				if (!value.isValueNode() || value.isNull()) {
					break;
				}
				bodyText.add(value.asString());
			}
		}
		if (!values.isArray() || bodyText.size() != values.size()) {
			return context.reportInputMismatch(this, "body_text must be an array of the variables' values, or an "
					+ "array holding one such array, not %s", node);
		}
		return List.copyOf(bodyText);
	}

}
