package dev.nxcloud.whatsapp.message;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Where WhatsApp fetches a media file from: a public HTTP(S) link or the id of uploaded media. Exactly one of the
 * two must be set.
 *
 * @param link an {@code http} or {@code https} URL of the file ({@code link})
 * @param id the media id returned by an upload ({@code id})
 */
public record MediaSource(@Nullable String link, @Nullable String id) {

	/**
	 * Media fetched from a URL.
	 * @param link an {@code http} or {@code https} URL of at most 2,000 characters
	 * @return the source
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public static MediaSource link(String link) {
		return new MediaSource(NxCloudValidation.requireNonNull("link", link), null);
	}

	/**
	 * Media uploaded earlier.
	 * @param id the media id
	 * @return the source
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public static MediaSource id(String id) {
		return new MediaSource(null, NxCloudValidation.requireNonNull("id", id));
	}

}
