package dev.nxcloud.whatsapp.template;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The answer of a template create or update. NxCloud does not document its {@code data}, so it is kept as sent and
 * the template id is taken from it when it holds one: {@code data} itself as a number, or its {@code id} field.
 *
 * @param id the template id, when known
 * @param data NxCloud's {@code data} as sent; {@code null} when there was none
 */
public record TemplateRef(@Nullable Long id, @Nullable JsonNode data) {

	/**
	 * Read a reference from NxCloud's {@code data}.
	 * @param data the data, or {@code null}
	 * @param knownId the id already known (for an update), or {@code null}
	 * @return the reference
	 */
	static TemplateRef from(@Nullable JsonNode data, @Nullable Long knownId) {
		Long id = idOf(data);
		return new TemplateRef((id != null) ? id : knownId, data);
	}

	/**
	 * The template id.
	 * @return the id, or empty when NxCloud's answer did not carry one
	 */
	public Optional<Long> templateId() {
		return Optional.ofNullable(this.id);
	}

	private static @Nullable Long idOf(@Nullable JsonNode data) {
		if (data == null) {
			return null;
		}
		JsonNode id = data.isObject() ? data.get("id") : data;
		if (id == null) {
			return null;
		}
		if (id.isIntegralNumber() && id.canConvertToLong()) {
			return id.longValue();
		}
		if (id.isString()) {
			try {
				return Long.valueOf(id.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

}
