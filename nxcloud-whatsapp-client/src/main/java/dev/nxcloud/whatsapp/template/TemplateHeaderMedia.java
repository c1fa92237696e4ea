package dev.nxcloud.whatsapp.template;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.media.MediaKind;
import dev.nxcloud.whatsapp.media.MediaUpload;
import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The media in a template's header ({@code mediaType}, {@code mediaName}, {@code mediaId}, {@code templateMediaId}),
 * as returned by a media upload. Use {@link #of(TemplateMediaType, MediaUpload)} after uploading, or {@link #none()}
 * to send the fields empty, as NxCloud's update example does for a template without header media.
 *
 * @param type the kind of media; {@code null} only for {@link #none()}
 * @param mediaName the file name ({@code mediaName}: the upload's {@code original_filename})
 * @param mediaId the media id ({@code mediaId}: the upload's {@code media_id})
 * @param templateMediaId the template media handle ({@code templateMediaId}: one handle of the upload's {@code h},
 * {@link MediaUpload#templateMediaId()})
 */
public record TemplateHeaderMedia(@Nullable TemplateMediaType type, String mediaName, String mediaId,
		String templateMediaId) {

	private static final TemplateHeaderMedia NONE = new TemplateHeaderMedia(null, "", "", "");

	/**
	 * Create header media.
	 * @param type the kind of media; {@code null} only for {@link #none()}
	 * @param mediaName the file name
	 * @param mediaId the media id
	 * @param templateMediaId the template media handle
	 * @throws NxCloudValidationException if a name or id is {@code null}
	 */
	public TemplateHeaderMedia {
		NxCloudValidation.requireNonNull("mediaName", mediaName);
		NxCloudValidation.requireNonNull("mediaId", mediaId);
		NxCloudValidation.requireNonNull("templateMediaId", templateMediaId);
	}

	/**
	 * Header media from its three identifiers.
	 * @param type the kind of media
	 * @param mediaName the file name ({@code original_filename} of the upload)
	 * @param mediaId the media id ({@code media_id} of the upload)
	 * @param templateMediaId the template media handle: one handle of the upload's {@code h}
	 * @return the header media
	 */
	public static TemplateHeaderMedia of(TemplateMediaType type, String mediaName, String mediaId,
			String templateMediaId) {
		return new TemplateHeaderMedia(NxCloudValidation.requireNonNull("mediaType", type), mediaName, mediaId,
				templateMediaId);
	}

	/**
	 * Header media from an upload's answer, with the first of its handles as the {@code templateMediaId}.
	 * @param type the kind of media; it must be the kind of the upload's {@code mime_type} when NxCloud sent one
	 * @param upload the answer of the media upload
	 * @return the header media
	 * @throws NxCloudValidationException if the answer has no handle in {@code h} or no {@code media_id}, or its
	 * {@code mime_type} is not of the given kind
	 */
	public static TemplateHeaderMedia of(TemplateMediaType type, MediaUpload upload) {
		NxCloudValidation.requireNonNull("mediaType", type);
		NxCloudValidation.requireNonNull("upload", upload);
		String templateMediaId = upload.templateMediaId();
		if (templateMediaId == null) {
			throw new NxCloudValidationException("h",
					"of the upload's answer holds no handle, so there is no templateMediaId to send");
		}
		String mediaId = NxCloudValidation.requireText("media_id", upload.mediaId());
		checkKind(type, upload.mimeType());
		String mediaName = upload.originalFilename();
		return new TemplateHeaderMedia(type, (mediaName != null) ? mediaName : "", mediaId, templateMediaId);
	}

	private static void checkKind(TemplateMediaType type, @Nullable String mimeType) {
		if (mimeType == null) {
			return;
		}
		MediaKind kind = kindOf(mimeType);
		if (kind == null) {
			throw new NxCloudValidationException("mime_type",
					"of the upload's answer must be an image, video or document type of a template header (got "
							+ NxCloudValidation.quote(mimeType) + ")");
		}
		if (!kind.name().equals(type.name())) {
			throw new NxCloudValidationException("mediaType", "must be the kind of the uploaded media: " + kind
					+ " for its mime_type " + NxCloudValidation.quote(mimeType) + " (got " + type + ")");
		}
	}

	private static @Nullable MediaKind kindOf(String mimeType) {
		try {
			return MediaKind.of(MediaType.parseMediaType(mimeType)).orElse(null);
		}
		catch (InvalidMediaTypeException ex) {
			return null;
		}
	}

	/**
	 * No header media, sent as four empty fields.
	 * @return the empty header media
	 */
	public static TemplateHeaderMedia none() {
		return NONE;
	}

}
