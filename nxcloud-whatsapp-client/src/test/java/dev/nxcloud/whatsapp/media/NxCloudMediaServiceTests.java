package dev.nxcloud.whatsapp.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import dev.nxcloud.whatsapp.ClientConnector;
import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.testsupport.IndependentSignature;
import dev.nxcloud.whatsapp.testsupport.RawHttpServer;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudMediaServiceTests {

	// the handle's "\n"s are JSON escapes in NxCloud's example: four handles, one a line
	private static final String SEED_RESPONSE = """
			{
			"code": 0,
			"message": "",
			"data": {
			"h": "4:MTcwNTQwNTM3MTU4MS5qcGc=:aW1hZ2UvcG5n:ARZjTwWzWltYZ7anpdBq9AzRGbkrRnsxni3wUee8aRJhAKLjVV-rpxVMRhiKmssfVzzM4JsxjMNXLKKqfIQeWjk00Ve6hSnfkdxCDE4dfDuIVA:e:1719660668:1407008009801826:100084713375965:ARb9JldW1tEddKyFjg8\\n4:MTcwNTQwNTM3MTU4MS5qcGc=:aW1hZ2UvcG5n:ARZEMW29V1o0vRUFe3z3IwtjUC9Ezcl_9ZzarcfekJHOhrSXCQQ90pgHd1suyeLdaMfV244p8c4rBZQ4T47RRq-OSManVUY9IJ6ghTstyg5Bhw:e:1719660668:1407008009801826:100084713375965:ARa48raWz1W1us7SJ8w\\n4:MTcwNTQwNTM3MTU4MS5qcGc=:aW1hZ2UvcG5n:ARbEitR5qMUNvmTijnx627fPihUeT6i-mj2zrFI6ZYJBB8WnZCWeNQcAhzC-0u8RZISIbAV3yIyViQ67Bv_63OUxwdXz9xljkQaPs0utUQNT9A:e:1719660668:1407008009801826:100084713375965:ARakUEk8Sab0_H82e4E\\n4:MTcwNTQwNTM3MTU4MS5qcGc=:aW1hZ2UvcG5n:ARarzhJe1V3XXnJpy2hW305vLuE8pzKNKynNFp16GxymY96ngrpbWKMd2QHIg7Xfjlcv_DzhSKP7d-YKzGqPeTJul3S5efcJYUJgIxm1ELg6Cw:e:1719660669:1407008009801826:100084713375965:ARZOtE2DJ-x_Q321sTk",
			"media_id": "1187184585633620",
			"original_filename": "1705405371581.jpg",
			"mime_type": "image/png",
			"url": "https://goss.oss-accelerate.aliyuncs.com/1187184585633620?Expires=1719315130&OSSAccessKeyId=LTAI5tBrjWM5EyDe6MA5uc7z&Signature=8NorCSFNymSYnBq56xKC6L2yaW0%3D"
			},
			"traceId": "e45e7e38faca4b39a9ec8905cc639116"
			}""";

	private static final String PHONE = "8615800001795";

	private static final int CHUNK = 64 * 1024;

	private static final NxCloudDefaults DEFAULTS = new NxCloudDefaults(null, PHONE, 1L);

	private final RecordingServer server = new RecordingServer();

	@TempDir
	Path dir;

	@AfterEach
	void close() {
		this.server.close();
	}

	private NxCloudMediaService service(NxCloudDefaults defaults) {
		return new DefaultNxCloudMediaService(TestClients.client(this.server.baseUrl(), defaults));
	}

	private NxCloudMediaService service() {
		return service(DEFAULTS);
	}

	@Test
	void uploadingAPathSendsASignedMultipartRequestAndDecodesTheSeedExample() throws Exception {
		byte[] content = bytes(2048);
		Path file = Files.write(this.dir.resolve("1705405371581.png"), content);
		this.server.reply(SEED_RESPONSE);
		StepVerifier.create(service().upload(file)).assertNext((upload) -> {
			assertThat(upload.handles()).hasSize(4)
				.allSatisfy((handle) -> assertThat(handle).startsWith("4:MTcwNTQwNTM3MTU4MS5qcGc=:aW1hZ2UvcG5n:"));
			assertThat(upload.handles().get(3))
				.endsWith(":e:1719660669:1407008009801826:100084713375965:ARZOtE2DJ-x_Q321sTk");
			assertThat(upload.templateMediaId()).isEqualTo("4:MTcwNTQwNTM3MTU4MS5qcGc=:aW1hZ2UvcG5n:ARZjTwWzWltYZ7anpd"
					+ "Bq9AzRGbkrRnsxni3wUee8aRJhAKLjVV-rpxVMRhiKmssfVzzM4JsxjMNXLKKqfIQeWjk00Ve6hSnfkdxCDE4dfDuIVA:e:"
					+ "1719660668:1407008009801826:100084713375965:ARb9JldW1tEddKyFjg8");
			assertThat(upload.h()).isEqualTo(String.join("\n", upload.handles()));
			assertThat(upload.mediaId()).isEqualTo("1187184585633620");
			assertThat(upload.originalFilename()).isEqualTo("1705405371581.jpg");
			assertThat(upload.mimeType()).isEqualTo("image/png");
			assertThat(upload.url()).isEqualTo(
					"https://goss.oss-accelerate.aliyuncs.com/1187184585633620?Expires=1719315130&OSSAccessKeyId=LTAI5tBrjWM5EyDe6MA5uc7z&Signature=8NorCSFNymSYnBq56xKC6L2yaW0%3D");
		}).verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/saas/wa/media/" + PHONE);
		assertThat(request.uri().getRawQuery()).isNull();
		assertThat(request.header("Content-Type")).startsWith("multipart/form-data").contains("boundary=");
		assertThat(request.header("action")).isEqualTo("mt");
		assertThat(request.header("bizType")).isEqualTo("2");
		assertThat(request.header("accessKey")).isEqualTo(TestClients.ACCESS_KEY);
		assertThat(request.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, false))
			.isNotEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, true));
		assertParts(request, "1", "1705405371581.png", "image/png", content);
	}

	@Test
	void theTemplateMediaIdIsTheFirstHandleWhateverTheLineEnds() {
		assertThat(new MediaUpload("4:a:b:c\r\n4:d:e:f\n", null, null, null, null).handles())
			.containsExactly("4:a:b:c", "4:d:e:f");
		assertThat(new MediaUpload("4:a:b:c\r\n4:d:e:f", null, null, null, null).templateMediaId()).isEqualTo("4:a:b:c");
		assertThat(new MediaUpload("4:only", null, null, null, null).templateMediaId()).isEqualTo("4:only");
		assertThat(new MediaUpload(" \n", null, null, null, null).templateMediaId()).isNull();
		assertThat(new MediaUpload(null, null, null, null, null).handles()).isEmpty();
	}

	@Test
	void uploadingAResourceUsesTheRequestsPhoneAndTenant() throws Exception {
		byte[] content = bytes(300);
		Path file = Files.write(this.dir.resolve("terms"), content);
		MediaUploadRequest request = MediaUploadRequest
			.of(new FileSystemResource(file), MediaType.APPLICATION_PDF)
			.withFilename("terms.pdf")
			.withBusinessPhone("85255501234")
			.withTenantId(42);
		StepVerifier.create(service().upload(request)).verifyComplete();
		RecordingServer.Recorded sent = this.server.lastRequest();
		assertThat(sent.path()).isEqualTo("/saas/wa/media/85255501234");
		assertParts(sent, "42", "terms.pdf", "application/pdf", content);
	}

	@Test
	void uploadingBytes() throws Exception {
		byte[] content = bytes(1000);
		StepVerifier.create(service().upload(MediaUploadRequest.of(content, "photo.jpg", MediaType.IMAGE_JPEG)))
			.verifyComplete();
		assertParts(this.server.lastRequest(), "1", "photo.jpg", "image/jpeg", content);
	}

	@Test
	void uploadingAStreamOfBuffers() throws Exception {
		byte[] content = bytes(10_000);
		DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;
		Flux<DataBuffer> chunks = Flux.range(0, 10)
			.map((i) -> buffers.wrap(Arrays.copyOfRange(content, i * 1000, (i + 1) * 1000)));
		MediaUploadRequest request = MediaUploadRequest.of(chunks, "clip.mp4", MediaType.parseMediaType("video/mp4"))
			.withSize(content.length);
		StepVerifier.create(service().upload(request)).verifyComplete();
		RecordingServer.Recorded sent = this.server.lastRequest();
		assertThat(sent.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", sent, TestClients.ACCESS_SECRET, false));
		assertParts(sent, "1", "clip.mp4", "video/mp4", content);
	}

	@Test
	void aStreamOfUnknownSizeIsUploadedButItsContentTypeIsCheckedFirst() throws Exception {
		byte[] content = bytes(100);
		DataBuffer buffer = DefaultDataBufferFactory.sharedInstance.wrap(content);
		StepVerifier.create(service().upload(MediaUploadRequest.of(Flux.just(buffer), "s.png", MediaType.IMAGE_PNG)))
			.verifyComplete();
		assertParts(this.server.lastRequest(), "1", "s.png", "image/png", content);
		StepVerifier.create(service().upload(MediaUploadRequest.of(Flux.<DataBuffer>empty(), "a.gif",
				MediaType.IMAGE_GIF)))
			.expectError(NxCloudValidationException.class)
			.verify();
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void aFileAtTheLimitIsStreamedWhole() throws Exception {
		byte[] content = bytes(5 * 1024 * 1024);
		Path file = Files.write(this.dir.resolve("big.jpg"), content);
		StepVerifier.create(service().upload(file)).verifyComplete();
		assertParts(this.server.lastRequest(), "1", "big.jpg", "image/jpeg", content);
	}

	@Test
	void aFileOverItsKindsLimitIsRejectedBeforeAnyCall() throws Exception {
		Path file = Files.write(this.dir.resolve("big.png"), bytes(5 * 1024 * 1024 + 1));
		assertRejected(service().upload(file), "5 MB");
		assertRejected(service().upload(MediaUploadRequest.of(Flux.<DataBuffer>empty(), "clip.mp4",
				MediaType.parseMediaType("video/mp4")).withSize(16L * 1024 * 1024 + 1)), "16 MB");
		assertRejected(service().upload(MediaUploadRequest.of(Flux.<DataBuffer>empty(), "terms.pdf",
				MediaType.APPLICATION_PDF).withSize(100L * 1024 * 1024 + 1)), "100 MB");
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void unacceptedOrUnknownContentTypesAreRejectedBeforeAnyCall() throws Exception {
		Path gif = Files.write(this.dir.resolve("a.gif"), bytes(10));
		Path unknown = Files.write(this.dir.resolve("a.unknownext"), bytes(10));
		assertRejected(service().upload(gif), "image/gif");
		assertRejected(service().upload(unknown), "content type");
		assertRejected(service().upload(MediaUploadRequest.of(new byte[0], "a.pdf", MediaType.APPLICATION_PDF)),
				"empty");
		assertRejected(service().upload(this.dir.resolve("missing.png")), "cannot be read");
		assertRejected(service().upload(MediaUploadRequest.of(bytes(10), " ", MediaType.IMAGE_PNG)), "filename",
				"is required");
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void missingPhoneOrTenantIsRejectedBeforeAnyCall() {
		MediaUploadRequest request = MediaUploadRequest.of(bytes(10), "a.png", MediaType.IMAGE_PNG);
		StepVerifier.create(service(new NxCloudDefaults(null, null, 1L)).upload(request))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("'phone'")
				.hasMessageContaining("NxCloudClient.builder().businessPhone(…)"))
			.verify();
		StepVerifier.create(service(new NxCloudDefaults(null, PHONE, null)).upload(request))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("'tenant_id'")
				.hasMessageContaining("NxCloudClient.builder().tenantId(…)"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void mediaKindsAreThoseOfATemplateHeader() {
		assertThat(MediaKind.values()).extracting(MediaKind::name).containsExactly("IMAGE", "VIDEO", "DOCUMENT");
		assertThat(MediaKind.of(MediaType.IMAGE_JPEG)).contains(MediaKind.IMAGE);
		assertThat(MediaKind.of(MediaType.parseMediaType("image/jpg"))).contains(MediaKind.IMAGE);
		assertThat(MediaKind.of(MediaType.IMAGE_PNG)).contains(MediaKind.IMAGE);
		assertThat(MediaKind.of(MediaType.parseMediaType("video/mp4"))).contains(MediaKind.VIDEO);
		assertThat(MediaKind.of(MediaType.parseMediaType("application/pdf;name=x"))).contains(MediaKind.DOCUMENT);
		assertThat(List.of("image/webp", "image/gif", "audio/ogg", "audio/mpeg", "video/3gpp", "text/plain",
				"application/msword")).allSatisfy((type) -> assertThat(MediaKind.of(MediaType.parseMediaType(type))).isEmpty());
		assertThat(MediaKind.IMAGE.allows(5 * 1024 * 1024)).isTrue();
		assertThat(MediaKind.IMAGE.allows(5 * 1024 * 1024 + 1)).isFalse();
		assertThat(MediaKind.VIDEO.maxSize().toMegabytes()).isEqualTo(16);
		assertThat(MediaKind.DOCUMENT.maxSize().toMegabytes()).isEqualTo(100);
	}

	@Test
	void aJpegNamedImageJpgIsUploaded() {
		byte[] content = bytes(64);
		StepVerifier.create(service().upload(MediaUploadRequest.of(content, "1705406614735.jpg",
				MediaType.parseMediaType("image/jpg")))).verifyComplete();
		assertParts(this.server.lastRequest(), "1", "1705406614735.jpg", "image/jpg", content);
	}

	@Test
	void audioStickersAndOtherDocumentsCannotBeATemplateHeaderAndAreRejectedBeforeAnyCall() throws Exception {
		assertRejected(service().upload(Files.write(this.dir.resolve("voice.ogg"), bytes(10))), "audio/ogg");
		assertRejected(service().upload(MediaUploadRequest.of(bytes(10), "s.webp", MediaType.parseMediaType("image/webp"))),
				"image/webp");
		assertRejected(service().upload(MediaUploadRequest.of(bytes(10), "clip.3gp", MediaType.parseMediaType("video/3gpp"))),
				"video/3gpp");
		assertRejected(service().upload(Files.write(this.dir.resolve("notes.txt"), bytes(10))), "text/plain");
		assertThat(this.server.requests()).isEmpty();
	}

	static Stream<Arguments> knownSizes() throws IOException {
		byte[] content = bytes(3000);
		Path file = Files.createTempFile("nxcloud-upload", ".png");
		file.toFile().deleteOnExit();
		Files.write(file, content);
		List<MediaUploadRequest> requests = List.of(MediaUploadRequest.of(file),
				MediaUploadRequest.of(new FileSystemResource(file)),
				MediaUploadRequest.of(new ByteArrayResource(content) {
					@Override
					public String getFilename() {
						return file.getFileName().toString();
					}
				}),
				MediaUploadRequest.of(content, file.getFileName().toString(), MediaType.IMAGE_PNG),
				MediaUploadRequest.of(chunks(content, 7), file.getFileName().toString(), MediaType.IMAGE_PNG)
					.withSize(content.length));
		return Stream.of(ClientConnector.values())
			.flatMap((connector) -> requests.stream().map((request) -> Arguments.of(connector, request, content)));
	}

	@ParameterizedTest
	@MethodSource("knownSizes")
	void contentOfKnownSizeIsUploadedWithAContentLengthNotChunked(ClientConnector connector,
			MediaUploadRequest request, byte[] content) throws Exception {
		try (RawHttpServer raw = new RawHttpServer()) {
			StepVerifier.create(rawService(raw, connector).upload(request)).verifyComplete();
			RawHttpServer.Request sent = raw.lastRequest();
			assertThat(sent.chunked()).isFalse();
			assertThat(sent.headerIgnoringCase("Transfer-Encoding")).isNull();
			assertThat(sent.headerIgnoringCase("Content-Length")).isEqualTo(Integer.toString(sent.body().length));
			assertParts(sent.recorded(), "1", request.filename().orElseThrow(), "image/png", content);
			assertThat(sent.headerIgnoringCase("sign"))
				.isEqualTo(IndependentSignature.of("MD5", sent.recorded(), TestClients.ACCESS_SECRET, false));
		}
	}

	@ParameterizedTest
	@EnumSource(ClientConnector.class)
	void onlyAStreamOfUnknownSizeIsChunked(ClientConnector connector) throws Exception {
		byte[] content = bytes(3000);
		try (RawHttpServer raw = new RawHttpServer()) {
			StepVerifier.create(rawService(raw, connector)
				.upload(MediaUploadRequest.of(chunks(content, 3), "clip.mp4", MediaType.parseMediaType("video/mp4"))))
				.verifyComplete();
			RawHttpServer.Request sent = raw.lastRequest();
			assertThat(sent.chunked()).isTrue();
			assertThat(sent.headerIgnoringCase("Content-Length")).isNull();
			assertParts(sent.recorded(), "1", "clip.mp4", "video/mp4", content);
		}
	}

	@ParameterizedTest
	@EnumSource(ClientConnector.class)
	void aStreamThatDoesNotHoldItsDeclaredSizeFailsTheUpload(ClientConnector connector) {
		byte[] content = bytes(3000);
		try (RawHttpServer raw = new RawHttpServer()) {
			for (long declared : new long[] { content.length - 1, content.length + 1 }) {
				StepVerifier.create(rawService(raw, connector).upload(MediaUploadRequest
					.of(chunks(content, 3), "clip.mp4", MediaType.parseMediaType("video/mp4"))
					.withSize(declared)))
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
						.hasMessageContaining("'file' streamed " + ((declared < content.length) ? "more" : "fewer")
								+ " bytes than its declared size of " + declared + " bytes")
						.extracting((error) -> ((NxCloudValidationException) error).getField())
						.isEqualTo("file"))
					.verify(Duration.ofSeconds(10));
			}
		}
	}

	@ParameterizedTest
	@EnumSource(ClientConnector.class)
	void aFileNameGoesOutAsItsBaseNameWhoseExtensionGivesTheContentType(ClientConnector connector) throws Exception {
		byte[] content = bytes(500);
		Path file = Files.write(this.dir.resolve("upload.bin"), content);
		try (RawHttpServer raw = new RawHttpServer()) {
			for (String given : List.of("../../etc/passwd.png", "C:\\x\\y.png", "/var/tmp/..\\z.png")) {
				StepVerifier.create(rawService(raw, connector).upload(MediaUploadRequest.of(file).withFilename(given)))
					.verifyComplete();
				String sent = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
				assertThat(filePartHead(raw.lastRequest())).containsExactly(
						"Content-Disposition: form-data; name=\"file\"; filename=\"" + sent + "\"",
						"Content-Type: image/png", "Content-Length: 500");
				assertParts(raw.lastRequest().recorded(), "1", sent, "image/png", content);
			}
			assertThat(raw.requests()).hasSize(3);
		}
	}

	@ParameterizedTest
	@EnumSource(ClientConnector.class)
	void aFileNameThatWouldAddAHeaderLineIsRefusedBeforeAnyByteIsSent(ClientConnector connector) throws Exception {
		Path evil = Files.write(this.dir.resolve("evil.png\r\nX-Evil: 1"), bytes(10));
		try (RawHttpServer raw = new RawHttpServer()) {
			NxCloudMediaService service = rawService(raw, connector);
			for (String name : List.of("a.png\r\nX-Evil: 1", "a.png\nX-Evil: 1", "a\u0000.png", "a.png\u007f",
					"a\u0085.png", "invoice\u202efdp.exe", "a\u2028.png")) {
				assertRejected(service.upload(MediaUploadRequest.of(bytes(10), name, MediaType.IMAGE_PNG)), "filename",
						"control characters (CR, LF, NUL, …) or Unicode format characters");
			}
			for (String name : List.of("a.png\"; name=\"evil.png", "..", ".")) {
				assertRejected(service.upload(MediaUploadRequest.of(bytes(10), name, MediaType.IMAGE_PNG)), "filename",
						"must name a file, not '.' or '..', and hold no '\"'");
			}
			assertRejected(service.upload(MediaUploadRequest.of(evil, MediaType.IMAGE_PNG)), "filename",
					"'evil.png\\r\\nX-Evil: 1'");
			assertThat(raw.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(ClientConnector.class)
	void aStreamOfUnknownSizeFailsTheUploadOnceItPassesItsKindsLimit(ClientConnector connector) {
		AtomicLong produced = new AtomicLong();
		try (RawHttpServer raw = new RawHttpServer()) {
			StepVerifier.create(rawService(raw, connector)
				.upload(MediaUploadRequest.of(sixMegabytes(produced), "big.png", MediaType.IMAGE_PNG)))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
					.hasMessageContaining("'file' streamed more bytes than the upload takes")
					.hasMessageContaining("at most 5 MB for image (image/png)"))
				.verify(Duration.ofSeconds(30));
			assertThat(produced.get()).isEqualTo(MediaKind.IMAGE.maxSize().toBytes() + CHUNK);
			assertThat(raw.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(ClientConnector.class)
	void aStreamDeclaredSmallThatCarriesMoreFailsTheUploadAtItsFirstBuffer(ClientConnector connector) {
		AtomicLong produced = new AtomicLong();
		try (RawHttpServer raw = new RawHttpServer()) {
			StepVerifier.create(rawService(raw, connector)
				.upload(MediaUploadRequest.of(sixMegabytes(produced), "big.png", MediaType.IMAGE_PNG).withSize(100)))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
					.hasMessageContaining("'file' streamed more bytes than its declared size of 100 bytes: the upload"
							+ " was stopped there"))
				.verify(Duration.ofSeconds(30));
			assertThat(produced.get()).isEqualTo(CHUNK);
			assertThat(raw.requests()).allSatisfy(NxCloudMediaServiceTests::assertIncomplete);
		}
	}

	@ParameterizedTest
	@EnumSource(ClientConnector.class)
	void aStreamAtItsKindsLimitIsUploadedWhole(ClientConnector connector) {
		AtomicLong produced = new AtomicLong();
		long limit = MediaKind.IMAGE.maxSize().toBytes();
		try (RawHttpServer raw = new RawHttpServer()) {
			StepVerifier.create(rawService(raw, connector).upload(MediaUploadRequest
				.of(sixMegabytes(produced).take(limit / CHUNK), "big.png", MediaType.IMAGE_PNG)))
				.verifyComplete();
			assertThat(raw.lastRequest().chunked()).isTrue();
			assertThat(raw.lastRequest().body().length).isGreaterThan((int) limit);
		}
	}

	/** 96 buffers of 64 KiB, made as they are asked for, counting the bytes made. */
	private static Flux<DataBuffer> sixMegabytes(AtomicLong produced) {
		return Flux.range(0, 96).map((i) -> {
			produced.addAndGet(CHUNK);
			return DefaultDataBufferFactory.sharedInstance.wrap(new byte[CHUNK]);
		});
	}

	/** A request cut short: the server got fewer bytes than its Content-Length, and no closing boundary. */
	private static void assertIncomplete(RawHttpServer.Request request) {
		assertThat(request.body().length).isLessThan(Integer.parseInt(request.headerIgnoringCase("Content-Length")));
		assertThat(new String(request.body(), StandardCharsets.ISO_8859_1)).doesNotEndWith("--\r\n");
	}

	/** The header lines of the part named {@code file}, as they came over the wire. */
	private static List<String> filePartHead(RawHttpServer.Request request) {
		String body = new String(request.body(), StandardCharsets.ISO_8859_1);
		int start = body.indexOf("Content-Disposition: form-data; name=\"file\"");
		return List.of(body.substring(start, body.indexOf("\r\n\r\n", start)).split("\r\n"));
	}

	private NxCloudMediaService rawService(RawHttpServer raw, ClientConnector connector) {
		return new DefaultNxCloudMediaService(TestClients.builder(raw.baseUrl(), connector).defaults(DEFAULTS).build());
	}

	private static Flux<DataBuffer> chunks(byte[] content, int count) {
		int size = (content.length + count - 1) / count;
		return Flux.range(0, count)
			.map((i) -> DefaultDataBufferFactory.sharedInstance
				.wrap(Arrays.copyOfRange(content, i * size, Math.min(content.length, (i + 1) * size))));
	}

	private void assertRejected(Mono<MediaUpload> upload, String message) {
		assertRejected(upload, "file", message);
	}

	private void assertRejected(Mono<MediaUpload> upload, String field, String message) {
		StepVerifier.create(upload)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.hasMessageContaining("'" + field + "'")
				.hasMessageContaining(message))
			.verify();
	}

	private static void assertParts(RecordingServer.Recorded request, String tenantId, String filename,
			String contentType, byte[] content) {
		String body = new String(request.body(), StandardCharsets.ISO_8859_1);
		String boundary = request.header("Content-Type").replaceFirst(".*boundary=\"?([^\";]+)\"?.*", "$1");
		assertThat(body).startsWith("--" + boundary + "\r\n").endsWith("--" + boundary + "--\r\n");
		assertThat(body).containsPattern("Content-Disposition: form-data; name=\"tenant_id\"\r\n(.+\r\n)*\r\n"
				+ tenantId + "\r\n--" + boundary);
		assertThat(body).contains("Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"");
		assertThat(body).containsPattern("filename=\"" + filename.replace(".", "\\.") + "\"\r\n(.+\r\n)*"
				+ "Content-Type: " + contentType + "\r\n");
		assertThat(body).contains("\r\n\r\n" + new String(content, StandardCharsets.ISO_8859_1) + "\r\n--" + boundary);
	}

	private static byte[] bytes(int length) {
		byte[] bytes = new byte[length];
		for (int i = 0; i < length; i++) {
			bytes[i] = (byte) (i * 31 + 7);
		}
		return bytes;
	}

}
