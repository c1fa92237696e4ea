package dev.nxcloud.whatsapp.message;

import java.util.List;
import java.util.stream.Stream;

import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.error.NxCloudInvalidResponseException;
import dev.nxcloud.whatsapp.error.NxCloudMetaException;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import dev.nxcloud.whatsapp.testsupport.IndependentSignature;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NxCloudMessageServiceTests {

	/**
	 * The request example of the SaaS send page, corrected: the page misses the comma between the header and the
	 * body component and carries {@code //} comments. Masked phone digits ({@code xxxx}) are written as
	 * {@code 0000}, because the client only sends real phone numbers.
	 */
	private static final String SEED_SAAS_SEND_REQUEST = """
			{
			"tenant_id" : 1,
			"appkey": "f543ertg",
			"business_phone": "18500008399",
			"messaging_product": "whatsapp",
			"recipient_type": "individual",
			"to": "8613600009759",
			"type": "template",
			"template": {
			"name": "text_template",
			"language": {
			"code": "en_US",
			"policy": "deterministic"
			},
			"components": [
			{
			"type": "header",
			"parameters": [{
			"type": "image",
			"image": {
			"link": "https://imglink"
			}
			}]
			},
			{
			"type": "body",
			"parameters": [
			{
			"type": "text",
			"text": "David"
			},
			{
			"type": "text",
			"text": "China"
			},
			{
			"type": "text",
			"text": "China"
			},
			{
			"type": "text",
			"text": "86138XXX"
			}
			]
			}
			]
			}
			}""";

	private static final String SEED_SAAS_SEND_RESPONSE = """
			{
			"code": 0,
			"message": "",
			"data": {
			"message_id": "wamid.edcf691d49c04b939c8e3331f07f9cd1"
			},
			"traceId": "56bf81643292cd6a89ecde64ae00db13"
			}""";

	private static final String MT_RESPONSE = """
			{
			"code": 0,
			"data": {
			"messaging_product": "whatsapp",
			"messages": [
			{
			"id": "gBGHhhdgYFCBnwIJ6QRYvhwQk7Nc"
			}
			]
			},
			"message": "Request successful"
			}""";

	private static final String META_FAILURE = """
			{
			"code": 9099,
			"message": "WhatsApp error",
			"data":{
			"error":{
			"code":100,
			"message":"(#100) Invalid parameter",
			"type":"OAuthException",
			"fbtrace_id":"AmCuD7sOjcEDetBNhlT2cJm",
			"error_data":{
			"messaging_product":"whatsapp",
			"details":"Invalid parameter"
			}
			}
			}
			}""";

	private static final NxCloudDefaults DEFAULTS = new NxCloudDefaults("f543ertg", "18500008399", 1L);

	private static final String TO = "8613600009759";

	private final JsonMapper json = NxCloudJson.newMapper();

	private final RecordingServer server = new RecordingServer();

	@AfterEach
	void close() {
		this.server.close();
	}

	private NxCloudMessageService service(NxCloudDefaults defaults) {
		return new DefaultNxCloudMessageService(TestClients.client(this.server.baseUrl(), defaults));
	}

	@Test
	void sendTemplatePostsTheSeedExampleAndDecodesTheSeedResponse() throws Exception {
		this.server.reply(SEED_SAAS_SEND_RESPONSE);
		Template template = Template.builder("text_template", TemplateLanguage.EN_US)
			.header(HeaderParameter.image("https://imglink"))
			.body("David", "China", "China", "86138XXX")
			.build();
		StepVerifier.create(service(DEFAULTS).sendTemplate(TemplateMessage.to(TO, template)))
			.assertNext((sent) -> assertThat(sent.messageId()).isEqualTo("wamid.edcf691d49c04b939c8e3331f07f9cd1"))
			.verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertSignedJsonPost(request, "/saas/wa/send", "mt");
		assertThat(tree(request.bodyText())).isEqualTo(tree(SEED_SAAS_SEND_REQUEST));
	}

	@Test
	void sendTemplateTakesTenantAppAndPhoneFromTheRequestOverTheDefaults() {
		this.server.reply(SEED_SAAS_SEND_RESPONSE);
		TemplateMessage message = TemplateMessage.to(TO, Template.of("hello_world", TemplateLanguage.EN))
			.withTenantId(42)
			.withAppKey("other")
			.withBusinessPhone("8615800001795");
		StepVerifier.create(service(DEFAULTS).sendTemplate(message)).expectNextCount(1).verifyComplete();
		JsonNode body = tree(this.server.lastRequest().bodyText());
		assertThat(body.get("tenant_id").longValue()).isEqualTo(42);
		assertThat(body.get("appkey").stringValue()).isEqualTo("other");
		assertThat(body.get("business_phone").stringValue()).isEqualTo("8615800001795");
		assertThat(body.get("template"))
			.isEqualTo(tree("{\"name\":\"hello_world\",\"language\":{\"code\":\"en\",\"policy\":\"deterministic\"}}"));
	}

	@Test
	void sendTemplateWithoutTenantIsRejectedBeforeAnyCall() {
		TemplateMessage message = TemplateMessage.to(TO, Template.of("hello_world", TemplateLanguage.EN));
		StepVerifier.create(service(new NxCloudDefaults("app", "18500008399", null)).sendTemplate(message))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.hasMessageContaining("'tenant_id'")
				.hasMessageContaining("NxCloudClient.builder().tenantId(…)"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void sendTemplateWithoutMessageIdInTheResponseFails() {
		this.server.reply("{\"code\":0,\"message\":\"\",\"data\":null}");
		StepVerifier
			.create(service(DEFAULTS)
				.sendTemplate(TemplateMessage.to(TO, Template.of("hello_world", TemplateLanguage.EN))))
			.expectError(NxCloudInvalidResponseException.class)
			.verify();
	}

	@Test
	void sendTextPostsTheDocumentedSignedRequestAndDecodesTheMessageId() throws Exception {
		this.server.reply(MT_RESPONSE);
		StepVerifier.create(service(DEFAULTS).send(Message.text(TO, "hello")))
			.assertNext((sent) -> assertThat(sent.messageId()).isEqualTo("gBGHhhdgYFCBnwIJ6QRYvhwQk7Nc"))
			.verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertSignedJsonPost(request, "/api/wa/mt", "mt");
		assertThat(request.bodyText()).isEqualTo("{\"appkey\":\"f543ertg\",\"business_phone\":\"18500008399\","
				+ "\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"8613600009759\","
				+ "\"type\":\"text\",\"text\":{\"body\":\"hello\",\"preview_url\":false}}");
	}

	@Test
	void sendCarriesTheOptionalTrackingFields() {
		this.server.reply(MT_RESPONSE);
		Message message = Message.text(TO, "see https://nxcloud.com", true)
			.withCustomMessageId("wamid.HBgLODUyNTUzMTE3MDUVAgARGBI")
			.withDrWebhook("https://test.com/webhook")
			.withBizOpaqueCallbackData("campaign-7")
			.withAppKey("other")
			.withBusinessPhone("8615800001795");
		StepVerifier.create(service(DEFAULTS).send(message)).expectNextCount(1).verifyComplete();
		assertThat(tree(this.server.lastRequest().bodyText())).isEqualTo(tree("""
				{"appkey":"other","business_phone":"8615800001795","messaging_product":"whatsapp",
				"recipient_type":"individual","to":"8613600009759","type":"text",
				"text":{"body":"see https://nxcloud.com","preview_url":true},
				"cus_message_id":"wamid.HBgLODUyNTUzMTE3MDUVAgARGBI","dr_webhook":"https://test.com/webhook",
				"biz_opaque_callback_data":"campaign-7"}"""));
	}

	static Stream<Arguments> messageShapes() {
		return Stream.of(
				Arguments.of(Message.image(TO, MediaSource.link("https://example.com/a.png"), "A picture"),
						"{\"image\":{\"link\":\"https://example.com/a.png\",\"caption\":\"A picture\"}}"),
				Arguments.of(Message.image(TO, MediaSource.id("f0a3c1e2")), "{\"image\":{\"id\":\"f0a3c1e2\"}}"),
				Arguments.of(Message.video(TO, MediaSource.id("v1"), "Clip"),
						"{\"video\":{\"id\":\"v1\",\"caption\":\"Clip\"}}"),
				Arguments.of(Message.audio(TO, MediaSource.link("http://example.com/a.ogg")),
						"{\"audio\":{\"link\":\"http://example.com/a.ogg\"}}"),
				Arguments.of(Message.sticker(TO, MediaSource.id("s1")), "{\"sticker\":{\"id\":\"s1\"}}"),
				Arguments.of(Message.document(TO, MediaSource.link("https://example.com/i.pdf"), "invoice.pdf"),
						"{\"document\":{\"link\":\"https://example.com/i.pdf\",\"filename\":\"invoice.pdf\"}}"),
				Arguments.of(Message.document(TO, MediaSource.id("d1"), "invoice.pdf", "Your invoice"),
						"{\"document\":{\"id\":\"d1\",\"caption\":\"Your invoice\",\"filename\":\"invoice.pdf\"}}"),
				Arguments.of(Message.document(TO, MediaSource.id("d1")), "{\"document\":{\"id\":\"d1\"}}"),
				Arguments.of(Message.document(TO, MediaSource.link("https://example.com/i.pdf"), null, "Your invoice"),
						"{\"document\":{\"link\":\"https://example.com/i.pdf\",\"caption\":\"Your invoice\"}}"),
				Arguments.of(Message.location(TO, 39.9042, 116.4074, "Beijing", "Dongcheng"),
						"{\"location\":{\"longitude\":116.4074,\"latitude\":39.9042,"
								+ "\"name\":\"Beijing\",\"address\":\"Dongcheng\"}}"),
				Arguments.of(Message.location(TO, -90, 180, null, null),
						"{\"location\":{\"longitude\":180.0,\"latitude\":-90.0}}"),
				Arguments.of(Message.template(TO,
						Template.builder("order_update", TemplateLanguage.EN_US)
							.header(HeaderParameter.image("https://example.com/h.png"))
							.body("David", "China", "China", "86138XXX")
							.button(ButtonParameter.url(0, "abc"))
							.button(ButtonParameter.quickReply(2, "STOP"))
							.build()),
						"""
								{"template":{"name":"order_update","language":{"code":"en_US","policy":"deterministic"},
								"components":[
								{"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/h.png"}}]},
								{"type":"body","parameters":[{"type":"text","text":"David"},{"type":"text","text":"China"},
								{"type":"text","text":"China"},{"type":"text","text":"86138XXX"}]},
								{"type":"button","sub_type":"url","index":"0","parameters":[{"type":"text","text":"abc"}]},
								{"type":"button","sub_type":"quick_reply","index":"2","parameters":[{"type":"payload","payload":"STOP"}]}
								]}}"""),
				Arguments.of(Message.template(TO,
						Template.builder("doc_notice", TemplateLanguage.ZH_CN)
							.header(HeaderParameter.document("https://example.com/c.pdf", "contract.pdf"))
							.build()),
						"""
								{"template":{"name":"doc_notice","language":{"code":"zh_CN","policy":"deterministic"},
								"components":[{"type":"header","parameters":[{"type":"document",
								"document":{"link":"https://example.com/c.pdf","filename":"contract.pdf"}}]}]}}"""),
				Arguments.of(Message.template(TO,
						Template.builder("video_notice", TemplateLanguage.PT_BR)
							.header(HeaderParameter.video(MediaSource.id("vid-9")))
							.build()),
						"""
								{"template":{"name":"video_notice","language":{"code":"pt_BR","policy":"deterministic"},
								"components":[{"type":"header","parameters":[{"type":"video","video":{"id":"vid-9"}}]}]}}"""),
				Arguments.of(Message.template(TO,
						Template.builder("greeting", TemplateLanguage.EN).header(HeaderParameter.text("Ana")).build()),
						"""
								{"template":{"name":"greeting","language":{"code":"en","policy":"deterministic"},
								"components":[{"type":"header","parameters":[{"type":"text","text":"Ana"}]}]}}"""));
	}

	@ParameterizedTest
	@MethodSource("messageShapes")
	void sendSerialisesEachMessageType(Message message, String expectedContent) {
		this.server.reply(MT_RESPONSE);
		StepVerifier.create(service(DEFAULTS).send(message)).expectNextCount(1).verifyComplete();
		JsonNode body = tree(this.server.lastRequest().bodyText());
		assertThat(body.get("type").stringValue()).isEqualTo(message.content().type());
		assertThat(body.propertyNames()).containsExactly("appkey", "business_phone", "messaging_product",
				"recipient_type", "to", "type", message.content().type());
		JsonNode expected = tree(expectedContent);
		assertThat(body.get(message.content().type())).isEqualTo(expected.get(message.content().type()));
	}

	@Test
	void sendTemplateAndSendShareTheTemplateShape() {
		this.server.reply(MT_RESPONSE).reply(SEED_SAAS_SEND_RESPONSE);
		Template template = Template.builder("order_update", TemplateLanguage.EN_US)
			.header(HeaderParameter.text("Ana"))
			.body("David")
			.build();
		NxCloudMessageService service = service(DEFAULTS);
		StepVerifier.create(service.send(Message.template(TO, template))).expectNextCount(1).verifyComplete();
		StepVerifier.create(service.sendTemplate(TemplateMessage.to(TO, template))).expectNextCount(1).verifyComplete();
		JsonNode mt = tree(this.server.requests().get(0).bodyText());
		JsonNode saas = tree(this.server.requests().get(1).bodyText());
		assertThat(this.server.requests().get(0).path()).isEqualTo("/api/wa/mt");
		assertThat(this.server.requests().get(1).path()).isEqualTo("/saas/wa/send");
		assertThat(mt.get("template")).isEqualTo(saas.get("template"));
		assertThat(mt.has("tenant_id")).isFalse();
	}

	@Test
	void metaFailureOnSendIsAMetaException() {
		this.server.reply(META_FAILURE);
		StepVerifier.create(service(DEFAULTS).send(Message.text(TO, "hello")))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(NxCloudMetaException.class);
				NxCloudMetaException meta = (NxCloudMetaException) ex;
				assertThat(meta.getCode()).isEqualTo(9099);
				assertThat(meta.getMetaError().code()).isEqualTo(100);
				assertThat(meta.getMetaError().fbtraceId()).isEqualTo("AmCuD7sOjcEDetBNhlT2cJm");
				assertThat(meta.getMetaError().errorData().details()).isEqualTo("Invalid parameter");
			})
			.verify();
	}

	@Test
	void sendWithoutMessagesInTheResponseFails() {
		this.server.reply("{\"code\":0,\"data\":{\"messaging_product\":\"whatsapp\",\"messages\":[]}}");
		StepVerifier.create(service(DEFAULTS).send(Message.text(TO, "hello")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class)
				.hasMessageContaining("data.messages[0].id"))
			.verify();
	}

	@Test
	void sendWithoutBusinessPhoneNamesTheProperty() {
		StepVerifier.create(service(new NxCloudDefaults("app", null, null)).send(Message.text(TO, "hello")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.hasMessageContaining("'business_phone'")
				.hasMessageContaining("NxCloudClient.builder().businessPhone(…)"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	static Stream<Arguments> invalidMessages() {
		return Stream.of(
				Arguments.of(Message.text("+8613600009759", "hello"), "to"),
				Arguments.of(Message.text("86136", "hello"), "to"),
				Arguments.of(Message.text(TO, "hello").withBusinessPhone("185-0000-8399"), "business_phone"),
				Arguments.of(Message.text(TO, "hello").withAppKey(" "), "appkey"),
				Arguments.of(Message.text(TO, ""), "text.body"),
				Arguments.of(Message.text(TO, "x".repeat(4097)), "text.body"),
				Arguments.of(Message.text(TO, "hello").withDrWebhook("ftp://example.com/hook"), "dr_webhook"),
				Arguments.of(Message.text(TO, "hello").withDrWebhook("not a url"), "dr_webhook"),
				Arguments.of(Message.text(TO, "hello").withCustomMessageId(""), "cus_message_id"),
				Arguments.of(Message.image(TO, MediaSource.link("file:///etc/passwd")), "image.link"),
				Arguments.of(Message.image(TO, new MediaSource("https://example.com/a.png", "id1")), "image"),
				Arguments.of(Message.video(TO, new MediaSource(null, null)), "video"),
				Arguments.of(Message.audio(TO, MediaSource.id(" ")), "audio.id"),
				Arguments.of(Message.document(TO, MediaSource.id("d1"), ""), "document.filename"),
				Arguments.of(Message.location(TO, 90.5, 0, null, null), "location.latitude"),
				Arguments.of(Message.location(TO, 0, -180.01, null, null), "location.longitude"),
				Arguments.of(Message.location(TO, Double.NaN, 0, null, null), "location.latitude"),
				Arguments.of(Message.template(TO, Template.of(" ", TemplateLanguage.EN)), "template.name"),
				Arguments.of(Message.template(TO,
						Template.builder("t", TemplateLanguage.EN)
							.header(HeaderParameter.text("a"))
							.header(HeaderParameter.text("b"))
							.build()),
						"template.components"),
				Arguments.of(Message.template(TO,
						Template.builder("t", TemplateLanguage.EN).button(ButtonParameter.url(3, "x")).build()),
						"template.components[0].index"),
				Arguments.of(Message.template(TO,
						Template.builder("t", TemplateLanguage.EN).button(ButtonParameter.quickReply(-1, "x")).build()),
						"template.components[0].index"),
				Arguments.of(Message.template(TO,
						Template.builder("t", TemplateLanguage.EN).body("a", " ").build()),
						"template.components[0].parameters[1].text"),
				Arguments.of(Message.template(TO,
						Template.builder("t", TemplateLanguage.EN)
							.body("a")
							.header(HeaderParameter.image("www.example.com/a.png"))
							.build()),
						"template.components[1].parameters[0].image.link"),
				Arguments.of(Message.template(TO,
						Template.builder("t", TemplateLanguage.EN).button(ButtonParameter.quickReply(0, "")).build()),
						"template.components[0].parameters[0].payload"));
	}

	@ParameterizedTest
	@MethodSource("invalidMessages")
	void invalidMessagesAreRejectedBeforeAnyCall(Message message, String field) {
		StepVerifier.create(service(DEFAULTS).send(message))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(NxCloudValidationException.class,
					(validation) -> assertThat(validation.getField()).isEqualTo(field)))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void invalidTemplateMessageIsRejectedBeforeAnyCall() {
		Template template = Template.builder("t", TemplateLanguage.EN)
			.header(HeaderParameter.image("https://example.com/h1.png"))
			.header(HeaderParameter.image("https://example.com/h2.png"))
			.build();
		Mono<SentMessage> twoHeaders = service(DEFAULTS).sendTemplate(TemplateMessage.to(TO, template));
		StepVerifier.create(twoHeaders)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.hasMessageContaining("'template.components'")
				.hasMessageContaining("at most one header"))
			.verify();
		StepVerifier
			.create(service(DEFAULTS)
				.sendTemplate(TemplateMessage.to("8613600009759x", Template.of("t", TemplateLanguage.EN))))
			.expectErrorSatisfies((ex) -> assertThat(((NxCloudValidationException) ex).getField()).isEqualTo("to"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	static Stream<Arguments> templatesTheSaasSendRefuses() {
		return Stream.of(
				Arguments.of(Template.builder("t", TemplateLanguage.EN).body("a").button(ButtonParameter.url(0, "x")).build(),
						"template.components[1].type", "got button"),
				Arguments.of(Template.builder("t", TemplateLanguage.EN).button(ButtonParameter.quickReply(0, "STOP")).build(),
						"template.components[0].type", "got button"),
				Arguments.of(Template.builder("t", TemplateLanguage.EN)
					.header(HeaderParameter.video("https://example.com/v.mp4"))
					.build(), "template.components[0].parameters[0].type", "got video"),
				Arguments.of(Template.builder("t", TemplateLanguage.EN)
					.body("a")
					.header(HeaderParameter.document("https://example.com/c.pdf", "c.pdf"))
					.build(), "template.components[1].parameters[0].type", "got document"),
				Arguments.of(Template.builder("t", TemplateLanguage.EN).header(HeaderParameter.image(MediaSource.id("h1"))).build(),
						"template.components[0].parameters[0].image.link", "no media id"));
	}

	@ParameterizedTest
	@MethodSource("templatesTheSaasSendRefuses")
	void theSaasSendRefusesWhatItsPageDoesNotAllowBeforeAnyCallAndPointsToTheGeneralSend(Template template,
			String field, String reason) {
		this.server.reply(MT_RESPONSE);
		StepVerifier.create(service(DEFAULTS).sendTemplate(TemplateMessage.to(TO, template)))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(NxCloudValidationException.class,
					(validation) -> assertThat(validation.getField()).isEqualTo(field))
				.hasMessageContaining(reason)
				.hasMessageContaining("send(Message.template(…)) through /api/wa/mt"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
		StepVerifier.create(service(DEFAULTS).send(Message.template(TO, template))).expectNextCount(1).verifyComplete();
		assertThat(this.server.lastRequest().path()).isEqualTo("/api/wa/mt");
	}

	@Test
	void modelsAreImmutable() {
		Message original = Message.text(TO, "hello");
		Message tracked = original.withCustomMessageId("id-1");
		assertThat(original.customMessageId()).isNull();
		assertThat(tracked.customMessageId()).isEqualTo("id-1");
		Template.Builder builder = Template.builder("t", TemplateLanguage.EN).body("a");
		Template first = builder.build();
		builder.body("b");
		assertThat(first.components()).hasSize(1);
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> first.components().add(new TemplateComponentValues.Body(List.of("c"))));
	}

	private JsonNode tree(String text) {
		return this.json.readTree(text);
	}

	private static void assertSignedJsonPost(RecordingServer.Recorded request, String path, String action)
			throws Exception {
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo(path);
		assertThat(request.uri().getRawQuery()).isNull();
		assertThat(request.header("Content-Type")).startsWith("application/json");
		assertThat(request.header("action")).isEqualTo(action);
		assertThat(request.header("bizType")).isEqualTo("2");
		assertThat(request.header("accessKey")).isEqualTo(TestClients.ACCESS_KEY);
		assertThat(request.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, true));
	}

}
