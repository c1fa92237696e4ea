package dev.nxcloud.whatsapp.message;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A value for a template's header: a text variable, or the image, video or document of a media header.
 *
 * @param type the parameter type
 * @param text the text, for {@link Type#TEXT}
 * @param media the media, for the other types
 * @param filename the file name shown for a {@link Type#DOCUMENT}; optional
 */
public record HeaderParameter(Type type, @Nullable String text, @Nullable MediaSource media,
		@Nullable String filename) {

	/**
	 * Create a header parameter.
	 * @param type the parameter type
	 * @param text the text, for {@link Type#TEXT}
	 * @param media the media, for the other types
	 * @param filename the file name shown for a {@link Type#DOCUMENT}, or {@code null}
	 * @throws NxCloudValidationException if {@code type} is {@code null}
	 */
	public HeaderParameter {
		NxCloudValidation.requireNonNull("type", type);
	}

	/**
	 * A text header variable.
	 * @param text the text, at most 60 characters, without line breaks, tabs or more than 4 consecutive spaces
	 * @return the parameter
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public static HeaderParameter text(String text) {
		return new HeaderParameter(Type.TEXT, NxCloudValidation.requireNonNull("text", text), null, null);
	}

	/**
	 * An image header fetched from a URL.
	 * @param link an {@code http} or {@code https} URL
	 * @return the parameter
	 */
	public static HeaderParameter image(String link) {
		return image(MediaSource.link(link));
	}

	/**
	 * An image header.
	 * @param media the image
	 * @return the parameter
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public static HeaderParameter image(MediaSource media) {
		return new HeaderParameter(Type.IMAGE, null, NxCloudValidation.requireNonNull("image", media), null);
	}

	/**
	 * A video header fetched from a URL.
	 * @param link an {@code http} or {@code https} URL
	 * @return the parameter
	 */
	public static HeaderParameter video(String link) {
		return video(MediaSource.link(link));
	}

	/**
	 * A video header.
	 * @param media the video
	 * @return the parameter
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public static HeaderParameter video(MediaSource media) {
		return new HeaderParameter(Type.VIDEO, null, NxCloudValidation.requireNonNull("video", media), null);
	}

	/**
	 * A document header fetched from a URL.
	 * @param link an {@code http} or {@code https} URL
	 * @param filename the file name shown to the recipient, at most 255 characters without control characters, or
	 * {@code null}
	 * @return the parameter
	 */
	public static HeaderParameter document(String link, @Nullable String filename) {
		return document(MediaSource.link(link), filename);
	}

	/**
	 * A document header.
	 * @param media the document
	 * @param filename the file name shown to the recipient, at most 255 characters without control characters, or
	 * {@code null}
	 * @return the parameter
	 * @throws NxCloudValidationException if the media is {@code null}
	 */
	public static HeaderParameter document(MediaSource media, @Nullable String filename) {
		return new HeaderParameter(Type.DOCUMENT, null, NxCloudValidation.requireNonNull("document", media), filename);
	}

	/**
	 * The type of a header parameter.
	 */
	public enum Type {

		/** A text variable ({@code text}). */
		TEXT("text"),

		/** An image ({@code image}). */
		IMAGE("image"),

		/** A video ({@code video}). */
		VIDEO("video"),

		/** A document ({@code document}). */
		DOCUMENT("document");

		private final String wireValue;

		Type(String wireValue) {
			this.wireValue = wireValue;
		}

		/**
		 * The value sent as the parameter's {@code type}.
		 * @return the wire value
		 */
		public String wireValue() {
			return this.wireValue;
		}

	}

}
