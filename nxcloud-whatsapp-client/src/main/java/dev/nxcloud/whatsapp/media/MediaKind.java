package dev.nxcloud.whatsapp.media;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.nxcloud.whatsapp.NxCloudValidation;

import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

/**
 * The kinds of media the template media upload ({@code /saas/wa/media/{phone}}) takes, with their content types and
 * size limits. The upload serves a template's header example, so its kinds are a template header's
 * ({@code mediaType} IMAGE, DOCUMENT or VIDEO, the names of this enum); audio and stickers cannot be a header and
 * are refused. The content types are those Meta's resumable upload takes, which makes the handle the upload answers
 * with ({@code h}, whose second segment is the file's MIME type, Base64-encoded): {@code image/jpeg},
 * {@code image/jpg}, {@code image/png}, {@code video/mp4} and {@code application/pdf}. The size limits are
 * WhatsApp's for the media of a message header.
 */
public enum MediaKind {

	/** JPEG or PNG images, up to 5 MB; {@code image/jpg} is taken as well as {@code image/jpeg}. */
	IMAGE(DataSize.ofMegabytes(5), "image/jpeg", "image/jpg", "image/png"),

	/** MP4 video, up to 16 MB. */
	VIDEO(DataSize.ofMegabytes(16), "video/mp4"),

	/** PDF documents, up to 100 MB. */
	DOCUMENT(DataSize.ofMegabytes(100), "application/pdf");

	private final DataSize maxSize;

	private final List<MediaType> contentTypes;

	MediaKind(DataSize maxSize, String... contentTypes) {
		this.maxSize = maxSize;
		this.contentTypes = Arrays.stream(contentTypes).map(MediaType::parseMediaType).toList();
	}

	/**
	 * The largest file the upload takes for this kind.
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
	 * @return {@code true} if the upload takes it
	 */
	public boolean allows(long size) {
		return size <= this.maxSize.toBytes();
	}

	/**
	 * The kind of a content type, ignoring its parameters.
	 * @param contentType the content type
	 * @return the kind, or empty when the upload does not take the content type
	 */
	public static Optional<MediaKind> of(MediaType contentType) {
		NxCloudValidation.requireNonNull("contentType", contentType);
		return Arrays.stream(values())
			.filter((kind) -> kind.contentTypes.stream().anyMatch(contentType::equalsTypeAndSubtype))
			.findFirst();
	}

}
