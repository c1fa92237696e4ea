package dev.nxcloud.whatsapp.message;

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
	 * @param link an {@code http} or {@code https} URL
	 * @return the source
	 */
	public static MediaSource link(String link) {
		return new MediaSource(link, null);
	}

	/**
	 * Media uploaded earlier.
	 * @param id the media id
	 * @return the source
	 */
	public static MediaSource id(String id) {
		return new MediaSource(null, id);
	}

}
