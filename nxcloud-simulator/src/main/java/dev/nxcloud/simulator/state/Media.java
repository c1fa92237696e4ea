package dev.nxcloud.simulator.state;

import java.util.List;

/**
 * A file uploaded through {@code POST /saas/wa/media/{phone}}.
 *
 * @param phone the business phone it was uploaded for
 * @param mediaId the media id
 * @param handles the template media handles ({@code 4:...}), several for one file as in the upload page's example;
 * any of them is a valid {@code templateMediaId}
 * @param originalFilename the uploaded file name
 * @param mimeType the MIME type
 * @param content the bytes
 */
public record Media(String phone, String mediaId, List<String> handles, String originalFilename, String mimeType,
		byte[] content) {

	/**
	 * Copies the handles.
	 */
	public Media {
		handles = List.copyOf(handles);
	}

	/**
	 * The upload's {@code h} as NxCloud answers it: the handles, one a line.
	 * @return the handles joined by {@code \n}
	 */
	public String h() {
		return String.join("\n", this.handles);
	}

}
