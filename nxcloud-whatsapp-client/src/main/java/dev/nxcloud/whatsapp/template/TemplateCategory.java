package dev.nxcloud.whatsapp.template;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A template's category by name ({@code category}). Values NxCloud adds later read as {@link #UNKNOWN}.
 */
public enum TemplateCategory {

	/** Marketing: promotions, offers, announcements. */
	MARKETING,

	/** Utility: updates about a transaction or account. */
	UTILITY,

	/** Authentication: one-time passwords. */
	AUTHENTICATION,

	/** Any other value. */
	@JsonEnumDefaultValue
	UNKNOWN

}
