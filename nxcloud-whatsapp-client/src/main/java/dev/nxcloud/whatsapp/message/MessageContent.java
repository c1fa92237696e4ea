package dev.nxcloud.whatsapp.message;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link Message} carries: one of the WhatsApp message types. A {@code null} where a value is required is
 * refused at once with an {@link NxCloudValidationException} naming the field ({@code text.body}, {@code image}, …);
 * lengths and the other rules are checked when the message is sent.
 */
public sealed interface MessageContent permits MessageContent.Text, MessageContent.Image, MessageContent.Video,
		MessageContent.Audio, MessageContent.Document, MessageContent.Sticker, MessageContent.Location,
		MessageContent.TemplateContent {

	/**
	 * The message type, as sent in {@code type}.
	 * @return the type, for example {@code text}
	 */
	String type();

	/**
	 * A text message ({@code text}).
	 *
	 * @param body the text, 1 to 4096 characters; {@code *bold*}, {@code _italic_} and {@code ~strike~} format it
	 * @param previewUrl whether to show a preview of the first {@code http(s)} URL in the text ({@code preview_url})
	 */
	record Text(String body, boolean previewUrl) implements MessageContent {

		/**
		 * Create the content.
		 * @param body the text
		 * @param previewUrl whether to preview the first URL
		 * @throws NxCloudValidationException if a required value is {@code null}
		 */
		public Text {
			NxCloudValidation.requireNonNull("text.body", body);
		}

		@Override
		public String type() {
			return "text";
		}

	}

	/**
	 * An image message ({@code image}).
	 *
	 * @param media the image
	 * @param caption the caption, at most 1,024 characters, or {@code null}
	 */
	record Image(MediaSource media, @Nullable String caption) implements MessageContent {

		/**
		 * Create the content.
		 * @param media the image
		 * @param caption the caption, or {@code null}
		 * @throws NxCloudValidationException if a required value is {@code null}
		 */
		public Image {
			NxCloudValidation.requireNonNull("image", media);
		}

		@Override
		public String type() {
			return "image";
		}

	}

	/**
	 * A video message ({@code video}).
	 *
	 * @param media the video
	 * @param caption the caption, at most 1,024 characters, or {@code null}
	 */
	record Video(MediaSource media, @Nullable String caption) implements MessageContent {

		/**
		 * Create the content.
		 * @param media the video
		 * @param caption the caption, or {@code null}
		 * @throws NxCloudValidationException if a required value is {@code null}
		 */
		public Video {
			NxCloudValidation.requireNonNull("video", media);
		}

		@Override
		public String type() {
			return "video";
		}

	}

	/**
	 * An audio message ({@code audio}).
	 *
	 * @param media the audio file
	 */
	record Audio(MediaSource media) implements MessageContent {

		/**
		 * Create the content.
		 * @param media the audio file
		 * @throws NxCloudValidationException if a required value is {@code null}
		 */
		public Audio {
			NxCloudValidation.requireNonNull("audio", media);
		}

		@Override
		public String type() {
			return "audio";
		}

	}

	/**
	 * A document message ({@code document}).
	 *
	 * @param media the document
	 * @param filename the file name shown to the recipient, at most 255 characters without control characters, or
	 * {@code null}
	 * @param caption the caption, at most 1,024 characters, or {@code null}
	 */
	record Document(MediaSource media, @Nullable String filename, @Nullable String caption) implements MessageContent {

		/**
		 * Create the content.
		 * @param media the document
		 * @param filename the file name, or {@code null}
		 * @param caption the caption, or {@code null}
		 * @throws NxCloudValidationException if a required value is {@code null}
		 */
		public Document {
			NxCloudValidation.requireNonNull("document", media);
		}

		@Override
		public String type() {
			return "document";
		}

	}

	/**
	 * A sticker message ({@code sticker}).
	 *
	 * @param media the sticker, a WebP image
	 */
	record Sticker(MediaSource media) implements MessageContent {

		/**
		 * Create the content.
		 * @param media the sticker
		 * @throws NxCloudValidationException if a required value is {@code null}
		 */
		public Sticker {
			NxCloudValidation.requireNonNull("sticker", media);
		}

		@Override
		public String type() {
			return "sticker";
		}

	}

	/**
	 * A location message ({@code location}).
	 *
	 * @param latitude the latitude, −90 to 90
	 * @param longitude the longitude, −180 to 180
	 * @param name the place's name, at most 1,024 characters, or {@code null}
	 * @param address the place's address, at most 1,024 characters, or {@code null}
	 */
	record Location(double latitude, double longitude, @Nullable String name, @Nullable String address)
			implements MessageContent {

		@Override
		public String type() {
			return "location";
		}

	}

	/**
	 * A template message ({@code template}).
	 *
	 * @param template the template and its values
	 */
	record TemplateContent(Template template) implements MessageContent {

		/**
		 * Create the content.
		 * @param template the template and its values
		 * @throws NxCloudValidationException if a required value is {@code null}
		 */
		public TemplateContent {
			NxCloudValidation.requireNonNull("template", template);
		}

		@Override
		public String type() {
			return "template";
		}

	}

}
