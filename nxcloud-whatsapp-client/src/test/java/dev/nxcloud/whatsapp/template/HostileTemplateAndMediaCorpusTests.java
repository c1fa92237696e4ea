package dev.nxcloud.whatsapp.template;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.media.DefaultNxCloudMediaService;
import dev.nxcloud.whatsapp.media.MediaKind;
import dev.nxcloud.whatsapp.media.MediaUpload;
import dev.nxcloud.whatsapp.media.MediaUploadRequest;
import dev.nxcloud.whatsapp.media.NxCloudMediaService;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and careless calls through the public API of templates and media uploads, each with its outcome: refused
 * with the exception naming the field, in a short one-line message, before anything reaches the network; or, for a
 * stream that turns out too large, failed while streaming without the server getting a whole request; or accepted at
 * the limit and sent.
 */
class HostileTemplateAndMediaCorpusTests {

	private static final String PHONE = "8615800001795";

	private static final int MEGABYTE = 1024 * 1024;

	private static final String EMOJI = "😀";

	private static final MediaUpload UPLOAD = new MediaUpload("4:aGFuZGxl:aW1hZ2UvcG5n:x", "1187184585633620",
			"banner.png", "image/png", null);

	private final RecordingServer server = new RecordingServer();

	private final NxCloudClient client = TestClients.client(this.server.baseUrl(), new NxCloudDefaults(null, PHONE, 1L));

	private final Services services = new Services(new DefaultNxCloudTemplateService(this.client),
			new DefaultNxCloudMediaService(this.client));

	@AfterEach
	void close() {
		this.server.close();
	}

	static Stream<Arguments> corpus() {
		return Stream.of(
				// nulls
				refused("create(null)", "request", (s) -> s.templates.create(null)),
				refused("update(id, null)", "request", (s) -> s.templates.update(1, null)),
				refused("list(null)", "request", (s) -> s.templates.list(null)),
				refused("listAll(null)", "request", (s) -> s.templates.listAll(null)),
				refused("get(null key)", "key", (s) -> s.templates.get((TemplateKey) null)),
				refused("delete(null key)", "key", (s) -> s.templates.delete((TemplateKey) null)),
				refused("null language", "language", (s) -> create(s, valid().language(null))),
				refused("language never set", "language", (s) -> s.templates.create(TemplateRequest.builder()
					.name("order_update").category(TemplateCategoryType.UTILITY).content("Hi").build())),
				refused("null name", "name", (s) -> create(s, valid().name(null))),
				refused("null content", "content", (s) -> create(s, valid().content(null))),
				refused("null footer", "footerText", (s) -> create(s, valid().footerText(null))),
				refused("null header media", "headerMedia", (s) -> create(s, valid().headerMedia(null))),
				refused("null button", "buttonComponents[1]",
						(s) -> create(s, valid().button(TemplateButton.quickReply("Yes")).button(null))),
				refused("null button in a list", "buttonComponents[1]", (s) -> create(s,
						valid().buttons(Arrays.asList(TemplateButton.quickReply("Yes"), null)))),
				refused("null button list", "buttonComponents", (s) -> create(s, valid().buttons(null))),
				refused("null button text", "text", (s) -> create(s, valid().button(TemplateButton.quickReply(null)))),
				refused("null button url", "url", (s) -> create(s, valid().button(TemplateButton.url("Go", null)))),
				refused("null phone number", "phoneNumber",
						(s) -> create(s, valid().button(TemplateButton.phoneNumber("Call", null)))),
				refused("null event", "buttonEvents[0]", (s) -> create(s,
						valid().button(TemplateButton.quickReply("Yes").withEvents((TemplateButtonEvent) null)))),
				refused("null event tag", "tagName", (s) -> create(s,
						valid().button(TemplateButton.quickReply("Yes").withEvents(TemplateButtonEvent.tag(null))))),
				refused("null header media type", "mediaType",
						(s) -> create(s, valid().headerMedia(TemplateHeaderMedia.of(null, UPLOAD)))),
				refused("null upload answer", "upload", (s) -> create(s,
						valid().headerMedia(TemplateHeaderMedia.of(TemplateMediaType.IMAGE, (MediaUpload) null)))),
				refused("null language code", "language", (s) -> create(s, valid().language(TemplateLanguage.of(null)))),
				refused("null list name", "name",
						(s) -> s.templates.list(TemplateListRequest.firstPage().withName(null))),
				refused("null key phone", "phone", (s) -> s.templates.get(TemplateKey.of(1).withBusinessPhone(null))),
				refused("null unsubscribe text", "text",
						(s) -> create(s, valid().button(TemplateButton.unsubscribe(null)))),
				refused("null flow id", "flow_id", (s) -> create(s, valid().button(TemplateButton.flow("Open", null)))),
				refused("null button type", "type", (s) -> create(s,
						valid().button(new TemplateButton(null, null, "Yes", null, null, null, List.of())))),
				refused("null event template name", "templateName", (s) -> create(s, valid()
					.button(TemplateButton.quickReply("Yes").withEvents(TemplateButtonEvent.template(1, null))))),
				refused("null header media name", "mediaName", (s) -> create(s,
						valid().headerMedia(TemplateHeaderMedia.of(TemplateMediaType.IMAGE, null, "1", "4:h")))),
				refused("null client", "client", (s) -> new DefaultNxCloudTemplateService(null).list()),
				refused("null media kind content type", "contentType",
						(s) -> Flux.fromStream(MediaKind.of(null).stream())),
				refused("upload((Path) null)", "file", (s) -> s.media.upload((Path) null)),
				refused("null path with a type", "file", (s) -> s.media.upload(MediaUploadRequest.of((Path) null,
						MediaType.IMAGE_PNG))),
				refused("null type for a path", "contentType",
						(s) -> s.media.upload(MediaUploadRequest.of(Path.of("a.png"), null))),
				refused("null upload phone", "phone", (s) -> s.media.upload(png(10).withBusinessPhone(null))),
				refused("null stream", "file",
						(s) -> s.media.upload(MediaUploadRequest.of((Flux<DataBuffer>) null, "a.png", MediaType.IMAGE_PNG))),
				refused("upload(null request)", "request", (s) -> s.media.upload((MediaUploadRequest) null)),
				refused("null bytes", "file", (s) -> s.media.upload(MediaUploadRequest.of((byte[]) null, "a.png",
						MediaType.IMAGE_PNG))),
				refused("null file name", "filename",
						(s) -> s.media.upload(MediaUploadRequest.of(new byte[1], null, MediaType.IMAGE_PNG))),
				refused("null content type", "contentType",
						(s) -> s.media.upload(MediaUploadRequest.of(new byte[1], "a.png", null))),
				// blanks and lengths, counted in code points
				refused("blank name", "name", (s) -> create(s, valid().name("  "))),
				refused("blank content", "content", (s) -> create(s, valid().content(" \n "))),
				refused("name of 513", "name", (s) -> create(s, valid().name("a".repeat(513)))),
				refused("name of 10 MB", "name", (s) -> create(s, valid().name("a".repeat(10 * MEGABYTE)))),
				refused("content of 1,025 emoji", "content", (s) -> create(s, valid().content(EMOJI.repeat(1025)))),
				refused("content of 10 MB", "content", (s) -> create(s, valid().content("x".repeat(10 * MEGABYTE)))),
				refused("header text of 61", "headerText", (s) -> create(s, valid().headerText("h".repeat(61)))),
				refused("footer of 61 emoji", "footerText", (s) -> create(s, valid().footerText(EMOJI.repeat(61)))),
				refused("button text of 26", "buttonComponents[0].text",
						(s) -> create(s, valid().button(TemplateButton.quickReply("b".repeat(26))))),
				refused("url of 2,001", "buttonComponents[0].url", (s) -> create(s,
						valid().button(TemplateButton.url("Go", "https://example.com/" + "u".repeat(1981))))),
				refused("url with CR LF", "buttonComponents[0].url", (s) -> create(s,
						valid().button(TemplateButton.url("Go", "https://example.com/a\r\nX-Forged: 1")))),
				refused("url javascript:", "buttonComponents[0].url",
						(s) -> create(s, valid().button(TemplateButton.url("Go", "javascript:alert(1)")))),
				refused("phone number of 21", "buttonComponents[0].phoneNumber",
						(s) -> create(s, valid().button(TemplateButton.phoneNumber("Call", "1".repeat(21))))),
				refused("flow id of 10 MB", "buttonComponents[0].flow_id",
						(s) -> create(s, valid().button(TemplateButton.flow("Open", "9".repeat(10 * MEGABYTE))))),
				refused("reply text of 4,097", "buttonComponents[0].buttonEvents[0].text", (s) -> create(s, valid()
					.button(TemplateButton.quickReply("Yes").withEvents(TemplateButtonEvent.text("r".repeat(4097)))))),
				refused("tag of 10 MB", "tag_name", (s) -> create(s, valid().tagName("t".repeat(10 * MEGABYTE)))),
				refused("header media handle of 10 MB", "templateMediaId", (s) -> create(s, valid().headerMedia(
						TemplateHeaderMedia.of(TemplateMediaType.IMAGE, "a.png", "1", "h".repeat(10 * MEGABYTE))))),
				refused("eleven events on a button", "buttonComponents[0].buttonEvents", "at most 10 events (got 11)",
						(s) -> create(s, valid().button(TemplateButton.quickReply("Yes").withEvents(tags(11))))),
				refused("tenant id 0 on an upload", "tenant_id", "at least 1 (got 0)",
						(s) -> s.media.upload(png(10).withTenantId(0))),
				refused("negative tenant id on a template", "tenant_id", "at least 1 (got -1)",
						(s) -> create(s, valid().tenantId(-1))),
				refused("four buttons", "buttonComponents", (s) -> create(s, valid().buttons(List.of(
						TemplateButton.quickReply("1"), TemplateButton.quickReply("2"), TemplateButton.quickReply("3"),
						TemplateButton.quickReply("4"))))),
				refused("list filter of 10 MB", "name",
						(s) -> s.templates.list(TemplateListRequest.firstPage().withName("n".repeat(10 * MEGABYTE)))),
				// control characters in names
				refused("name with CR LF", "name", "'order\\r\\nX-Forged: 1'",
						(s) -> create(s, valid().name("order\r\nX-Forged: 1"))),
				refused("name in Chinese", "name", (s) -> create(s, valid().name("订单"))),
				refused("language code with CR LF", "language",
						(s) -> create(s, valid().language(TemplateLanguage.of("en\r\nX-Forged: 1")))),
				refused("file name with CR LF", "filename",
						(s) -> s.media.upload(png(10).withFilename("a.png\r\nX-Evil: 1"))),
				refused("file name with a quote", "filename",
						(s) -> s.media.upload(png(10).withFilename("a.png\"; name=\"tenant_id"))),
				refused("file name with NUL", "filename", (s) -> s.media.upload(png(10).withFilename("a\0.png"))),
				refused("file name with a right-to-left override", "filename", "'invoice\\u202egnp.exe'",
						(s) -> s.media.upload(png(10).withFilename("invoice\u202Egnp.exe"))),
				refused("file name with a zero-width space", "filename", "Unicode format characters",
						(s) -> s.media.upload(png(10).withFilename("a\u200B.png"))),
				refused("file name ..", "filename", (s) -> s.media.upload(png(10).withFilename("x/.."))),
				refused("file name of a directory", "filename", (s) -> s.media.upload(png(10).withFilename("dir/"))),
				refused("file name of 256", "filename",
						(s) -> s.media.upload(png(10).withFilename("f".repeat(252) + ".png"))),
				refused("file name of 10 MB", "filename",
						(s) -> s.media.upload(png(10).withFilename("f".repeat(10 * MEGABYTE) + ".png"))),
				refused("missing file with CR LF", "file",
						(s) -> s.media.upload(Path.of("/nonexistent\r\nX-Forged: 1/a.png"))),
				// wrong types and sizes known before sending
				refused("gif", "file", (s) -> s.media.upload(MediaUploadRequest.of(new byte[10], "a.gif",
						MediaType.IMAGE_GIF))),
				refused("html named .png", "file",
						(s) -> s.media.upload(MediaUploadRequest.of(new byte[10], "a.png", MediaType.TEXT_HTML))),
				refused("no extension, no type", "file", (s) -> s.media.upload(Path.of("/tmp/x.png/../evil"))),
				refused("empty file", "file", (s) -> s.media.upload(png(0))),
				refused("png of 5 MB and a byte", "file", (s) -> s.media.upload(png(5 * MEGABYTE + 1))),
				refused("negative declared size", "size", (s) -> s.media
					.upload(MediaUploadRequest.of(Flux.<DataBuffer>empty(), "a.png", MediaType.IMAGE_PNG).withSize(-1))),
				// sizes known only by streaming
				failsWhileStreaming("6 MB stream of unknown size", "file", "streamed more bytes than",
						(s) -> s.media.upload(MediaUploadRequest.of(stream(6 * MEGABYTE), "a.png",
								MediaType.IMAGE_PNG))),
				failsWhileStreaming("6 MB stream declared as 100 bytes", "file",
						"streamed more bytes than its declared size of 100 bytes", (s) -> s.media
							.upload(MediaUploadRequest.of(stream(6 * MEGABYTE), "a.png", MediaType.IMAGE_PNG)
								.withSize(100))),
				failsWhileStreaming("6 MB input stream resource", "file", "streamed more bytes than",
						(s) -> s.media.upload(MediaUploadRequest
							.of(new InputStreamResource(new ByteArrayInputStream(new byte[6 * MEGABYTE])),
									MediaType.IMAGE_PNG)
							.withFilename("a.png"))),
				// accepted at the limit, and sent
				accepted("name of 512", (s) -> create(s, valid().name("a".repeat(512))),
						(sent) -> assertThat(sent.bodyText()).contains("\"name\":\"" + "a".repeat(512) + "\"")),
				accepted("content of 1,024 emoji, header and footer of 60", (s) -> create(s,
						valid().content(EMOJI.repeat(1024)).headerText("h".repeat(60)).footerText(EMOJI.repeat(60))),
						(sent) -> assertThat(sent.bodyText()).contains(EMOJI.repeat(1024))),
				accepted("button text of 25 emoji, url of 2,000, phone number of 20", (s) -> create(s, valid()
					.button(TemplateButton.url(EMOJI.repeat(25), "https://example.com/" + "u".repeat(1980)))
					.button(TemplateButton.phoneNumber("Call", "1".repeat(20)))),
						(sent) -> assertThat(sent.bodyText()).contains("u".repeat(1980))),
				accepted("ten events on a button",
						(s) -> create(s, valid().button(TemplateButton.quickReply("Yes").withEvents(tags(10)))),
						(sent) -> assertThat(sent.bodyText()).contains("\"tagName\":\"tag9\"")),
				accepted("file name of 255", (s) -> s.media.upload(png(10).withFilename("f".repeat(251) + ".png")),
						(sent) -> assertThat(sent.bodyText()).contains("filename=\"" + "f".repeat(251) + ".png\"")),
				accepted("path traversal sent as its base name",
						(s) -> s.media.upload(png(10).withFilename("../../etc/passwd.png")),
						(sent) -> assertThat(sent.bodyText()).contains("; filename=\"passwd.png\"\r\n")
							.doesNotContain("etc")),
				accepted("input stream resource, counted as it streams", (s) -> s.media.upload(MediaUploadRequest
					.of(new InputStreamResource(new ByteArrayInputStream("0123456789".getBytes())), MediaType.IMAGE_PNG)
					.withFilename("a.png")), (sent) -> assertThat(sent.bodyText())
						.contains("; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n0123456789\r\n")),
				accepted("stream of 5 MB", (s) -> s.media.upload(MediaUploadRequest.of(stream(5 * MEGABYTE), "a.png",
						MediaType.IMAGE_PNG)), (sent) -> assertThat(sent.body().length).isGreaterThan(5 * MEGABYTE)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void hostileOrCarelessCall(String description, Function<Services, Publisher<?>> call, Outcome outcome) {
		StepVerifier.FirstStep<Object> verifier = StepVerifier
			.create(Flux.<Object>defer(() -> Flux.<Object>from(call.apply(this.services))));
		if (outcome.sent() != null) {
			verifier.thenConsumeWhile((ignored) -> true).verifyComplete();
			assertThat(this.server.requests()).hasSize(1);
			outcome.sent().accept(this.server.lastRequest());
			return;
		}
		verifier.expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(NxCloudValidationException.class);
			assertThat(ex.getMessage()).hasSizeLessThan(300).doesNotContain("\r").doesNotContain("\n");
			assertThat(((NxCloudValidationException) ex).getField()).isEqualTo(outcome.field());
			if (outcome.message() != null) {
				assertThat(ex.getMessage()).contains(outcome.message());
			}
		}).verify(Duration.ofSeconds(30));
		assertThat(this.server.requests()).isEmpty();
	}

	private static Arguments refused(String description, String field, Function<Services, Publisher<?>> call) {
		return Arguments.of(description, call, new Outcome(field, null, null));
	}

	private static Arguments refused(String description, String field, String message,
			Function<Services, Publisher<?>> call) {
		return Arguments.of(description, call, new Outcome(field, message, null));
	}

	private static Arguments failsWhileStreaming(String description, String field, String message,
			Function<Services, Publisher<?>> call) {
		return Arguments.of(description, call, new Outcome(field, message, null));
	}

	private static Arguments accepted(String description, Function<Services, Publisher<?>> call,
			Consumer<RecordingServer.Recorded> sent) {
		return Arguments.of(description, call, new Outcome(null, null, sent));
	}

	private static TemplateRequest.Builder valid() {
		return TemplateRequest.builder()
			.name("order_update")
			.language(TemplateLanguage.EN_US)
			.category(TemplateCategoryType.UTILITY)
			.content("Your order {{1}} has shipped");
	}

	private static Publisher<?> create(Services services, TemplateRequest.Builder request) {
		return services.templates.create(request.build());
	}

	private static TemplateButtonEvent[] tags(int count) {
		return Stream.iterate(0, (i) -> i + 1).limit(count).map((i) -> TemplateButtonEvent.tag("tag" + i))
			.toArray(TemplateButtonEvent[]::new);
	}

	private static MediaUploadRequest png(int size) {
		return MediaUploadRequest.of(new byte[size], "a.png", MediaType.IMAGE_PNG);
	}

	/** Buffers of 64 KiB, made as they are asked for. */
	private static Flux<DataBuffer> stream(int size) {
		int chunk = 64 * 1024;
		return Flux.range(0, size / chunk).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[chunk]));
	}

	record Services(NxCloudTemplateService templates, NxCloudMediaService media) {
	}

	/**
	 * What a call must do: fail naming {@code field} (a validation error) and with a message holding
	 * {@code message}, when given; or be sent, the request then checked by {@code sent}.
	 */
	record Outcome(String field, String message, Consumer<RecordingServer.Recorded> sent) {
	}

}
