package dev.nxcloud.whatsapp.template;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A template's quality rating ({@code quality}, {@code quality_score.score}). Values NxCloud adds later read as
 * {@link #UNKNOWN}.
 */
public enum TemplateQuality {

	/** High quality. */
	GREEN,

	/** Medium quality. */
	YELLOW,

	/** Low quality. */
	RED,

	/** Not rated yet ({@code UNKNOWN} on the wire), or any other value. */
	@JsonEnumDefaultValue
	UNKNOWN

}
