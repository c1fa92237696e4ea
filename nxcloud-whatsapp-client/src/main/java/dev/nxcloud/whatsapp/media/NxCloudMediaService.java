package dev.nxcloud.whatsapp.media;

import java.nio.file.Path;

import reactor.core.publisher.Mono;

/**
 * Media uploads for template header examples ({@code /saas/wa/media/{phone}}). The business phone and tenant
 * default to the client's default business phone and the client's default tenant.
 */
public interface NxCloudMediaService {

	/**
	 * Upload a file, streamed. Its file name, content type and, when known, its size are checked against the kinds
	 * of media a template header example can be ({@link MediaKind}) before any network call; content of unknown size
	 * is counted as it streams, and the upload fails with an
	 * {@link dev.nxcloud.whatsapp.error.NxCloudValidationException} on {@code file} once it passes its kind's limit.
	 * The file name sent is the {@linkplain MediaUploadRequest#filename() base name} of the name given.
	 * @param request the file
	 * @return the identifiers to put in a template's header media; empty when NxCloud returned no data
	 */
	Mono<MediaUpload> upload(MediaUploadRequest request);

	/**
	 * Upload a file with the content type its extension implies.
	 * @param file the file
	 * @return the identifiers to put in a template's header media
	 */
	default Mono<MediaUpload> upload(Path file) {
		return Mono.fromSupplier(() -> MediaUploadRequest.of(file)).flatMap(this::upload);
	}

}
