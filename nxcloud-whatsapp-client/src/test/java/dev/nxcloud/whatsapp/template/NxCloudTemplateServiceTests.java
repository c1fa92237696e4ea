package dev.nxcloud.whatsapp.template;

import java.util.List;
import java.util.stream.Stream;

import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.error.NxCloudInvalidResponseException;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.media.MediaUpload;
import dev.nxcloud.whatsapp.template.TemplateButton.CustomizeType;
import dev.nxcloud.whatsapp.template.TemplateDetailComponent.Format;
import dev.nxcloud.whatsapp.template.TemplateDetailComponent.Type;
import dev.nxcloud.whatsapp.template.TemplateDetailButton.FlowAction;
import dev.nxcloud.whatsapp.testsupport.IndependentSignature;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class NxCloudTemplateServiceTests {

	private static final String PHONE = "8615800001795";

	private static final NxCloudDefaults DEFAULTS = new NxCloudDefaults(null, PHONE, 1L);

	private final JsonMapper json = NxCloudJson.newMapper();

	private final RecordingServer server = new RecordingServer();

	@AfterEach
	void close() {
		this.server.close();
	}

	private NxCloudTemplateService service(NxCloudDefaults defaults) {
		return new DefaultNxCloudTemplateService(TestClients.client(this.server.baseUrl(), defaults));
	}

	private NxCloudTemplateService service() {
		return service(DEFAULTS);
	}

	private void assertSignedRequest(RecordingServer.Recorded request, String method, String path,
			boolean withBody) throws Exception {
		assertThat(request.method()).isEqualTo(method);
		assertThat(request.path()).isEqualTo(path);
		assertThat(request.header("Content-Type")).startsWith("application/json");
		assertThat(request.header("action")).isEqualTo("mt");
		assertThat(request.header("bizType")).isEqualTo("2");
		assertThat(request.header("accessKey")).isEqualTo(TestClients.ACCESS_KEY);
		assertThat(request.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, withBody));
	}

	private void assertBodyEquals(RecordingServer.Recorded request, String expectedJson) {
		JsonNode sent = this.json.readTree(request.body());
		assertThat(sent).isEqualTo(this.json.readTree(expectedJson));
	}

	@Test
	void listSendsTheDocumentedQueryAndDecodesTheSeedExample() throws Exception {
		this.server.reply(TemplateSeeds.LIST_RESPONSE);
		StepVerifier.create(service().list(TemplateListRequest.page(1, 10).withName("buttontest22")))
			.assertNext((page) -> {
				assertThat(page.total()).isEqualTo(1);
				assertThat(page.hasNextPage()).isFalse();
				assertThat(page.list()).hasSize(1);
				TemplateSummary template = page.list().get(0);
				assertThat(template.id()).isEqualTo(314L);
				assertThat(template.channel()).isEqualTo(2);
				assertThat(template.name()).isEqualTo("buttontest22");
				assertThat(template.content()).startsWith("Hello, I am the new virtual assistant.")
					.endsWith("Please reach out if I can help!");
				assertThat(template.createdAt()).isEqualTo("2024-06-25 14:31:26");
				assertThat(template.updatedAt()).isEqualTo("2024-06-25 15:27:39");
				assertThat(template.statusCode()).isEqualTo(2);
				assertThat(template.language()).isEqualTo("en_GB");
				assertThat(template.templateLanguage()).contains(TemplateLanguage.EN_GB);
				assertThat(template.languageName()).isEqualTo("English (UK)");
				assertThat(template.unsubscribe()).isEmpty();
				assertThat(template.additional()).isNull();
				assertThat(template.quality()).isEqualTo(TemplateQuality.UNKNOWN);
				assertThat(template.category()).isEqualTo(TemplateCategory.MARKETING);
				assertThat(template.categoryType()).isEqualTo(TemplateCategoryType.MARKETING);
				assertThat(template.waRejectedReason()).isEmpty();
				assertThat(template.closeAutoFlow()).isZero();
			})
			.verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertSignedRequest(request, "GET", "/saas/wa/template/" + PHONE, false);
		assertThat(request.uri().getRawQuery()).isEqualTo("page_number=1&page_size=10&name=buttontest22&tenant_id=1");
		assertThat(request.body()).isEmpty();
	}

	@Test
	void listUsesTheRequestsPhoneAndTenantOverTheDefaults() {
		StepVerifier.create(service().list(TemplateListRequest.page(3, 50).withBusinessPhone("85255501234")
			.withTenantId(77))).assertNext((page) -> assertThat(page.list()).isEmpty()).verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertThat(request.path()).isEqualTo("/saas/wa/template/85255501234");
		assertThat(request.uri().getRawQuery()).isEqualTo("page_number=3&page_size=50&tenant_id=77");
	}

	@Test
	void pageNumberAndPageSizeAreAlwaysSentFirstPageOfTenByDefault() {
		this.server.reply(page(false, 1)).reply(page(true, 1)).reply(page(false, 2));
		StepVerifier.create(service().list()).expectNextCount(1).verifyComplete();
		StepVerifier.create(service().listAll()).expectNextCount(2).verifyComplete();
		assertThat(this.server.requests()).extracting((request) -> request.uri().getRawQuery())
			.containsExactly("page_number=1&page_size=10&tenant_id=1", "page_number=1&page_size=10&tenant_id=1",
					"page_number=2&page_size=10&tenant_id=1");
		assertThat(TemplateListRequest.firstPage()).isEqualTo(TemplateListRequest.page(1, 10));
	}

	@Test
	void aPageWithoutItsListIsAnInvalidResponseNotAnEmptyPage() {
		this.server.reply("{\"code\":0,\"data\":{\"records\":[{\"id\":1}],\"total\":1}}")
			.reply("{\"code\":0,\"data\":{\"list\":{\"id\":1},\"total\":1,\"has_next_page\":false}}");
		StepVerifier.create(service().list())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class)
				.hasMessageContaining("data.list "))
			.verify();
		StepVerifier.create(service().list())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class)
				.hasMessageContaining("data.list does not have the documented shape"))
			.verify();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			"list": [], "total": 0                                  | data.has_next_page
			"list": [{"id": 1}], "total": 3, "has_next_page": null  | data.has_next_page
			"list": [{"id": 1}], "has_next_page": true              | data.total
			"list": [{"id": 1}], "total": null, "has_next_page": true | data.total
			""")
	void aPageWithoutItsTotalOrNextPageFlagIsAnInvalidResponse(String data, String field) {
		this.server.reply("{\"code\":0,\"data\":{" + data + "}}");
		StepVerifier.create(service().listAll())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class)
				.hasMessageContaining(field + " does not have the documented shape"))
			.verify();
	}

	@Test
	void listAllFetchesTheNextPageOnlyOnceThePreviousIsConsumed() {
		this.server.reply(page(true, 1, 2)).reply(page(false, 3));
		StepVerifier.create(service().listAll(TemplateListRequest.page(1, 2)), 1)
			.assertNext((template) -> assertThat(template.id()).isEqualTo(1L))
			.then(() -> assertThat(this.server.requests()).hasSize(1))
			.thenRequest(1)
			.assertNext((template) -> assertThat(template.id()).isEqualTo(2L))
			.thenRequest(Long.MAX_VALUE)
			.assertNext((template) -> assertThat(template.id()).isEqualTo(3L))
			.verifyComplete();
		assertThat(this.server.requests()).extracting((request) -> request.uri().getRawQuery())
			.containsExactly("page_number=1&page_size=2&tenant_id=1", "page_number=2&page_size=2&tenant_id=1");
	}

	@Test
	void listAllStopsWhenTheConsumerHasEnough() {
		this.server.reply(page(true, 1, 2)).reply(page(false, 3));
		StepVerifier.create(service().listAll(TemplateListRequest.page(1, 2)).take(2))
			.expectNextCount(2)
			.verifyComplete();
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void listAllStopsAtAnEmptyPageEvenIfNxCloudSaysMoreFollow() {
		this.server.reply(page(true, 1)).reply(page(true)).reply(page(false, 9));
		StepVerifier.create(service().listAll(TemplateListRequest.page(5, 1)))
			.assertNext((template) -> assertThat(template.id()).isEqualTo(1L))
			.verifyComplete();
		assertThat(this.server.requests()).extracting((request) -> request.uri().getRawQuery())
			.containsExactly("page_number=5&page_size=1&tenant_id=1", "page_number=6&page_size=1&tenant_id=1");
	}

	@Test
	void listAllStopsWhenNxCloudReturnsNoData() {
		this.server.reply("{\"code\":0,\"data\":null}");
		StepVerifier.create(service().listAll()).verifyComplete();
		assertThat(this.server.requests()).hasSize(1);
	}

	@Test
	void listRejectsAPageNumberBelowOneBeforeAnyCall() {
		StepVerifier.create(service().listAll(TemplateListRequest.page(0, 10)))
			.expectErrorSatisfies((ex) -> assertThat(((NxCloudValidationException) ex).getField())
				.isEqualTo("page_number"))
			.verify();
		StepVerifier.create(service().list(TemplateListRequest.page(1, 0)))
			.expectErrorSatisfies((ex) -> assertThat(((NxCloudValidationException) ex).getField())
				.isEqualTo("page_size"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void missingPhoneAndTenantNameTheirProperties() {
		StepVerifier.create(service(new NxCloudDefaults(null, null, 1L)).list())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.hasMessageContaining("'phone'")
				.hasMessageContaining("NxCloudClient.builder().businessPhone(…)"))
			.verify();
		StepVerifier.create(service(new NxCloudDefaults(null, PHONE, null)).get(314))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.hasMessageContaining("'tenant_id'")
				.hasMessageContaining("NxCloudClient.builder().tenantId(…)"))
			.verify();
		StepVerifier.create(service(new NxCloudDefaults(null, "+8615800001795", 1L)).delete(314))
			.expectErrorSatisfies((ex) -> assertThat(((NxCloudValidationException) ex).getField()).isEqualTo("phone"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void createSendsSeedRequestOne() throws Exception {
		TemplateRequest request = TemplateRequest.builder()
			.tenantId(123)
			.name("test_23")
			.language(TemplateLanguage.AF)
			.category(TemplateCategoryType.MARKETING)
			.content("send message content: WhatsApp:{{WhatsApp}}, end message")
			.headerText("")
			.footerText("foot")
			.headerMedia(TemplateHeaderMedia.of(TemplateMediaType.IMAGE, "1705406614735.jpg", "1167113681293447",
					"4:MTcwNTQwNjYxNDczNS5qcGc=:..."))
			.tagName("tag1")
			.closeAutoFlow(false)
			.button(TemplateButton.quickReply("button1")
				.withEvents(TemplateButtonEvent.tag("Viber tag"), TemplateButtonEvent.template(314, "buttontest22")))
			.button(TemplateButton.quickReply("button 2")
				.withEvents(TemplateButtonEvent.tag("Viber tag"), TemplateButtonEvent.text("test text")))
			.button(TemplateButton.quickReply("button3").withEvents(TemplateButtonEvent.template(313, "test_8")))
			.build();
		StepVerifier.create(service().create(request)).assertNext((ref) -> {
			assertThat(ref.id()).isNull();
			assertThat(ref.data()).isNull();
		}).verifyComplete();
		RecordingServer.Recorded sent = this.server.lastRequest();
		assertSignedRequest(sent, "POST", "/saas/wa/template/" + PHONE, true);
		assertBodyEquals(sent, TemplateSeeds.CREATE_REQUEST_1);
	}

	@Test
	void createSendsSeedRequestTwo() throws Exception {
		TemplateRequest request = TemplateRequest.builder()
			.name("test_45")
			.language(TemplateLanguage.AF)
			.category(TemplateCategoryType.MARKETING)
			.content("template content https://...")
			.headerText("test head")
			.footerText("foot")
			.tagName("tag1")
			.closeAutoFlow(false)
			.button(TemplateButton.phoneNumber("phone", "8613128xxxx"))
			.button(TemplateButton.url("web1", "https://testnxlink.nxcloud.com/"))
			.button(TemplateButton.url("web2", "https://www.baidu.com/"))
			.build();
		StepVerifier.create(service().create(request)).expectNextCount(1).verifyComplete();
		RecordingServer.Recorded sent = this.server.lastRequest();
		assertSignedRequest(sent, "POST", "/saas/wa/template/" + PHONE, true);
		assertBodyEquals(sent, TemplateSeeds.CREATE_REQUEST_2);
	}

	@Test
	void createSendsSeedRequestThree() throws Exception {
		StepVerifier.create(service().create(seedThree().build())).expectNextCount(1).verifyComplete();
		RecordingServer.Recorded sent = this.server.lastRequest();
		assertSignedRequest(sent, "POST", "/saas/wa/template/" + PHONE, true);
		assertBodyEquals(sent, TemplateSeeds.CREATE_REQUEST_3);
	}

	@Test
	void updateSendsTheSeedRequest() throws Exception {
		TemplateRequest request = seedThree().footerText("footer content")
			.headerMedia(TemplateHeaderMedia.none())
			.build();
		StepVerifier.create(service().update(317, request))
			.assertNext((ref) -> assertThat(ref.templateId()).contains(317L))
			.verifyComplete();
		RecordingServer.Recorded sent = this.server.lastRequest();
		assertSignedRequest(sent, "PUT", "/saas/wa/template/" + PHONE, true);
		assertBodyEquals(sent, TemplateSeeds.UPDATE_REQUEST);
	}

	@Test
	void synMetaAndAnOpenAutoFlowAreSentWhenSet() {
		StepVerifier.create(service().create(seedThree().synMeta(false).closeAutoFlow(true).build()))
			.expectNextCount(1)
			.verifyComplete();
		JsonNode sent = this.json.readTree(this.server.lastRequest().body());
		assertThat(sent.get("syn_meta").booleanValue()).isFalse();
		assertThat(sent.get("is_close_auto_flow").intValue()).isEqualTo(1);
		assertThat(sent.has("id")).isFalse();
	}

	@Test
	void createReadsTheTemplateIdWhenNxCloudSendsOne() {
		this.server.reply("{\"code\":0,\"data\":{\"id\":1214365320013059,\"status\":\"PENDING\"}}")
			.reply("{\"code\":0,\"data\":\"318\"}");
		StepVerifier.create(service().create(seedThree().build()))
			.assertNext((ref) -> {
				assertThat(ref.id()).isEqualTo(1214365320013059L);
				assertThat(ref.data().get("status").stringValue()).isEqualTo("PENDING");
			})
			.verifyComplete();
		StepVerifier.create(service().update(317, seedThree().build()))
			.assertNext((ref) -> assertThat(ref.id()).isEqualTo(318L))
			.verifyComplete();
	}

	@Test
	void getDecodesSeedResponseOne() throws Exception {
		this.server.reply(TemplateSeeds.DETAIL_RESPONSE_1);
		StepVerifier.create(service().get(1214365320013059L)).assertNext((detail) -> {
			assertThat(detail.namespace()).isNull();
			assertThat(detail.name()).isEqualTo("test_23");
			assertThat(detail.category()).isEqualTo(TemplateCategory.MARKETING);
			assertThat(detail.categoryType()).isEqualTo(TemplateCategoryType.MARKETING);
			assertThat(detail.language()).isEqualTo("af");
			assertThat(detail.templateLanguage()).contains(TemplateLanguage.AF);
			assertThat(detail.status()).isEqualTo(TemplateStatus.APPROVED);
			assertThat(detail.id()).isEqualTo(1214365320013059L);
			assertThat(detail.qualityScore().score()).isEqualTo(TemplateQuality.UNKNOWN);
			assertThat(detail.tagIds()).containsExactly(33991L);
			assertThat(detail.closeAutoFlow()).isZero();
			assertThat(detail.components()).extracting(TemplateDetailComponent::type)
				.containsExactly(Type.HEADER, Type.BODY, Type.FOOTER, Type.BUTTONS);

			TemplateDetailComponent header = detail.component(Type.HEADER).orElseThrow();
			assertThat(header.format()).isEqualTo(Format.IMAGE);
			assertThat(header.text()).isNull();
			assertThat(header.buttons()).isEmpty();
			assertThat(header.parameters()).isNull();
			assertThat(header.subType()).isNull();
			assertThat(header.index()).isNull();
			assertThat(header.example().headerHandle()).containsExactly(
					"https://goss.oss-accelerate.aliyuncs.com/1167113681293447?Expires=1719311172&OSSAccessKeyId=LTAI5tBrjWM5EyDe6MA5uc7z&Signature=BqE8WVjP%2B%2B19G4I4bLuL7ISGyo8%3D");
			assertThat(header.example().fileName()).isEqualTo("1705406614735.jpg");
			assertThat(header.example().bodyText()).isEmpty();
			assertThat(header.filename()).isEqualTo("1705406614735.jpg");
			assertThat(header.url()).isNull();
			assertThat(header.mediaId()).isEqualTo("1167113681293447");
			assertThat(header.h()).startsWith("4:YjZjODg1NGEtMDA4ZC00ZjcwLTkzYjAtZTVjZTdiNGZmNmJmMTcwNTQwNjYxNDczNS5qcGc=:")
				.endsWith(":e:1719656714:1407008009801826:100084713375965:ARYtgY7tK8u5Jn3qzt0");
			assertThat(header.mediaType()).isNull();

			TemplateDetailComponent body = detail.component(Type.BODY).orElseThrow();
			assertThat(body.format()).isNull();
			assertThat(body.text()).isEqualTo("send content:WhatsApp:{{WhatsApp}},end message");
			assertThat(body.example().bodyText()).containsExactly("8613800000000");
			assertThat(body.example().headerHandle()).isEmpty();

			assertThat(detail.component(Type.FOOTER).orElseThrow().text()).isEqualTo("foot content");
			assertThat(detail.component(Type.FOOTER).orElseThrow().example()).isNull();

			List<TemplateDetailButton> buttons = detail.component(Type.BUTTONS).orElseThrow().buttons();
			assertThat(buttons).extracting(TemplateDetailButton::text).containsExactly("button1", "tag2", "button3");
			TemplateDetailButton first = buttons.get(0);
			assertThat(first.type()).isEqualTo(TemplateButton.Type.QUICK_REPLY);
			assertThat(first.payload()).isNull();
			assertThat(first.url()).isNull();
			assertThat(first.phoneNumber()).isNull();
			assertThat(first.flowId()).isNull();
			assertThat(first.navigateScreen()).isNull();
			assertThat(first.flowAction()).isNull();
			TemplateDetailButton.Settings settings = first.buttonReqs();
			assertThat(settings.type()).isEqualTo(TemplateButton.Type.QUICK_REPLY);
			assertThat(settings.customizeType()).isEqualTo(CustomizeType.CONVENTIONAL);
			assertThat(settings.text()).isEqualTo("button1");
			assertThat(settings.phoneNumber()).isNull();
			assertThat(settings.url()).isNull();
			assertThat(settings.payload()).isEqualTo("305");
			assertThat(settings.flowId()).isNull();
			assertThat(settings.navigateScreen()).isNull();
			assertThat(settings.flowAction()).isNull();
			assertThat(settings.buttonEvents()).containsExactly(
					new TemplateDetailButton.Event(TemplateButtonEvent.Type.TAG, "Viber tag", 33991L, null, null,
							null),
					new TemplateDetailButton.Event(TemplateButtonEvent.Type.TEMPLATE, null, null, "buttontest22",
							314L, null));
			assertThat(buttons.get(1).buttonReqs().payload()).isEqualTo("306");
			assertThat(buttons.get(1).buttonReqs().buttonEvents()).containsExactly(
					new TemplateDetailButton.Event(TemplateButtonEvent.Type.TAG, "Viber tag", 33991L, null, null,
							null),
					new TemplateDetailButton.Event(TemplateButtonEvent.Type.TEXT, null, null, null, null,
							"test text"));
			assertThat(buttons.get(2).buttonReqs().payload()).isEqualTo("307");
			assertThat(buttons.get(2).buttonReqs().buttonEvents()).containsExactly(
					new TemplateDetailButton.Event(TemplateButtonEvent.Type.TEMPLATE, null, null, "test_8", 313L,
							null));
		}).verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertSignedRequest(request, "GET", "/saas/wa/template/" + PHONE + "/1214365320013059", false);
		assertThat(request.uri().getRawQuery()).isEqualTo("tenant_id=1");
		assertThat(request.body()).isEmpty();
	}

	@Test
	void getDecodesSeedResponseTwo() {
		this.server.reply(TemplateSeeds.DETAIL_RESPONSE_2);
		StepVerifier.create(service().get(TemplateKey.of(1500809463846053L).withTenantId(123))).assertNext((detail) -> {
			assertThat(detail.name()).isEqualTo("test_45");
			assertThat(detail.id()).isEqualTo(1500809463846053L);
			assertThat(detail.status()).isEqualTo(TemplateStatus.APPROVED);
			assertThat(detail.tagIds()).isEmpty();
			assertThat(detail.component(Type.HEADER).orElseThrow().format()).isEqualTo(Format.TEXT);
			assertThat(detail.component(Type.HEADER).orElseThrow().text()).isEqualTo("test text");
			assertThat(detail.component(Type.BODY).orElseThrow().text())
				.isEqualTo("template https://119.91.210.214:10001/api/shortLink/doAccess/Y3Mjmq content");
			assertThat(detail.component(Type.FOOTER).orElseThrow().text()).isEqualTo("foot");
			List<TemplateDetailButton> buttons = detail.component(Type.BUTTONS).orElseThrow().buttons();
			assertThat(buttons).containsExactly(
					new TemplateDetailButton(TemplateButton.Type.PHONE_NUMBER, "phone", null, null, "+861312895xxx",
							null, null, null, null),
					new TemplateDetailButton(TemplateButton.Type.URL, "web1", null, "https://testnxlink.nxcloud.com/",
							null, null, null, null, null),
					new TemplateDetailButton(TemplateButton.Type.URL, "web2", null, "https://www.baidu.com/", null,
							null, null, null, null));
		}).verifyComplete();
		assertThat(this.server.lastRequest().uri().getRawQuery()).isEqualTo("tenant_id=123");
	}

	@Test
	void getDecodesSeedResponseThree() {
		this.server.reply(TemplateSeeds.DETAIL_RESPONSE_3);
		StepVerifier.create(service().get(432230866355873L)).assertNext((detail) -> {
			assertThat(detail.name()).isEqualTo("test_99");
			assertThat(detail.language()).isEqualTo("sq");
			assertThat(detail.templateLanguage()).contains(TemplateLanguage.SQ);
			assertThat(detail.id()).isEqualTo(432230866355873L);
			assertThat(detail.tagIds()).containsExactly(33989L);
			assertThat(detail.qualityScore().score()).isEqualTo(TemplateQuality.UNKNOWN);
			assertThat(detail.component(Type.HEADER).orElseThrow().text()).isEqualTo("header text");
			assertThat(detail.component(Type.BODY).orElseThrow().text()).isEqualTo("template text");
			assertThat(detail.component(Type.FOOTER).orElseThrow().text()).isEqualTo("foot");
			TemplateDetailButton flow = detail.component(Type.BUTTONS).orElseThrow().buttons().get(0);
			assertThat(flow.type()).isEqualTo(TemplateButton.Type.FLOW);
			assertThat(flow.text()).isEqualTo("button");
			assertThat(flow.flowId()).isEqualTo("803348158336427");
			assertThat(flow.navigateScreen()).isEqualTo("SIGN_IN");
			assertThat(flow.flowAction()).isEqualTo(FlowAction.NAVIGATE);
			assertThat(flow.buttonReqs()).isNull();
		}).verifyComplete();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "[\"8613800000000\", \"David\"]", "[[\"8613800000000\", \"David\"]]",
			"[8613800000000, \"David\"]" })
	void theTablesFlatBodyTextAndTheExamplesNestedOneReadAlike(String bodyText) {
		this.server.reply(detailWithExample("{\"body_text\": " + bodyText + "}"));
		StepVerifier.create(service().get(42))
			.assertNext((detail) -> assertThat(detail.component(Type.BODY).orElseThrow().example().bodyText())
				.containsExactly("8613800000000", "David"))
			.verifyComplete();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "[[\"8613800000000\"], [\"David\"]]", "[\"8613800000000\", [\"David\"]]",
			"\"8613800000000\"", "{\"1\": \"David\"}", "[null]" })
	void aBodyTextOfAnotherShapeIsAnInvalidResponseNamingIt(String bodyText) {
		this.server.reply(detailWithExample("{\"body_text\": " + bodyText + "}"));
		StepVerifier.create(service().get(42))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class)
				.hasMessageContaining("data.components[0].example.body_text does not have the documented shape"))
			.verify();
	}

	@Test
	void aHeaderHandleReadsAsTheDocumentedStringOrAsAnArray() {
		this.server.reply(detailWithExample("{\"header_handle\": \"https://a.example/1\"}"))
			.reply(detailWithExample("{\"header_handle\": [\"https://a.example/1\", \"https://a.example/2\"]}"));
		StepVerifier.create(service().get(42))
			.assertNext((detail) -> assertThat(detail.components().get(0).example().headerHandle())
				.containsExactly("https://a.example/1"))
			.verifyComplete();
		StepVerifier.create(service().get(42))
			.assertNext((detail) -> assertThat(detail.components().get(0).example().headerHandle())
				.containsExactly("https://a.example/1", "https://a.example/2"))
			.verifyComplete();
	}

	@Test
	void anObjectWhereTheComponentsArrayIsDocumentedIsAnInvalidResponse() {
		this.server.reply("{\"code\":0,\"data\":{\"id\":42,\"components\":{\"type\":\"BODY\"}}}");
		StepVerifier.create(service().get(42))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class)
				.hasMessageContaining("data.components does not have the documented shape"))
			.verify();
	}

	private static String detailWithExample(String example) {
		return "{\"code\":0,\"data\":{\"id\":42,\"components\":[{\"type\":\"BODY\",\"example\":" + example
				+ "}]}}";
	}

	@Test
	void undocumentedValuesReadAsUnknown() {
		this.server.reply("""
				{"code":0,"data":{"status":"ARCHIVED","category":"SERVICE","category_type":"7","id":"42",
				"quality_score":{"score":"PURPLE"},"brand_new":true,"components":[{"type":"CAROUSEL","format":"GIF",
				"media_type":"AUDIO","buttons":[{"type":"OTP","flow_action":"jump","buttonReqs":{"type":"COPY_CODE",
				"customizeType":"other","buttonEvents":[{"event":"webhook"}]}}]}]}}""")
			.reply("{\"code\":0,\"data\":{\"category_type\":\"2\",\"components\":null,\"tag_ids\":null}}");
		StepVerifier.create(service().get(42)).assertNext((detail) -> {
			assertThat(detail.status()).isEqualTo(TemplateStatus.UNKNOWN);
			assertThat(detail.category()).isEqualTo(TemplateCategory.UNKNOWN);
			assertThat(detail.categoryType()).isEqualTo(TemplateCategoryType.UNKNOWN);
			assertThat(detail.id()).isEqualTo(42L);
			assertThat(detail.qualityScore().score()).isEqualTo(TemplateQuality.UNKNOWN);
			TemplateDetailComponent component = detail.components().get(0);
			assertThat(component.type()).isEqualTo(Type.UNKNOWN);
			assertThat(component.format()).isEqualTo(Format.UNKNOWN);
			assertThat(component.mediaType()).isEqualTo(TemplateMediaType.UNKNOWN);
			TemplateDetailButton button = component.buttons().get(0);
			assertThat(button.type()).isEqualTo(TemplateButton.Type.UNKNOWN);
			assertThat(button.flowAction()).isEqualTo(FlowAction.UNKNOWN);
			assertThat(button.buttonReqs().type()).isEqualTo(TemplateButton.Type.UNKNOWN);
			assertThat(button.buttonReqs().customizeType()).isEqualTo(CustomizeType.UNKNOWN);
			assertThat(button.buttonReqs().buttonEvents().get(0).event()).isEqualTo(TemplateButtonEvent.Type.UNKNOWN);
		}).verifyComplete();
		StepVerifier.create(service().get(43)).assertNext((detail) -> {
			assertThat(detail.categoryType()).isEqualTo(TemplateCategoryType.UTILITY);
			assertThat(detail.components()).isEmpty();
			assertThat(detail.tagIds()).isEmpty();
		}).verifyComplete();
	}

	@Test
	void deleteSendsTheDocumentedRequest() throws Exception {
		StepVerifier.create(service().delete(TemplateKey.of(314).withBusinessPhone("85255501234").withTenantId(123)))
			.verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertSignedRequest(request, "DELETE", "/saas/wa/template/85255501234/314", false);
		assertThat(request.uri().getRawQuery()).isEqualTo("tenant_id=123");
		assertThat(request.body()).isEmpty();
	}

	@Test
	void aNameOfExactlyTheMaximumLengthIsAccepted() {
		StepVerifier.create(service().create(seedThree().name("a".repeat(512)).build()))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(this.server.requests()).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidRequests")
	void invalidTemplatesAreRejectedBeforeAnyCall(String rule, TemplateRequest request, String field) {
		StepVerifier.create(service().create(request))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.extracting((e) -> ((NxCloudValidationException) e).getField())
				.isEqualTo(field))
			.verify();
		StepVerifier.create(service().update(317, request))
			.expectError(NxCloudValidationException.class)
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	static Stream<Arguments> invalidRequests() {
		TemplateButtonEvent tagWithoutName = new TemplateButtonEvent(TemplateButtonEvent.Type.TAG, " ", null, null,
				null);
		TemplateButtonEvent textWithoutText = new TemplateButtonEvent(TemplateButtonEvent.Type.TEXT, null, null, null,
				null);
		TemplateButtonEvent templateWithoutId = new TemplateButtonEvent(TemplateButtonEvent.Type.TEMPLATE, null, null,
				null, "test_8");
		TemplateButton quickReplyWithoutKind = new TemplateButton(TemplateButton.Type.QUICK_REPLY, null, "Yes", null,
				null, null, List.of());
		TemplateButton ok = TemplateButton.quickReply("Ok");
		return Stream.of(
				Arguments.of("name is required", TemplateRequest.builder().language(TemplateLanguage.EN)
					.category(TemplateCategoryType.UTILITY).content("hi").build(), "name"),
				Arguments.of("name is not Chinese", seedThree().name("测试模板").build(), "name"),
				Arguments.of("name is not Japanese", seedThree().name("テンプレート").build(), "name"),
				Arguments.of("name is lowercase", seedThree().name("Test_99").build(), "name"),
				Arguments.of("name has no spaces or dashes", seedThree().name("test-99 a").build(), "name"),
				Arguments.of("name is at most 512 characters", seedThree().name("a".repeat(513)).build(), "name"),
				Arguments.of("language is required",
						TemplateRequest.builder().name("a").category(TemplateCategoryType.UTILITY).content("hi").build(),
						"language"),
				Arguments.of("category is required",
						TemplateRequest.builder().name("a").language(TemplateLanguage.EN).content("hi").build(),
						"category_type"),
				Arguments.of("category is documented", seedThree().category(TemplateCategoryType.UNKNOWN).build(),
						"category_type"),
				Arguments.of("content is required", seedThree().content(" ").build(), "content"),
				Arguments.of("header media has a kind",
						seedThree().headerMedia(TemplateHeaderMedia.of(TemplateMediaType.UNKNOWN, "a.jpg", "1", "h"))
							.build(),
						"mediaType"),
				Arguments.of("at most 3 buttons (22070)",
						seedThree().button(TemplateButton.quickReply("a"))
							.button(TemplateButton.quickReply("b"))
							.button(TemplateButton.quickReply("c"))
							.build(),
						"buttonComponents"),
				Arguments.of("button text is required (22216)",
						seedThree().buttons(List.of(TemplateButton.quickReply(""))).build(), "buttonComponents[0].text"),
				Arguments.of("a quick reply is conventional or unsubscribe",
						seedThree().buttons(List.of(ok, quickReplyWithoutKind)).build(),
						"buttonComponents[1].customizeType"),
				Arguments.of("a phone button has a number",
						seedThree().buttons(List.of(ok, ok, TemplateButton.phoneNumber("Call", ""))).build(),
						"buttonComponents[2].phoneNumber"),
				Arguments.of("a URL button has an http URL",
						seedThree().buttons(List.of(TemplateButton.url("Open", "ftp://example.com"))).build(),
						"buttonComponents[0].url"),
				Arguments.of("a URL button has an absolute URL",
						seedThree().buttons(List.of(ok, TemplateButton.url("Open", "www.example.com"))).build(),
						"buttonComponents[1].url"),
				Arguments.of("a URL button has a host",
						seedThree().buttons(List.of(TemplateButton.url("Open", "https://"))).build(),
						"buttonComponents[0].url"),
				Arguments.of("a flow button has a flow",
						seedThree().buttons(List.of(ok, TemplateButton.flow("Open", " "))).build(),
						"buttonComponents[1].flow_id"),
				Arguments.of("a tag event has a tag",
						seedThree().buttons(List.of(ok, TemplateButton.quickReply("Yes")
							.withEvents(TemplateButtonEvent.tag("vip"), tagWithoutName))).build(),
						"buttonComponents[1].buttonEvents[1].tagName"),
				Arguments.of("a text event has a text",
						seedThree().buttons(List.of(TemplateButton.quickReply("Yes").withEvents(textWithoutText)))
							.build(),
						"buttonComponents[0].buttonEvents[0].text"),
				Arguments.of("a template event has a template id",
						seedThree().buttons(List.of(ok, TemplateButton.quickReply("Yes").withEvents(templateWithoutId)))
							.build(),
						"buttonComponents[1].buttonEvents[0].templateId"),
				Arguments.of("a template event has a template name",
						seedThree()
							.buttons(List.of(TemplateButton.quickReply("Yes")
								.withEvents(TemplateButtonEvent.tag("vip"), TemplateButtonEvent.template(313, ""))))
							.build(),
						"buttonComponents[0].buttonEvents[1].templateName"));
	}

	@Test
	void dynamicUrlsAndUnsubscribeButtonsAreAccepted() {
		TemplateRequest request = seedThree()
			.buttons(List.of(TemplateButton.url("Track", "HTTPS://example.com/track/{{1}}"),
					TemplateButton.unsubscribe("Stop")))
			.build();
		StepVerifier.create(service().create(request)).expectNextCount(1).verifyComplete();
		JsonNode buttons = this.json.readTree(this.server.lastRequest().body()).get("buttonComponents");
		assertThat(buttons.get(0).get("url").stringValue()).isEqualTo("HTTPS://example.com/track/{{1}}");
		assertThat(buttons.get(1).get("customizeType").stringValue()).isEqualTo("unsubscribe");
		assertThat(buttons.get(1).get("type").stringValue()).isEqualTo("QUICK_REPLY");
		assertThat(buttons.get(1).has("buttonEvents")).isFalse();
	}

	@Test
	void headerMediaComesFromAnUploadWithItsFirstHandle() {
		MediaUpload upload = new MediaUpload("4:aGFuZGxl", "1187184585633620", "1705405371581.jpg", "image/png",
				"https://example.com/m");
		assertThat(TemplateHeaderMedia.of(TemplateMediaType.IMAGE, upload)).isEqualTo(
				TemplateHeaderMedia.of(TemplateMediaType.IMAGE, "1705405371581.jpg", "1187184585633620", "4:aGFuZGxl"));
		MediaUpload severalHandles = new MediaUpload("4:Zmlyc3Q=:aW1hZ2UvcG5n:A1\n4:Zmlyc3Q=:aW1hZ2UvcG5n:A2",
				"1187184585633620", "first.png", "image/png", null);
		assertThat(TemplateHeaderMedia.of(TemplateMediaType.IMAGE, severalHandles).templateMediaId())
			.isEqualTo("4:Zmlyc3Q=:aW1hZ2UvcG5n:A1");
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource
	void headerMediaFromAnUploadThatCannotServeIsRefusedNamingTheField(MediaUpload upload, String field,
			String rule) {
		assertThat(catchThrowable(() -> TemplateHeaderMedia.of(TemplateMediaType.IMAGE, upload)))
			.isInstanceOfSatisfying(NxCloudValidationException.class, (ex) -> {
				assertThat(ex.getField()).isEqualTo(field);
				assertThat(ex.getRule()).contains(rule);
			});
	}

	static Stream<Arguments> headerMediaFromAnUploadThatCannotServeIsRefusedNamingTheField() {
		return Stream.of(
				Arguments.of(new MediaUpload(null, "1187184585633620", "a.png", "image/png", null), "h", "no handle"),
				Arguments.of(new MediaUpload(" \n", "1187184585633620", "a.png", "image/png", null), "h", "no handle"),
				Arguments.of(new MediaUpload("4:aGFuZGxl", null, "a.png", "image/png", null), "media_id", "is required"),
				Arguments.of(new MediaUpload("4:aGFuZGxl", "", "a.png", "image/png", null), "media_id", "is required"),
				Arguments.of(new MediaUpload("4:aGFuZGxl", "1187184585633620", "a.pdf", "application/pdf", null),
						"mediaType", "DOCUMENT for its mime_type 'application/pdf' (got IMAGE)"),
				Arguments.of(new MediaUpload("4:aGFuZGxl", "1187184585633620", "a.mp3", "audio/mpeg", null),
						"mime_type", "got 'audio/mpeg'"),
				Arguments.of(new MediaUpload("4:aGFuZGxl", "1187184585633620", "a", "not a type", null), "mime_type",
						"got 'not a type'"));
	}

	@Test
	void headerMediaFromAnUploadTakesItsKindFromTheMimeTypeWhenNxCloudSendsOne() {
		MediaUpload jpg = new MediaUpload("4:aGFuZGxl", "1", "a.jpg", "image/jpg", null);
		MediaUpload pdf = new MediaUpload("4:aGFuZGxl", "2", "a.pdf", "application/pdf; name=a.pdf", null);
		MediaUpload unsaid = new MediaUpload("4:aGFuZGxl", "3", null, null, null);
		assertThat(TemplateHeaderMedia.of(TemplateMediaType.IMAGE, jpg).type()).isEqualTo(TemplateMediaType.IMAGE);
		assertThat(TemplateHeaderMedia.of(TemplateMediaType.DOCUMENT, pdf).type()).isEqualTo(TemplateMediaType.DOCUMENT);
		assertThat(TemplateHeaderMedia.of(TemplateMediaType.VIDEO, unsaid))
			.isEqualTo(TemplateHeaderMedia.of(TemplateMediaType.VIDEO, "", "3", "4:aGFuZGxl"));
	}

	@Test
	void toBuilderKeepsEveryValue() {
		TemplateRequest request = seedThree().businessPhone("85255501234")
			.synMeta(true)
			.headerMedia(TemplateHeaderMedia.none())
			.build();
		assertThat(request.toBuilder().build()).isEqualTo(request);
		assertThat(request.toBuilder().name("other").build().name()).isEqualTo("other");
		assertThat(request.name()).isEqualTo("test_99");
	}

	private static TemplateRequest.Builder seedThree() {
		return TemplateRequest.builder()
			.name("test_99")
			.language(TemplateLanguage.SQ)
			.category(TemplateCategoryType.MARKETING)
			.content("template content")
			.headerText("header content")
			.footerText("foot content")
			.tagName("tag1")
			.closeAutoFlow(false)
			.button(TemplateButton.flow("button", "803348158336427"));
	}

	private static String page(boolean hasNext, long... ids) {
		StringBuilder list = new StringBuilder();
		for (long id : ids) {
			list.append((list.length() > 0) ? "," : "").append("{\"id\":").append(id).append(",\"name\":\"t").append(id)
				.append("\"}");
		}
		return "{\"code\":0,\"data\":{\"list\":[" + list + "],\"total\":3,\"has_next_page\":" + hasNext + "}}";
	}

}
