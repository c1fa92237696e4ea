package dev.nxcloud.whatsapp.template;

import dev.nxcloud.whatsapp.media.MediaUpload;
import org.jspecify.annotations.Nullable;

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
	 * Header media from its three identifiers.
	 * @param type the kind of media
	 * @param mediaName the file name ({@code original_filename} of the upload)
	 * @param mediaId the media id ({@code media_id} of the upload)
	 * @param templateMediaId the template media handle: one handle of the upload's {@code h}
	 * @return the header media
	 */
	public static TemplateHeaderMedia of(TemplateMediaType type, String mediaName, String mediaId,
			String templateMediaId) {
		return new TemplateHeaderMedia(type, mediaName, mediaId, templateMediaId);
	}

	/**
	 * Header media from an upload's answer, with the first of its handles as the {@code templateMediaId}.
	 * @param type the kind of media
	 * @param upload the answer of the media upload
	 * @return the header media
	 */
	public static TemplateHeaderMedia of(TemplateMediaType type, MediaUpload upload) {
		return new TemplateHeaderMedia(type, nonNull(upload.originalFilename()), nonNull(upload.mediaId()),
				nonNull(upload.templateMediaId()));
	}

	/**
	 * No header media, sent as four empty fields.
	 * @return the empty header media
	 */
	public static TemplateHeaderMedia none() {
		return NONE;
	}

	private static String nonNull(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
