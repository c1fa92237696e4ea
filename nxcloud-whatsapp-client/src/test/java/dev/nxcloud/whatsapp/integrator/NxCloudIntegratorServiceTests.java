package dev.nxcloud.whatsapp.integrator;

import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.error.NxCloudApiException;
import dev.nxcloud.whatsapp.error.NxCloudErrorCode;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.testsupport.IndependentSignature;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudIntegratorServiceTests {

	/**
	 * The request example of the createApp page, corrected: the page spells the key {@code "webhook "} with a
	 * trailing space, a typo for the documented {@code webhook}. Its masked host {@code ***} is written as
	 * {@code example.com}, because the client only sends valid URLs.
	 */
	private static final String SEED_REQUEST = """
			{
			"app_name": "Whatsapp",
			"webhook": "https://example.com/api/webhook/whatsApp"
			}""";

	private static final String SEED_SUCCESS = """
			{
			"code": 0,
			"data": {
			"app_id": 1000,
			"app_name": "Whatsapp",
			"app_key": "KI92cew9"
			},
			"message": "Request successful"
			}""";

	private static final String SEED_FAILURE = """
			{
			"code": -1,
			"message": "Request failed",
			"data": null
			}""";

	private final JsonMapper json = NxCloudJson.newMapper();

	private final RecordingServer server = new RecordingServer();

	@AfterEach
	void close() {
		this.server.close();
	}

	private NxCloudIntegratorService service() {
		return new DefaultNxCloudIntegratorService(TestClients.client(this.server.baseUrl(), TestClients.NO_DEFAULTS));
	}

	@Test
	void createAppPostsTheSeedExampleAndDecodesTheSeedResponse() throws Exception {
		this.server.reply(SEED_SUCCESS);
		StepVerifier.create(service().createApp("Whatsapp", "https://example.com/api/webhook/whatsApp"))
			.assertNext((app) -> {
				assertThat(app.appId()).isEqualTo(1000L);
				assertThat(app.appName()).isEqualTo("Whatsapp");
				assertThat(app.appKey()).isEqualTo("KI92cew9");
			})
			.verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/wa/integrator/embedded/register/createApp");
		assertThat(request.uri().getRawQuery()).isNull();
		assertThat(request.header("Content-Type")).startsWith("application/json");
		assertThat(request.header("action")).isEqualTo("createApp");
		assertThat(request.header("bizType")).isEqualTo("2");
		assertThat(request.header("accessKey")).isEqualTo(TestClients.ACCESS_KEY);
		assertThat(request.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, true));
		assertThat(this.json.readTree(request.bodyText())).isEqualTo(this.json.readTree(SEED_REQUEST));
		assertThat(request.bodyText()).doesNotContain("webhook \"");
	}

	@Test
	void seedFailureIsAnApiException() {
		this.server.reply(SEED_FAILURE);
		StepVerifier.create(service().createApp(CreateAppRequest.of("Whatsapp", "https://example.com/hook")))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(NxCloudApiException.class);
				assertThat(((NxCloudApiException) ex).getCode()).isEqualTo(-1);
				assertThat(((NxCloudApiException) ex).getOperation()).isEqualTo("createApp");
			})
			.verify();
	}

	@Test
	void appLimitIsMappedToItsDocumentedCode() {
		this.server.reply(
				"{\"code\":9009,\"message\":\"Maximum of 1000 customer applications reached\",\"data\":null}");
		StepVerifier.create(service().createApp("Whatsapp", "https://example.com/hook"))
			.expectErrorSatisfies((ex) -> assertThat(((NxCloudApiException) ex).getErrorCode())
				.isEqualTo(NxCloudErrorCode.APP_LIMIT_REACHED))
			.verify();
	}

	@Test
	void appIdSentAsStringIsRead() {
		this.server.reply(
				"{\"code\":0,\"data\":{\"app_id\":\"4294967296\",\"app_name\":\"W\",\"app_key\":\"k\",\"new\":1}}");
		StepVerifier.create(service().createApp("W", "http://example.com/hook"))
			.assertNext((app) -> assertThat(app.appId()).isEqualTo(4294967296L))
			.verifyComplete();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "' '|https://example.com/hook|app_name",
			"Whatsapp|' '|webhook", "Whatsapp|ftp://example.com/hook|webhook",
			"Whatsapp|https://***/api/webhook/whatsApp|webhook", "Whatsapp|example.com/hook|webhook" })
	void invalidRequestsAreRejectedBeforeAnyCall(String appName, String webhook, String field) {
		StepVerifier.create(service().createApp(appName, webhook))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(NxCloudValidationException.class,
					(validation) -> assertThat(validation.getField()).isEqualTo(field)))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

}
