package dev.nxcloud.whatsapp.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.RequestDefaults;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
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
		this.client = client;
	}

	@Override
	public Mono<MediaUpload> upload(MediaUploadRequest request) {
		return Mono.fromSupplier(() -> toParts(request))
			.flatMap((target) -> this.client.call(NxCloudOperation.UPLOAD_MEDIA)
				.pathVariables(target.phone())
				.multipartBody(target.parts())
				.retrieve(MediaUpload.class));
	}

	private Target toParts(MediaUploadRequest request) {
		RequestDefaults defaults = this.client.defaults();
		String phone = defaults.businessPhone("phone", request.businessPhone());
		long tenantId = defaults.tenantId(request.tenantId());
		String filename = request.filename()
			.filter((name) -> !name.isBlank())
			.orElseThrow(() -> new NxCloudValidationException("file", "needs a file name"));
		MediaType contentType = request.contentType()
			.orElseThrow(() -> new NxCloudValidationException("file",
					"needs a content type: none was given and none is implied by '" + filename + "'"));
		MediaKind kind = MediaKind.of(contentType)
			.orElseThrow(() -> new NxCloudValidationException("file",
					"has content type " + contentType + ", which a template header example cannot be; accepted: "
							+ accepted()));
		Long size = request.size();
		if (size != null && size == 0) {
			throw new NxCloudValidationException("file", "is empty");
		}
		if (size != null && !kind.allows(size)) {
			throw new NxCloudValidationException("file", "is " + size + " bytes; the upload takes at most "
					+ kind.maxSize().toMegabytes() + " MB for " + kind.name().toLowerCase(Locale.ROOT) + " (" + contentType + ")");
		}
		MultipartBodyBuilder builder = new MultipartBodyBuilder();
		builder.part("tenant_id", Long.toString(tenantId));
		request.addPart(builder, "file", filename, contentType, size);
		return new Target(phone, builder.build());
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
