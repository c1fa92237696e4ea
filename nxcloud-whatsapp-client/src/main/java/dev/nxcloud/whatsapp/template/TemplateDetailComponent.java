package dev.nxcloud.whatsapp.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One component of a template's details: its header, body, footer or buttons.
 *
 * @param type the component type
 * @param format the header's format
 * @param text the header, body or footer text
 * @param buttons the buttons, for {@link Type#BUTTONS}
 * @param parameters parameters as NxCloud sends them (undocumented; {@code null} in every example)
 * @param subType the sub-type ({@code sub_type}; undocumented, {@code null} in every example)
 * @param index the index (undocumented, {@code null} in every example)
 * @param example example values for the variables
 * @param filename the header media's file name
 * @param url a URL (undocumented, {@code null} in every example)
 * @param mediaId the header media's id ({@code media_id})
 * @param h the header media's template handle
 * @param mediaType the header media's kind ({@code media_type})
 */
public record TemplateDetailComponent(@Nullable Type type, @Nullable Format format, @Nullable String text,
		List<TemplateDetailButton> buttons, @Nullable JsonNode parameters,
		@JsonProperty("sub_type") @Nullable String subType, @Nullable String index, @Nullable Example example,
		@Nullable String filename, @Nullable String url, @JsonProperty("media_id") @Nullable String mediaId,
		@Nullable String h, @JsonProperty("media_type") @Nullable TemplateMediaType mediaType) {

	/**
	 * Read a component.
	 * @param type the type
	 * @param format the format
	 * @param text the text
	 * @param buttons the buttons, {@code null} read as none
	 * @param parameters the parameters, a JSON {@code null} read as {@code null}
	 * @param subType the sub-type
	 * @param index the index
	 * @param example the example values
	 * @param filename the file name
	 * @param url the URL
	 * @param mediaId the media id
	 * @param h the media handle
	 * @param mediaType the media kind
	 */
	public TemplateDetailComponent {
		buttons = (buttons != null) ? List.copyOf(buttons) : List.of();
		parameters = (parameters != null && !parameters.isNull()) ? parameters : null;
	}

	/**
	 * Example values for a component's variables.
	 *
	 * @param headerHandle the header media's links ({@code header_handle}; the page documents one link as a
	 * string, which reads as a list of one)
	 * @param fileName the header media's file name ({@code file_name})
	 * @param bodyText example values of the body's variables, in order ({@code body_text}). The page's table
	 * documents a flat array of strings and its example an array holding one array; both read as the same flat list,
	 * and any other shape is an invalid response
	 */
	public record Example(
			@JsonProperty("header_handle") @JsonFormat(
					with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> headerHandle,
			@JsonProperty("file_name") @Nullable String fileName,
			@JsonProperty("body_text") @JsonDeserialize(using = BodyTextDeserializer.class) List<String> bodyText) {

		/**
		 * Read example values.
		 * @param headerHandle the header links, {@code null} read as none
		 * @param fileName the file name
		 * @param bodyText the body values, {@code null} read as none
		 */
		public Example {
			headerHandle = (headerHandle != null) ? List.copyOf(headerHandle) : List.of();
			bodyText = (bodyText != null) ? List.copyOf(bodyText) : List.of();
		}

	}

	/** The component types. Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum Type {

		/** The header. */
		HEADER,

		/** The body. */
		BODY,

		/** The footer. */
		FOOTER,

		/** The buttons. */
		BUTTONS,

		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

	/** The header formats. Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum Format {

		/** Text. */
		TEXT,

		/** An image. */
		IMAGE,

		/** A document. */
		DOCUMENT,

		/** A video. */
		VIDEO,

		/** A location. */
		LOCATION,

		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

}
