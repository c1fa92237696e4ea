package dev.nxcloud.whatsapp.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.RequestDefaults;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;

/**
 * {@link NxCloudMediaService} over an {@link NxCloudClient}.
 */
public class DefaultNxCloudMediaService implements NxCloudMediaService {


	private final NxCloudClient client;

	/**
	 * Create the service.
	 * @param client the client of the account to use
	 */
	public DefaultNxCloudMediaService(NxCloudClient client) {
		this.client = NxCloudValidation.requireNonNull("client", client);
	}

	@Override
	public Mono<MediaUpload> upload(MediaUploadRequest request) {
		return Mono.fromSupplier(() -> toParts(NxCloudValidation.requireNonNull("request", request)))
			.flatMap((target) -> this.client.call(NxCloudOperation.UPLOAD_MEDIA)
				.pathVariables(target.phone())
				.multipartBody(target.parts())
				.retrieve(MediaUpload.class)
				.onErrorMap((ex) -> validationCause(ex) != null, DefaultNxCloudMediaService::validationCause));
	}

	private Target toParts(MediaUploadRequest request) {
		RequestDefaults defaults = this.client.defaults();
		String phone = defaults.businessPhone("phone", request.businessPhone());
		long tenantId = defaults.tenantId(request.tenantId());
		String filename = filename(request);
		MediaType contentType = request.contentType()
			.map((type) -> new MediaType(type.getType(), type.getSubtype()))
			.orElseThrow(() -> new NxCloudValidationException("file",
					"needs a content type: none was given and none is implied by " + NxCloudValidation.quote(filename)));
		MediaKind kind = MediaKind.of(contentType)
			.orElseThrow(() -> new NxCloudValidationException("file",
					"has content type " + NxCloudValidation.quote(contentType)
							+ ", which a template header example cannot be; accepted: " + accepted()));
		String limit = "the upload takes at most " + kind.maxSize().toMegabytes() + " MB for "
				+ kind.name().toLowerCase(Locale.ROOT) + " (" + contentType + ")";
		Long size = request.size();
		if (size != null && size == 0) {
			throw new NxCloudValidationException("file", "is empty");
		}
		if (size != null && !kind.allows(size)) {
			throw new NxCloudValidationException("file", "is " + size + " bytes; " + limit);
		}
		MultipartBodyBuilder builder = new MultipartBodyBuilder();
		builder.part("tenant_id", Long.toString(tenantId));
		request.addPart(builder, "file", filename, contentType, size, kind.maxSize().toBytes(),
				() -> new NxCloudValidationException("file",
						"streamed more bytes than " + limit + ": the upload was stopped there"));
		return new Target(phone, builder.build());
	}

	/**
	 * The file name to send, after the checks that keep the part's {@code Content-Disposition} one header: a
	 * {@linkplain NxCloudValidation#requireFilename file name}, and neither {@code .} nor {@code ..} nor holding a
	 * {@code "}, which would end the quoted name.
	 */
	private static String filename(MediaUploadRequest request) {
		String filename = NxCloudValidation.requireFilename("filename", request.filename().orElse(null));
		if (filename.equals(".") || filename.equals("..") || filename.indexOf('"') >= 0) {
			throw new NxCloudValidationException("filename",
					"must name a file, not '.' or '..', and hold no '\"', which would end the part's quoted name (got "
							+ NxCloudValidation.quote(filename) + ")");
		}
		return filename;
	}

	/**
	 * The check that failed while the content streamed (the streamed size), which the exchange wraps.
	 */
	private static @Nullable Throwable validationCause(Throwable ex) {
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof NxCloudValidationException) {
				return cause;
			}
		}
		return null;
	}

	private static String accepted() {
		return Arrays.stream(MediaKind.values())
			.flatMap((kind) -> kind.contentTypes().stream())
			.map(MediaType::toString)
			.collect(Collectors.joining(", "));
	}

	private record Target(String phone, MultiValueMap<String, HttpEntity<?>> parts) {
	}

}
