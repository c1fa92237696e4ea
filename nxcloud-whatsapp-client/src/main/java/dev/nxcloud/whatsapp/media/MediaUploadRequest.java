package dev.nxcloud.whatsapp.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.client.MultipartBodyBuilder;

/**
 * A file to upload: its content, file name and content type, and optionally the business phone and tenant. The
 * content is streamed when sent, never read whole into memory (a {@code byte[]} is already in memory). Content of
 * known size (a file, a file or byte-array resource, a {@code byte[]}, a stream of buffers
 * {@linkplain #withSize(long) with its size}) is uploaded with a {@code Content-Length}; only a stream of buffers of
 * unknown size is chunked. Immutable; the content itself is referenced, not copied.
 */
public final class MediaUploadRequest {

	private final Content content;

	private final @Nullable String filename;

	private final @Nullable MediaType contentType;

	private final @Nullable String businessPhone;

	private final @Nullable Long tenantId;

	private MediaUploadRequest(Content content, @Nullable String filename, @Nullable MediaType contentType,
			@Nullable String businessPhone, @Nullable Long tenantId) {
		this.content = content;
		this.filename = filename;
		this.contentType = contentType;
		this.businessPhone = businessPhone;
		this.tenantId = tenantId;
	}

	/**
	 * Upload a file, with the content type its extension implies (for example {@code image/png} for
	 * {@code .png}).
	 * @param file the file
	 * @return the request
	 */
	public static MediaUploadRequest of(Path file) {
		String filename = (file.getFileName() != null) ? file.getFileName().toString() : null;
		return new MediaUploadRequest(new PathContent(file), filename, guess(filename), null, null);
	}

	/**
	 * Upload a file with the given content type.
	 * @param file the file
	 * @param contentType the content type
	 * @return the request
	 */
	public static MediaUploadRequest of(Path file, MediaType contentType) {
		return of(file).withContentType(contentType);
	}

	/**
	 * Upload a resource, named by its file name, with the content type that name's extension implies. Its size is
	 * checked when the resource is a file or a byte array.
	 * @param resource the resource
	 * @return the request
	 */
	public static MediaUploadRequest of(Resource resource) {
		String filename = resource.getFilename();
		return new MediaUploadRequest(new ResourceContent(resource), filename, guess(filename), null, null);
	}

	/**
	 * Upload a resource with the given content type.
	 * @param resource the resource
	 * @param contentType the content type
	 * @return the request
	 */
	public static MediaUploadRequest of(Resource resource, MediaType contentType) {
		return of(resource).withContentType(contentType);
	}

	/**
	 * Upload bytes.
	 * @param content the bytes, not copied
	 * @param filename the file name to send
	 * @param contentType the content type
	 * @return the request
	 */
	public static MediaUploadRequest of(byte[] content, String filename, MediaType contentType) {
		return new MediaUploadRequest(new BytesContent(content), filename, contentType, null, null);
	}

	/**
	 * Upload a stream of buffers, subscribed to once when the request is sent. Its size is checked only when given
	 * with {@link #withSize(long)}.
	 * @param content the content
	 * @param filename the file name to send
	 * @param contentType the content type
	 * @return the request
	 */
	public static MediaUploadRequest of(Flux<DataBuffer> content, String filename, MediaType contentType) {
		return new MediaUploadRequest(new StreamContent(content, null), filename, contentType, null, null);
	}

	/**
	 * This request with another file name.
	 * @param filename the file name to send
	 * @return a new request
	 */
	public MediaUploadRequest withFilename(String filename) {
		return new MediaUploadRequest(this.content, filename, this.contentType, this.businessPhone, this.tenantId);
	}

	/**
	 * This request with another content type.
	 * @param contentType the content type
	 * @return a new request
	 */
	public MediaUploadRequest withContentType(MediaType contentType) {
		return new MediaUploadRequest(this.content, this.filename, contentType, this.businessPhone, this.tenantId);
	}

	/**
	 * This request with the size of its stream of buffers declared, so that it is checked against the upload's
	 * limit and sent with a {@code Content-Length}. The stream must hold exactly that many bytes: a stream that
	 * turns out longer or shorter fails the upload.
	 * @param size the size in bytes
	 * @return a new request
	 * @throws IllegalStateException if the content is not a stream of buffers, whose size is known already
	 */
	public MediaUploadRequest withSize(long size) {
		if (!(this.content instanceof StreamContent stream)) {
			throw new IllegalStateException("Only a stream of buffers takes a declared size");
		}
		return new MediaUploadRequest(new StreamContent(stream.buffers(), size), this.filename, this.contentType,
				this.businessPhone, this.tenantId);
	}

	/**
	 * This request for another business phone, instead of the client's default business phone.
	 * @param businessPhone digits with country code, no {@code +}
	 * @return a new request
	 */
	public MediaUploadRequest withBusinessPhone(String businessPhone) {
		return new MediaUploadRequest(this.content, this.filename, this.contentType, businessPhone, this.tenantId);
	}

	/**
	 * This request for another tenant, instead of the client's default tenant.
	 * @param tenantId the tenant id
	 * @return a new request
	 */
	public MediaUploadRequest withTenantId(long tenantId) {
		return new MediaUploadRequest(this.content, this.filename, this.contentType, this.businessPhone, tenantId);
	}

	/**
	 * The file name to send.
	 * @return the file name, or empty when none is known yet
	 */
	public Optional<String> filename() {
		return Optional.ofNullable(this.filename);
	}

	/**
	 * The content type to send.
	 * @return the content type, or empty when none was given or implied by the file name
	 */
	public Optional<MediaType> contentType() {
		return Optional.ofNullable(this.contentType);
	}

	/**
	 * The business phone to upload for.
	 * @return the phone, or {@code null} for the client's default business phone
	 */
	public @Nullable String businessPhone() {
		return this.businessPhone;
	}

	/**
	 * The tenant to upload for.
	 * @return the tenant, or {@code null} for the client's default tenant
	 */
	public @Nullable Long tenantId() {
		return this.tenantId;
	}

	/**
	 * The content's size, when it can be known without reading it.
	 * @return the size in bytes, or {@code null}
	 * @throws NxCloudValidationException if the file cannot be read
	 */
	@Nullable Long size() {
		return this.content.size();
	}

	/**
	 * Add the content as a part, declaring its length when it is known, so that the upload goes with a
	 * {@code Content-Length} rather than chunked.
	 * @param builder the builder
	 * @param name the part's name
	 * @param filename the file name
	 * @param contentType the content type
	 * @param size the content's {@linkplain #size() size}, or {@code null}
	 */
	void addPart(MultipartBodyBuilder builder, String name, String filename, MediaType contentType,
			@Nullable Long size) {
		MultipartBodyBuilder.PartBuilder part = this.content.addPart(builder, name)
			.filename(filename)
			.contentType(contentType);
		if (size != null) {
			part.header(HttpHeaders.CONTENT_LENGTH, Long.toString(size));
		}
	}

	private static @Nullable MediaType guess(@Nullable String filename) {
		return (filename != null) ? MediaTypeFactory.getMediaType(filename).orElse(null) : null;
	}

	private sealed interface Content permits PathContent, ResourceContent, BytesContent, StreamContent {

		@Nullable Long size();

		MultipartBodyBuilder.PartBuilder addPart(MultipartBodyBuilder builder, String name);

	}

	private record PathContent(Path path) implements Content {

		@Override
		public Long size() {
			try {
				return Files.size(this.path);
			}
			catch (IOException ex) {
				throw new NxCloudValidationException("file", "cannot be read: " + this.path + " (" + ex + ")");
			}
		}

		@Override
		public MultipartBodyBuilder.PartBuilder addPart(MultipartBodyBuilder builder, String name) {
			return builder.part(name, new FileSystemResource(this.path));
		}

	}

	private record ResourceContent(Resource resource) implements Content {

		@Override
		public @Nullable Long size() {
			if (!(this.resource instanceof ByteArrayResource) && !this.resource.isFile()) {
				return null;
			}
			try {
				return this.resource.contentLength();
			}
			catch (IOException ex) {
				throw new NxCloudValidationException("file",
						"cannot be read: " + this.resource.getDescription() + " (" + ex + ")");
			}
		}

		@Override
		public MultipartBodyBuilder.PartBuilder addPart(MultipartBodyBuilder builder, String name) {
			return builder.part(name, this.resource);
		}

	}

	private record BytesContent(byte[] bytes) implements Content {

		@Override
		public Long size() {
			return (long) this.bytes.length;
		}

		@Override
		public MultipartBodyBuilder.PartBuilder addPart(MultipartBodyBuilder builder, String name) {
			return builder.part(name, new ByteArrayResource(this.bytes));
		}

	}

	private record StreamContent(Flux<DataBuffer> buffers, @Nullable Long size) implements Content {

		@Override
		public MultipartBodyBuilder.PartBuilder addPart(MultipartBodyBuilder builder, String name) {
			return builder.asyncPart(name, this.buffers, DataBuffer.class);
		}

	}

}
