package dev.nxcloud.whatsapp.media;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * The kinds of media WhatsApp accepts, with their content types and size limits. {@code video/3gpp}, the registered
 * name of 3GP video, is accepted besides the {@code video/3gp} WhatsApp lists.
 */
public enum MediaKind {

	/** JPEG or PNG images (8-bit RGB or RGBA), up to 5 MB. */
	IMAGE(DataSize.ofMegabytes(5), "image/jpeg", "image/png"),

	/** AAC, MP4, MPEG, AMR or OGG (Opus only) audio, up to 16 MB. */
	AUDIO(DataSize.ofMegabytes(16), "audio/aac", "audio/mp4", "audio/mpeg", "audio/amr", "audio/ogg"),

	/** MP4 or 3GP video (H.264 and AAC, at most one audio stream), up to 16 MB. */
	VIDEO(DataSize.ofMegabytes(16), "video/mp4", "video/3gp", "video/3gpp"),

	/** Plain text, PDF and Microsoft Office documents, up to 100 MB. */
	DOCUMENT(DataSize.ofMegabytes(100), "text/plain", "application/pdf", "application/msword",
			"application/vnd.ms-excel", "application/vnd.ms-powerpoint",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation"),

	/** WebP stickers, up to 100 KB. */
	STICKER(DataSize.ofKilobytes(100), "image/webp");

	private final DataSize maxSize;

	private final List<MediaType> contentTypes;

	MediaKind(DataSize maxSize, String... contentTypes) {
		this.maxSize = maxSize;
		this.contentTypes = Arrays.stream(contentTypes).map(MediaType::parseMediaType).toList();
	}

	/**
	 * The largest file WhatsApp accepts for this kind.
	 * @return the limit
	 */
	public DataSize maxSize() {
		return this.maxSize;
	}

	/**
	 * The content types of this kind.
	 * @return the content types, without parameters
	 */
	public List<MediaType> contentTypes() {
		return this.contentTypes;
	}

	/**
	 * Whether a file of this size is within this kind's limit.
	 * @param size the size in bytes
	 * @return {@code true} if WhatsApp accepts it
	 */
	public boolean allows(long size) {
		return size <= this.maxSize.toBytes();
	}

	/**
	 * The kind of a content type, ignoring its parameters (such as {@code charset}).
	 * @param contentType the content type
	 * @return the kind, or empty when WhatsApp does not accept the content type
	 */
	public static Optional<MediaKind> of(MediaType contentType) {
		return Arrays.stream(values())
			.filter((kind) -> kind.contentTypes.stream().anyMatch(contentType::equalsTypeAndSubtype))
			.findFirst();
	}

}
