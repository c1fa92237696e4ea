package dev.nxcloud.whatsapp.media;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a media upload: the identifiers a template's header media needs.
 * <p>
 * NxCloud's {@code h} may hold several template media handles, one a line: the upload page's example holds four,
 * all for the same file. A template takes one ({@code templateMediaId} in the template create example, {@code h} in a
 * template's detail), so {@link #templateMediaId()} gives the first and {@link #handles()} all of them; {@code h}
 * itself is kept as sent.
 *
 * @param h the template media handles as sent: one or more, one a line
 * @param mediaId the media id ({@code media_id}), for a template's {@code mediaId}
 * @param originalFilename the uploaded file's name ({@code original_filename}), for a template's {@code mediaName}
 * @param mimeType the media's MIME type ({@code mime_type})
 * @param url a link to the media (signed, and expiring)
 */
public record MediaUpload(@Nullable String h, @JsonProperty("media_id") @Nullable String mediaId,
		@JsonProperty("original_filename") @Nullable String originalFilename,
		@JsonProperty("mime_type") @Nullable String mimeType, @Nullable String url) {

	/**
	 * The template media handles of {@code h}, one per line.
	 * @return the handles in NxCloud's order, blank lines left out; empty when NxCloud sent none
	 */
	public List<String> handles() {
		return (this.h != null) ? this.h.lines().map(String::strip).filter((handle) -> !handle.isEmpty()).toList()
				: List.of();
	}

	/**
	 * The value of a template's {@code templateMediaId}: the first handle of {@code h}.
	 * @return the handle, or {@code null} when NxCloud sent none
	 */
	public @Nullable String templateMediaId() {
		List<String> handles = handles();
		return handles.isEmpty() ? null : handles.get(0);
	}

}
