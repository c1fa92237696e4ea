package dev.nxcloud.whatsapp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableTypeProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.util.MimeTypeUtils;
import org.springframework.util.MultiValueMap;

/**
 * A {@code multipart/form-data} body the client writes itself when the length of every part is known, so that the
 * request carries a {@code Content-Length} instead of being chunked: many gateways refuse chunked multipart uploads.
 * A part's length is known when its body is a {@code String} or a {@code byte[]}, or when its headers declare a
 * {@code Content-Length} (a {@link Resource} or a {@code Publisher} of {@link DataBuffer}s). A declared length is held
 * to: content that turns out longer or shorter fails the request, with an {@link NxCloudValidationException} on the
 * part's name, instead of corrupting it. The parts are written as
 * Spring's multipart writer writes them: headers in UTF-8, a {@code Content-Disposition} and a {@code Content-Type}
 * added when a part has none. A header value holding a CR or LF is refused rather than written (an
 * {@link NxCloudValidationException} on the part's name, before any byte is sent), so that no value can add a header
 * line to a part.
 */
final class KnownLengthMultipart {

	private static final byte[] CRLF = { '\r', '\n' };

	private static final int BUFFER_SIZE = 8192;

	private final byte[] boundary;

	private final List<Part> parts;

	private KnownLengthMultipart(byte[] boundary, List<Part> parts) {
		this.boundary = boundary;
		this.parts = parts;
	}

	/**
	 * The body of the given parts, when every part's length is known.
	 * @param parts the parts, as built by a {@code MultipartBodyBuilder}
	 * @return the body, or {@code null} when a part's length is not known
	 */
	static @Nullable KnownLengthMultipart of(MultiValueMap<String, HttpEntity<?>> parts) {
		byte[] boundary = MimeTypeUtils.generateMultipartBoundary();
		List<Part> known = new ArrayList<>();
		for (Map.Entry<String, List<HttpEntity<?>>> entry : parts.entrySet()) {
			for (HttpEntity<?> entity : entry.getValue()) {
				Part part = Part.of(boundary, entry.getKey(), entity);
				if (part == null) {
					return null;
				}
				known.add(part);
			}
		}
		return new KnownLengthMultipart(boundary, known);
	}

	MediaType contentType() {
		return new MediaType(MediaType.MULTIPART_FORM_DATA,
				Map.of("boundary", new String(this.boundary, StandardCharsets.US_ASCII)));
	}

	long contentLength() {
		long length = lastLine().length;
		for (Part part : this.parts) {
			length += part.head().length + part.length() + CRLF.length;
		}
		return length;
	}

	Flux<DataBuffer> content(DataBufferFactory buffers) {
		return Flux.fromIterable(this.parts)
			.concatMap((part) -> Flux.concat(wrap(buffers, part.head()), part.content(buffers), wrap(buffers, CRLF)))
			.concatWith(wrap(buffers, lastLine()));
	}

	private byte[] lastLine() {
		return ("--" + new String(this.boundary, StandardCharsets.US_ASCII) + "--\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	private static Mono<DataBuffer> wrap(DataBufferFactory buffers, byte[] bytes) {
		return Mono.fromSupplier(() -> buffers.wrap(bytes));
	}

	/**
	 * One part: its boundary line and headers, the length of its content and where the content comes from.
	 */
	private record Part(String name, byte[] head, long length,
			Function<DataBufferFactory, Publisher<DataBuffer>> source) {

		static @Nullable Part of(byte[] boundary, String name, HttpEntity<?> entity) {
			Object body = entity.getBody();
			HttpHeaders headers = new HttpHeaders();
			headers.putAll(entity.getHeaders());
			if (!headers.containsHeader(HttpHeaders.CONTENT_DISPOSITION)) {
				headers.setContentDispositionFormData(name,
						(body instanceof Resource resource) ? resource.getFilename() : null);
			}
			long declared = headers.getContentLength();
			if (body instanceof String text) {
				Charset charset = contentType(headers, new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
					.getCharset();
				return bytes(boundary, name, headers, text.getBytes((charset != null) ? charset : StandardCharsets.UTF_8));
			}
			if (body instanceof byte[] bytes) {
				contentType(headers, MediaType.APPLICATION_OCTET_STREAM);
				return bytes(boundary, name, headers, bytes);
			}
			if (declared < 0) {
				return null;
			}
			if (body instanceof Resource resource) {
				contentType(headers,
						MediaTypeFactory.getMediaType(resource).orElse(MediaType.APPLICATION_OCTET_STREAM));
				return new Part(name, head(boundary, name, headers), declared,
						(buffers) -> DataBufferUtils.read(resource, buffers, BUFFER_SIZE));
			}
			if (body instanceof Publisher<?> publisher && entity instanceof ResolvableTypeProvider typed
					&& typed.getResolvableType() != null
					&& DataBuffer.class.isAssignableFrom(typed.getResolvableType().toClass())) {
				contentType(headers, MediaType.APPLICATION_OCTET_STREAM);
				@SuppressWarnings("unchecked")
				Publisher<DataBuffer> buffers = (Publisher<DataBuffer>) publisher;
				return new Part(name, head(boundary, name, headers), declared, (factory) -> buffers);
			}
			return null;
		}

		private static Part bytes(byte[] boundary, String name, HttpHeaders headers, byte[] bytes) {
			headers.setContentLength(bytes.length);
			return new Part(name, head(boundary, name, headers), bytes.length, (buffers) -> wrap(buffers, bytes));
		}

		private static MediaType contentType(HttpHeaders headers, MediaType defaultType) {
			if (headers.getContentType() == null) {
				headers.setContentType(defaultType);
			}
			return headers.getContentType();
		}

		private static byte[] head(byte[] boundary, String name, HttpHeaders headers) {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			head.writeBytes(("--" + new String(boundary, StandardCharsets.US_ASCII) + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			headers.forEach((header, values) -> values.forEach((value) -> {
				if (value.chars().anyMatch((c) -> c == '\r' || c == '\n')) {
					throw new NxCloudValidationException(name,
							"has a header " + header + " that holds a CR or LF, which would add lines to the part");
				}
				head.writeBytes((header + ": " + value + "\r\n").getBytes(StandardCharsets.UTF_8));
			}));
			head.writeBytes(CRLF);
			return head.toByteArray();
		}

		Flux<DataBuffer> content(DataBufferFactory buffers) {
			return Flux.defer(() -> {
				long[] written = { 0 };
				return Flux.from(this.source.apply(buffers)).<DataBuffer>handle((buffer, sink) -> {
					written[0] += buffer.readableByteCount();
					if (written[0] > this.length) {
						DataBufferUtils.release(buffer);
						sink.error(mismatch("more", ": the upload was stopped there"));
					}
					else {
						sink.next(buffer);
					}
				}).concatWith(Mono.defer(
						() -> (written[0] < this.length) ? Mono.error(mismatch("fewer", "")) : Mono.empty()));
			});
		}

		private NxCloudValidationException mismatch(String moreOrFewer, String outcome) {
			return new NxCloudValidationException(this.name,
					"streamed " + moreOrFewer + " bytes than its declared size of " + this.length + " bytes" + outcome);
		}

	}

}
