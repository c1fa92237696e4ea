package dev.nxcloud.whatsapp.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.client.MultipartBodyBuilder;

/**
 * A file to upload: its content, file name and content type, and optionally the business phone and tenant. The
 * content is streamed when sent, never read whole into memory (a {@code byte[]} is already in memory). Content of
 * known size (a file, a file or byte-array resource, a {@code byte[]}, a stream of buffers
 * {@linkplain #withSize(long) with its size}) is uploaded with a {@code Content-Length}; only a stream of unknown size
 * is chunked. Content of unknown size (a stream of buffers without a declared size, another resource) is counted as
 * it streams, and the upload fails once it passes its kind's limit. The file name sent is the
 * {@linkplain #filename() base name} of the name given. Immutable; the content itself is referenced, not copied. The
 * factories and {@code with…} methods refuse {@code null} at once with an {@link NxCloudValidationException} naming
 * the parameter; the other rules are checked when the request is sent.
 */
public final class MediaUploadRequest {

	private static final int BUFFER_SIZE = 8192;

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
		NxCloudValidation.requireNonNull("file", file);
		String filename = (file.getFileName() != null) ? file.getFileName().toString() : null;
		return new MediaUploadRequest(new PathContent(file), filename, null, null, null);
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
		NxCloudValidation.requireNonNull("file", resource);
		return new MediaUploadRequest(new ResourceContent(resource), resource.getFilename(), null, null, null);
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
		return new MediaUploadRequest(new BytesContent(NxCloudValidation.requireNonNull("file", content)),
				NxCloudValidation.requireNonNull("filename", filename),
				NxCloudValidation.requireNonNull("contentType", contentType), null, null);
	}

	/**
	 * Upload a stream of buffers, subscribed to once when the request is sent. Its size is checked before sending
	 * when given with {@link #withSize(long)}, and always on the bytes it streams.
	 * @param content the content
	 * @param filename the file name to send
	 * @param contentType the content type
	 * @return the request
	 */
	public static MediaUploadRequest of(Flux<DataBuffer> content, String filename, MediaType contentType) {
		return new MediaUploadRequest(new StreamContent(NxCloudValidation.requireNonNull("file", content), null),
				NxCloudValidation.requireNonNull("filename", filename),
				NxCloudValidation.requireNonNull("contentType", contentType), null, null);
	}

	/**
	 * This request with another file name. The content type, unless given, is the one this name's extension implies.
	 * @param filename the file name; only its {@linkplain #filename() base name} is sent
	 * @return a new request
	 */
	public MediaUploadRequest withFilename(String filename) {
		return new MediaUploadRequest(this.content, NxCloudValidation.requireNonNull("filename", filename),
				this.contentType, this.businessPhone, this.tenantId);
	}

	/**
	 * This request with another content type.
	 * @param contentType the content type
	 * @return a new request
	 */
	public MediaUploadRequest withContentType(MediaType contentType) {
		return new MediaUploadRequest(this.content, this.filename, NxCloudValidation.requireNonNull("contentType",
				contentType), this.businessPhone, this.tenantId);
	}

	/**
	 * This request with the size of its stream of buffers declared, so that it is checked against the upload's
	 * limit and sent with a {@code Content-Length}. The stream must hold exactly that many bytes: a stream that
	 * turns out longer or shorter fails the upload.
	 * @param size the size in bytes
	 * @return a new request
	 * @throws IllegalStateException if the content is not a stream of buffers, whose size is known already
	 * @throws NxCloudValidationException if the size is negative
	 */
	public MediaUploadRequest withSize(long size) {
		if (size < 0) {
			throw new NxCloudValidationException("size", "must be at least 0 (got " + size + ")");
		}
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
		return new MediaUploadRequest(this.content, this.filename, this.contentType,
				NxCloudValidation.requireNonNull("phone", businessPhone), this.tenantId);
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
	 * The file name to send: the base name of the name given, what follows its last {@code /} or {@code \}, so that a
	 * path such as {@code ../../etc/passwd.png} or {@code C:\x\y.png} goes out as {@code passwd.png} or
	 * {@code y.png}. A name that still holds a control character (CR, LF, …), a Unicode format character (such as
	 * U+202E) or a {@code "}, or is {@code .} or {@code ..}, is refused when sent.
	 * @return the file name, or empty when none is known yet
	 */
	public Optional<String> filename() {
		if (this.filename == null) {
			return Optional.empty();
		}
		int separator = Math.max(this.filename.lastIndexOf('/'), this.filename.lastIndexOf('\\'));
		return Optional.of(this.filename.substring(separator + 1));
	}

	/**
	 * The content type to send.
	 * @return the content type given, else the one the extension of the {@linkplain #filename() file name sent}
	 * implies; empty when neither is known
	 */
	public Optional<MediaType> contentType() {
		return (this.contentType != null) ? Optional.of(this.contentType)
				: filename().flatMap(MediaTypeFactory::getMediaType);
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
	 * {@code Content-Length} rather than chunked. Content of unknown size is counted as it streams and fails the
	 * upload with {@code tooLarge} on the first buffer that takes it past {@code maxBytes}, its source cancelled.
	 * @param builder the builder
	 * @param name the part's name
	 * @param filename the file name
	 * @param contentType the content type
	 * @param size the content's {@linkplain #size() size}, or {@code null}
	 * @param maxBytes the most bytes the content may stream
	 * @param tooLarge the failure of content that streams more
	 */
	void addPart(MultipartBodyBuilder builder, String name, String filename, MediaType contentType,
			@Nullable Long size, long maxBytes, Supplier<? extends RuntimeException> tooLarge) {
		UnaryOperator<Flux<DataBuffer>> atMost = (buffers) -> atMost(buffers, maxBytes, tooLarge);
		MultipartBodyBuilder.PartBuilder part = this.content.addPart(builder, name, atMost)
			.filename(filename)
			.contentType(contentType);
		if (size != null) {
			part.header(HttpHeaders.CONTENT_LENGTH, Long.toString(size));
		}
	}

	private static Flux<DataBuffer> atMost(Flux<DataBuffer> buffers, long maxBytes,
			Supplier<? extends RuntimeException> tooLarge) {
		return Flux.defer(() -> {
			long[] streamed = { 0 };
			return buffers.handle((buffer, sink) -> {
				streamed[0] += buffer.readableByteCount();
				if (streamed[0] > maxBytes) {
					DataBufferUtils.release(buffer);
					sink.error(tooLarge.get());
				}
				else {
					sink.next(buffer);
				}
			});
		});
	}

	private static NxCloudValidationException unreadable(Object file, IOException ex) {
		return new NxCloudValidationException("file",
				"cannot be read: " + NxCloudValidation.quote(file) + " (" + ex.getClass().getSimpleName() + ")");
	}

	private sealed interface Content permits PathContent, ResourceContent, BytesContent, StreamContent {

		@Nullable Long size();

		MultipartBodyBuilder.PartBuilder addPart(MultipartBodyBuilder builder, String name,
				UnaryOperator<Flux<DataBuffer>> atMost);

	}

	private record PathContent(Path path) implements Content {

		@Override
		public Long size() {
			try {
				return Files.size(this.path);
			}
			catch (IOException ex) {
				throw unreadable(this.path, ex);
			}
		}

		@Override
		public MultipartBodyBuilder.PartBuilder addPart(MultipartBodyBuilder builder, String name,
				UnaryOperator<Flux<DataBuffer>> atMost) {
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
				throw unreadable(this.resource.getDescription(), ex);
			}
		}

		@Override
		public MultipartBodyBuilder.PartBuilder addPart(MultipartBodyBuilder builder, String name,
				UnaryOperator<Flux<DataBuffer>> atMost) {
			if (size() != null) {
				return builder.part(name, this.resource);
			}
			Flux<DataBuffer> buffers = DataBufferUtils.read(this.resource, DefaultDataBufferFactory.sharedInstance,
					BUFFER_SIZE);
			return builder.asyncPart(name, atMost.apply(buffers), DataBuffer.class);
		}

	}

	private record BytesContent(byte[] bytes) implements Content {

		@Override
		public Long size() {
			return (long) this.bytes.length;
		}

		@Override
		public MultipartBodyBuilder.PartBuilder addPart(MultipartBodyBuilder builder, String name,
				UnaryOperator<Flux<DataBuffer>> atMost) {
			return builder.part(name, new ByteArrayResource(this.bytes));
		}

	}

	private record StreamContent(Flux<DataBuffer> buffers, @Nullable Long size) implements Content {

		@Override
		public MultipartBodyBuilder.PartBuilder addPart(MultipartBodyBuilder builder, String name,
				UnaryOperator<Flux<DataBuffer>> atMost) {
			return builder.asyncPart(name, atMost.apply(this.buffers), DataBuffer.class);
		}

	}

}
