package dev.nxcloud.whatsapp.otp;

import java.util.stream.Stream;

import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.error.NxCloudApiException;
import dev.nxcloud.whatsapp.error.NxCloudErrorCode;
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
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NxCloudOtpServiceTests {

	/**
	 * The request example of the OTP page. It has no {@code business_phone}: the number pool picks the sender. The
	 * masked recipient {@code xxxx7446} is written as {@code 00007446}, because the client only sends real phone
	 * numbers.
	 */
	private static final String SEED_REQUEST = """
			{
			"appkey": "qlQxxxxCM5",
			"messaging_product": "whatsapp",
			"recipient_type": "individual",
			"to": "00007446",
			"cus_message_id": "mmuud333dtee003444",
			"dr_webhook": "https://webhook.site/24b22cdd-bfa8-4ad2-aa3f-d2b9d510c9d9",
			"language_code": "en",
			"content": "789033"
			}""";

	private static final String SEED_SUCCESS = """
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

	private static final String SEED_NXCLOUD_FAILURE = """
			{
			"code": -1,
			"message": "Request failed",
			"data": null
			}""";

	private static final String SEED_META_FAILURE = """
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

	private static final NxCloudDefaults APP_ONLY = new NxCloudDefaults("qlQxxxxCM5", null, null);

	private final JsonMapper json = NxCloudJson.newMapper();

	private final RecordingServer server = new RecordingServer();

	@AfterEach
	void close() {
		this.server.close();
	}

	private NxCloudOtpService service(NxCloudDefaults defaults) {
		return new DefaultNxCloudOtpService(TestClients.client(this.server.baseUrl(), defaults));
	}

	@Test
	void sendPostsTheSeedExampleAndDecodesTheSeedResponse() throws Exception {
		this.server.reply(SEED_SUCCESS);
		OtpRequest request = OtpRequest.of("00007446", "789033", TemplateLanguage.EN)
			.withCustomMessageId("mmuud333dtee003444")
			.withDrWebhook("https://webhook.site/24b22cdd-bfa8-4ad2-aa3f-d2b9d510c9d9");
		StepVerifier.create(service(APP_ONLY).send(request))
			.assertNext((sent) -> assertThat(sent.messageId()).isEqualTo("gBGHhhdgYFCBnwIJ6QRYvhwQk7Nc"))
			.verifyComplete();
		RecordingServer.Recorded recorded = this.server.lastRequest();
		assertThat(recorded.method()).isEqualTo("POST");
		assertThat(recorded.path()).isEqualTo("/api/wa/otp");
		assertThat(recorded.uri().getRawQuery()).isNull();
		assertThat(recorded.header("Content-Type")).startsWith("application/json");
		assertThat(recorded.header("action")).isEqualTo("mt");
		assertThat(recorded.header("bizType")).isEqualTo("2");
		assertThat(recorded.header("accessKey")).isEqualTo(TestClients.ACCESS_KEY);
		assertThat(recorded.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", recorded, TestClients.ACCESS_SECRET, true));
		assertThat(tree(recorded.bodyText())).isEqualTo(tree(SEED_REQUEST));
	}

	@Test
	void sendCarriesEveryOptionalField() {
		this.server.reply(SEED_SUCCESS);
		OtpRequest request = OtpRequest
			.of("8615800001795", "Your code is 4821, valid for 5 minutes", TemplateLanguage.PT_BR)
			.withCategory(OtpCategory.UTILITY)
			.withApiType(OtpApiType.MM_LITE)
			.withBusinessPhone("8615800001111")
			.withAppKey("other");
		StepVerifier.create(service(APP_ONLY).send(request)).expectNextCount(1).verifyComplete();
		assertThat(this.server.lastRequest().bodyText())
			.isEqualTo("{\"appkey\":\"other\",\"business_phone\":\"8615800001111\","
				+ "\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"8615800001795\","
				+ "\"category\":\"UTILITY\",\"content\":\"Your code is 4821, valid for 5 minutes\","
				+ "\"language_code\":\"pt_BR\",\"api_type\":1}");
	}

	@Test
	void sendUsesTheConfiguredBusinessPhoneAndCloudApiCode() {
		this.server.reply(SEED_SUCCESS);
		OtpRequest request = OtpRequest.of("8615800001795", "123456", TemplateLanguage.EN)
			.withCategory(OtpCategory.AUTHENTICATION)
			.withApiType(OtpApiType.CLOUD_API);
		StepVerifier.create(service(new NxCloudDefaults("app", "8615800001111", null)).send(request))
			.expectNextCount(1)
			.verifyComplete();
		JsonNode body = tree(this.server.lastRequest().bodyText());
		assertThat(body.get("business_phone").stringValue()).isEqualTo("8615800001111");
		assertThat(body.get("category").stringValue()).isEqualTo("AUTHENTICATION");
		assertThat(body.get("api_type").isInt()).isTrue();
		assertThat(body.get("api_type").intValue()).isZero();
	}

	@Test
	void metaFailureIsAMetaExceptionWithMetasError() {
		this.server.reply(SEED_META_FAILURE);
		StepVerifier.create(service(APP_ONLY).send("8615800001795", "123456", TemplateLanguage.EN))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(NxCloudMetaException.class);
				NxCloudMetaException meta = (NxCloudMetaException) ex;
				assertThat(meta.getCode()).isEqualTo(9099);
				assertThat(meta.getOperation()).isEqualTo("sendOtp");
				assertThat(meta.getMetaError()).isNotNull();
				assertThat(meta.getMetaError().code()).isEqualTo(100);
				assertThat(meta.getMetaError().message()).isEqualTo("(#100) Invalid parameter");
				assertThat(meta.getMetaError().type()).isEqualTo("OAuthException");
				assertThat(meta.getMetaError().fbtraceId()).isEqualTo("AmCuD7sOjcEDetBNhlT2cJm");
				assertThat(meta.getMetaError().errorData().messagingProduct()).isEqualTo("whatsapp");
				assertThat(meta.getMetaError().errorData().details()).isEqualTo("Invalid parameter");
			})
			.verify();
	}

	@Test
	void nxCloudFailureIsAnApiException() {
		this.server.reply(SEED_NXCLOUD_FAILURE);
		StepVerifier.create(service(APP_ONLY).send("8615800001795", "123456", TemplateLanguage.EN))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(NxCloudApiException.class);
				assertThat(((NxCloudApiException) ex).getCode()).isEqualTo(-1);
			})
			.verify();
	}

	@Test
	void codeMissingAnswerIsMappedToItsDocumentedCode() {
		this.server.reply("{\"code\":9015,\"message\":\"Content does not extract otp code\",\"data\":null}");
		StepVerifier.create(service(APP_ONLY).send("8615800001795", "123456", TemplateLanguage.EN))
			.expectErrorSatisfies((ex) -> assertThat(((NxCloudApiException) ex).getErrorCode())
				.isEqualTo(NxCloudErrorCode.OTP_CODE_MISSING))
			.verify();
	}

	@Test
	void responseWithoutMessageIdFails() {
		this.server.reply("{\"code\":0,\"data\":{\"messaging_product\":\"whatsapp\"}}");
		StepVerifier.create(service(APP_ONLY).send("8615800001795", "123456", TemplateLanguage.EN))
			.expectError(NxCloudInvalidResponseException.class)
			.verify();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234", "12345678", "code: 4821.", "Use 0000 to log in", "A1234B" })
	void contentWithAFourToEightDigitCodeIsAccepted(String content) {
		this.server.reply(SEED_SUCCESS);
		StepVerifier.create(service(APP_ONLY).send("8615800001795", content, TemplateLanguage.EN))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(tree(this.server.lastRequest().bodyText()).get("content").stringValue()).isEqualTo(content);
	}

	static Stream<Arguments> invalidRequests() {
		return Stream.of(Arguments.of(OtpRequest.of("8615800001795", "123", TemplateLanguage.EN), "content"),
				Arguments.of(OtpRequest.of("8615800001795", "123456789", TemplateLanguage.EN), "content"),
				Arguments.of(OtpRequest.of("8615800001795", "one two three four", TemplateLanguage.EN), "content"),
				Arguments.of(OtpRequest.of("8615800001795", "12 34 56", TemplateLanguage.EN), "content"),
				Arguments.of(OtpRequest.of("8615800001795", " ", TemplateLanguage.EN), "content"),
				Arguments.of(OtpRequest.of("+8615800001795", "123456", TemplateLanguage.EN), "to"),
				Arguments.of(OtpRequest.of("123", "123456", TemplateLanguage.EN), "to"),
				Arguments.of(OtpRequest.of("8615800001795", "123456", TemplateLanguage.EN).withBusinessPhone("86x"),
						"business_phone"),
				Arguments.of(
						OtpRequest.of("8615800001795", "123456", TemplateLanguage.EN).withDrWebhook("webhook.site/x"),
						"dr_webhook"),
				Arguments.of(OtpRequest.of("8615800001795", "123456", TemplateLanguage.EN).withCustomMessageId(""),
						"cus_message_id"),
				Arguments.of(OtpRequest.of("8615800001795", "123456", TemplateLanguage.EN).withAppKey(""), "appkey"));
	}

	@ParameterizedTest
	@MethodSource("invalidRequests")
	void invalidRequestsAreRejectedBeforeAnyCall(OtpRequest request, String field) {
		StepVerifier.create(service(APP_ONLY).send(request))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(NxCloudValidationException.class,
					(validation) -> assertThat(validation.getField()).isEqualTo(field)))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void missingAppKeyNamesTheProperty() {
		StepVerifier.create(service(TestClients.NO_DEFAULTS).send("8615800001795", "123456", TemplateLanguage.EN))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.hasMessageContaining("'appkey'")
				.hasMessageContaining("NxCloudClient.builder().appKey(…)"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void unknownLanguageCodeIsRejected() {
		assertThatExceptionOfType(NxCloudValidationException.class)
			.isThrownBy(() -> OtpRequest.of("8615800001795", "123456", TemplateLanguage.of("xx_YY")));
	}

	private JsonNode tree(String text) {
		return this.json.readTree(text);
	}

}
