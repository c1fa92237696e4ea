package dev.nxcloud.whatsapp.media;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a media upload: the identifiers a template's header media needs.
 *
 * @param h the template media handle, for a template's {@code templateMediaId}
 * @param mediaId the media id ({@code media_id}), for a template's {@code mediaId}
 * @param originalFilename the uploaded file's name ({@code original_filename}), for a template's {@code mediaName}
 * @param mimeType the media's MIME type ({@code mime_type})
 * @param url a link to the media (signed, and expiring)
 */
public record MediaUpload(@Nullable String h, @JsonProperty("media_id") @Nullable String mediaId,
		@JsonProperty("original_filename") @Nullable String originalFilename,
		@JsonProperty("mime_type") @Nullable String mimeType, @Nullable String url) {

}
