package dev.nxcloud.whatsapp.template;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The kind of media in a template's header ({@code mediaType}, {@code media_type}). Values NxCloud adds later read
 * as {@link #UNKNOWN}, which a request cannot use.
 */
public enum TemplateMediaType {

	/** An image. */
	IMAGE,

	/** A document. */
	DOCUMENT,

	/** A video. */
	VIDEO,

	/** Any other value. */
	@JsonEnumDefaultValue
	UNKNOWN

}
