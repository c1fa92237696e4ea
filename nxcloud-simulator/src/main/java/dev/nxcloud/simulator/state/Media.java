package dev.nxcloud.simulator.state;

/**
 * A file uploaded through {@code POST /saas/wa/media/{phone}}.
 *
 * @param phone the business phone it was uploaded for
 * @param mediaId the media id
 * @param handle the template media handle ({@code h}, {@code 4:...})
 * @param originalFilename the uploaded file name
 * @param mimeType the MIME type
 * @param content the bytes
 */
public record Media(String phone, String mediaId, String handle, String originalFilename, String mimeType,
		byte[] content) {
}
