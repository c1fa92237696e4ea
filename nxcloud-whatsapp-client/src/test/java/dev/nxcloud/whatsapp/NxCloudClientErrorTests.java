package dev.nxcloud.whatsapp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.nxcloud.whatsapp.error.NxCloudApiException;
import dev.nxcloud.whatsapp.error.NxCloudAuthenticationException;
import dev.nxcloud.whatsapp.error.NxCloudBusinessException;
import dev.nxcloud.whatsapp.error.NxCloudConnectException;
import dev.nxcloud.whatsapp.error.NxCloudErrorCategory;
import dev.nxcloud.whatsapp.error.NxCloudErrorCode;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.error.NxCloudHttpStatusException;
import dev.nxcloud.whatsapp.error.NxCloudInvalidRequestException;
import dev.nxcloud.whatsapp.error.NxCloudInvalidResponseException;
import dev.nxcloud.whatsapp.error.NxCloudMetaException;
import dev.nxcloud.whatsapp.error.NxCloudServerException;
import dev.nxcloud.whatsapp.error.NxCloudTimeoutException;
import dev.nxcloud.whatsapp.error.NxCloudTransportException;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationContext;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudClientErrorTests {

	private final RecordingServer server = new RecordingServer();

	@AfterEach
	void close() {
		this.server.close();
	}

	private Mono<JsonNode> getPhone(String baseUrl, Duration timeout) {
		return TestClients.client(baseUrl, TestClients.NO_DEFAULTS, SignAlgorithm.MD5, Clock.systemUTC(), timeout)
			.call(NxCloudOperation.GET_PHONE)
			.jsonBody(Map.of("appkey", "a"))
			.retrieve(JsonNode.class);
	}

	private NxCloudException failure(String json) {
		this.server.reply(json);
		return failure(getPhone(this.server.baseUrl(), Duration.ofSeconds(10)));
	}

	private static NxCloudException failure(Mono<?> call) {
		Throwable error = call.then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(Duration.ofSeconds(20));
		assertThat(error).isInstanceOf(NxCloudException.class);
		assertThat(error.getMessage()).doesNotContain(TestClients.ACCESS_SECRET);
		return (NxCloudException) error;
	}

	/** A proxy's page or a broken answer is quoted in the message only as a short escaped excerpt. */
	@Test
	void anAnswerThatIsNotTheEnvelopeIsQuotedShortAndEscaped() {
		this.server.reply(200, "text/html", "<html>\r\nX-Forged: 1\r\n" + "é".repeat(100_000));
		NxCloudException notEnvelope = failure(getPhone(this.server.baseUrl(), Duration.ofSeconds(10)));
		assertThat(notEnvelope).isInstanceOf(NxCloudInvalidResponseException.class);
		assertThat(notEnvelope.getMessage()).contains("'<html>\\r\\nX-Forged: 1\\r\\néé")
			.doesNotContain("\r", "\n")
			.hasSizeLessThan(500);

		NxCloudException badShape = failure("{\"code\":0,\"data\":{\"a\":\"x\r\n" + "y".repeat(100_000) + "\"");
		assertThat(badShape).isInstanceOf(NxCloudInvalidResponseException.class);
		assertThat(badShape.getMessage()).doesNotContain("\r", "\n").hasSizeLessThan(800);
	}

	/** Every code listed in the seed pages, with the type it must map to. */
	@Test
	void everyDocumentedCodeMapsToItsType() {
		Map<Class<? extends NxCloudApiException>, int[]> expected = Map.of(NxCloudServerException.class,
				new int[] { -1, 9001 }, NxCloudAuthenticationException.class,
				new int[] { 1001, 1002, 1003, 1004, 1005 }, NxCloudInvalidRequestException.class,
				new int[] { 9000, 21058, 21059, 21060, 21061, 21062, 21063 }, NxCloudBusinessException.class,
				new int[] { 9002, 9003, 9004, 9006, 9007, 9009, 9013, 9014, 9015, 10003, 10005, 22020, 22041, 22042,
						22049, 22070, 22089, 22090, 22091, 22092, 22093, 22122, 22123, 22124, 22125, 22126, 22141,
						22216, 23025 },
				NxCloudMetaException.class, new int[] { 9099 });
		expected.forEach((type, codes) -> {
			for (int code : codes) {
				NxCloudApiException ex = NxCloudApiException.from("getPhone", code, "msg", "t", null, NxCloudSetting::builderCall);
				assertThat(ex).as("code %d", code).isExactlyInstanceOf(type);
				assertThat(ex.getErrorCode()).as("code %d is documented", code).isNotNull();
				assertThat(ex.getErrorCode().code()).isEqualTo(code);
				assertThat(ex.getCode()).isEqualTo(code);
				assertThat(ex.isRetryable()).as("code %d", code).isEqualTo(type == NxCloudServerException.class);
			}
		});
	}

	@Test
	void undocumentedCodesFallIntoTheirRange() {
		assertThat(NxCloudApiException.from("x", 1009, null, null, null, NxCloudSetting::builderCall))
			.isInstanceOf(NxCloudAuthenticationException.class);
		assertThat(NxCloudApiException.from("x", 21070, null, null, null, NxCloudSetting::builderCall))
			.isInstanceOf(NxCloudInvalidRequestException.class);
		assertThat(NxCloudApiException.from("x", 22999, null, null, null, NxCloudSetting::builderCall)).isInstanceOf(NxCloudBusinessException.class)
			.satisfies((ex) -> assertThat(ex.getErrorCode()).isNull());
		assertThat(NxCloudApiException.from("x", -7, null, null, null, NxCloudSetting::builderCall)).isInstanceOf(NxCloudServerException.class);
	}

	@Test
	void authenticationFailureCarriesCodeMessageTraceIdOperationAndHint() {
		NxCloudException ex = failure(
				"{\"code\":\"1003\",\"message\":\"sign error\",\"data\":null,\"traceId\":\"16f9ca88e70844a8a088f9a4a3806e5e\"}");
		assertThat(ex).isInstanceOf(NxCloudAuthenticationException.class);
		assertThat(ex.getCode()).isEqualTo(1003);
		assertThat(ex.getNxCloudMessage()).isEqualTo("sign error");
		assertThat(ex.getTraceId()).isEqualTo("16f9ca88e70844a8a088f9a4a3806e5e");
		assertThat(ex.getOperation()).isEqualTo("getPhone");
		assertThat(ex.isRetryable()).isFalse();
		assertThat(((NxCloudApiException) ex).getCategory()).isEqualTo(NxCloudErrorCategory.AUTHENTICATION);
		assertThat(ex.getMessage()).contains("getPhone", "1003", "sign error", "NxCloudClient.builder().connection(…)",
				"16f9ca88e70844a8a088f9a4a3806e5e");
	}

	@Test
	void clockSkewHintSaysWhatToDo() {
		NxCloudException ex = failure("{\"code\":1004,\"message\":\"timestamp expired\"}");
		assertThat(ex.getMessage()).contains("60 s").contains("clock");
		assertThat(((NxCloudApiException) ex).getErrorCode()).isEqualTo(NxCloudErrorCode.TIMESTAMP_EXPIRED);
	}

	@Test
	void metaErrorCarriesMetasErrorObject() {
		NxCloudException ex = failure("""
				{"code": 9099, "message": "WhatsApp error", "data":{ "error":{ "code":100,
				"message":"(#100) Invalid parameter", "type":"OAuthException", "fbtrace_id":"AmCuD7sOjcEDetBNhlT2cJm",
				"error_data":{ "messaging_product":"whatsapp", "details":"Invalid parameter" } } } }""");
		assertThat(ex).isInstanceOf(NxCloudMetaException.class);
		var meta = ((NxCloudMetaException) ex).getMetaError();
		assertThat(meta.code()).isEqualTo(100);
		assertThat(meta.message()).isEqualTo("(#100) Invalid parameter");
		assertThat(meta.type()).isEqualTo("OAuthException");
		assertThat(meta.fbtraceId()).isEqualTo("AmCuD7sOjcEDetBNhlT2cJm");
		assertThat(meta.errorData().details()).isEqualTo("Invalid parameter");
		assertThat(ex.isRetryable()).isFalse();
		assertThat(ex.getMessage()).contains("Meta code 100");
	}

	@Test
	void metaThrottlingIsRetryable() {
		NxCloudException ex = failure("{\"code\":9099,\"data\":{\"error\":{\"code\":130429,\"message\":\"Rate limit\"}}}");
		assertThat(ex.isRetryable()).isTrue();
	}

	@Test
	void serverFailureIsRetryable() {
		NxCloudException ex = failure("{\"code\":-1,\"message\":\"Request failed\",\"data\":null}");
		assertThat(ex).isInstanceOf(NxCloudServerException.class);
		assertThat(ex.isRetryable()).isTrue();
	}

	@Test
	void unknownFieldsAnywhereAreIgnored() {
		this.server.reply("{\"code\":0,\"brandNew\":[1,2],\"data\":{\"a\":{\"deep\":true}},\"traceId\":\"x\"}");
		StepVerifier.create(getPhone(this.server.baseUrl(), Duration.ofSeconds(10)))
			.assertNext((data) -> assertThat(data.get("a").get("deep").asBoolean()).isTrue())
			.verifyComplete();
	}

	/** The one-pass read of a success gives the data, and the code and trace id that observations report. */
	@Test
	void aSuccessIsReadWithItsCodeAndTraceId() {
		AtomicReference<NxCloudClientObservationContext> observed = new AtomicReference<>();
		this.server.reply("{\"traceId\":\"t-9\",\"data\":{\"phone\":\"8613800000000\"},\"message\":\"ok\",\"code\":\"0\"}");
		JsonNode data = observedClient(observed).call(NxCloudOperation.GET_PHONE)
			.retrieve(JsonNode.class)
			.block(Duration.ofSeconds(10));
		assertThat(data.get("phone").asString()).isEqualTo("8613800000000");
		assertThat(observed.get().getCode()).isZero();
		assertThat(observed.get().getTraceId()).isEqualTo("t-9");
	}

	/** A send answered without an id fails once, and its observation keeps NxCloud's trace id for support. */
	@Test
	void aSendAnsweredWithoutAnIdFailsOnceKeepingTheTraceId() {
		AtomicReference<NxCloudClientObservationContext> observed = new AtomicReference<>();
		this.server.reply("{\"code\":0,\"message\":\"ok\",\"data\":{\"messages\":[null]},\"traceId\":\"t-7\"}");
		NxCloudException ex = failure(observedClient(observed).call(NxCloudOperation.SEND_MESSAGE)
			.jsonBody(Map.of("to", "8613800000000"))
			.retrieveSentMessage());
		assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class).hasMessageContaining("no message id");
		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(this.server.requests()).hasSize(1);
		assertThat(observed.get().getError()).isSameAs(ex);
		assertThat(observed.get().getTraceId()).isEqualTo("t-7");
	}

	private NxCloudClient observedClient(AtomicReference<NxCloudClientObservationContext> observed) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<NxCloudClientObservationContext>() {

			@Override
			public void onStop(NxCloudClientObservationContext context) {
				observed.set(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof NxCloudClientObservationContext;
			}

		});
		return TestClients.builder(this.server.baseUrl()).observationRegistry(registry).build();
	}

	/** Each operation's URI is made once, and made again when the connection gives another base URL. */
	@Test
	void aConnectionThatMovesIsFollowed() {
		try (RecordingServer other = new RecordingServer()) {
			String success = "{\"code\":0,\"data\":{\"phone\":\"8613800000000\"}}";
			this.server.reply(success);
			other.reply(success);
			AtomicReference<String> apiUrl = new AtomicReference<>(this.server.baseUrl());
			NxCloudClient client = NxCloudClient.builder().connection(new NxCloudConnection() {

				@Override
				public String getApiUrl() {
					return apiUrl.get();
				}

				@Override
				public String getSaasUrl() {
					return apiUrl.get();
				}

				@Override
				public String getAccessKey() {
					return TestClients.ACCESS_KEY;
				}

				@Override
				public String getAccessSecret() {
					return TestClients.ACCESS_SECRET;
				}

			}).build();
			for (int call = 0; call < 2; call++) {
				client.call(NxCloudOperation.GET_PHONE).retrieve(JsonNode.class).block(Duration.ofSeconds(10));
			}
			apiUrl.set(other.baseUrl());
			client.call(NxCloudOperation.GET_PHONE).retrieve(JsonNode.class).block(Duration.ofSeconds(10));
			assertThat(this.server.requests()).hasSize(2);
			assertThat(other.requests()).hasSize(1);
		}
	}

	/** A request that cannot even be made fails its attempt like any other: typed, and with the attempts made. */
	@Test
	void aRequestThatCannotBeMadeIsATypedFailureWithItsAttempts() {
		NxCloudException ex = failure(TestClients.builder("http://127.0.0.1:1/a path with spaces")
			.build()
			.call(NxCloudOperation.GET_PHONE)
			.retrieve(JsonNode.class));
		assertThat(ex).isInstanceOf(NxCloudTransportException.class);
		assertThat(ex.getAttempts()).isEqualTo(1);
	}

	@Test
	void anEnvelopeFollowedByMoreIsAnInvalidResponse() {
		NxCloudException ex = failure("{\"code\":0,\"data\":{\"phone\":\"8613800000000\"}} {\"code\":0}");
		assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "<html>Bad gateway</html>", "", "[1,2]", "{\"message\":\"no code\"}",
			"{\"code\":\"abc\"}" })
	void bodiesThatAreNotTheEnvelopeAreInvalidResponses(String body) {
		this.server.reply(200, "text/html", body);
		NxCloudException ex = failure(getPhone(this.server.baseUrl(), Duration.ofSeconds(10)));
		assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class);
		assertThat(ex.getOperation()).isEqualTo("getPhone");
	}

	@Test
	void dataOfTheWrongShapeIsAnInvalidResponse() {
		this.server.reply("{\"code\":0,\"data\":[1,2,3]}");
		NxCloudException ex = failure(TestClients.client(this.server.baseUrl(), TestClients.NO_DEFAULTS)
			.call(NxCloudOperation.GET_PHONE)
			.retrieve(dev.nxcloud.whatsapp.phone.BusinessPhones.class));
		assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class).hasMessageContaining("documented shape");
	}

	@Test
	void non2xxStatusIsAnHttpStatusFailureKeepingAnEnvelopeIfAny() {
		this.server.reply(502, "text/plain", "bad gateway");
		NxCloudException plain = failure(getPhone(this.server.baseUrl(), Duration.ofSeconds(10)));
		assertThat(plain).isInstanceOf(NxCloudHttpStatusException.class);
		assertThat(((NxCloudHttpStatusException) plain).getStatusCode()).isEqualTo(502);
		assertThat(plain.isRetryable()).isTrue();

		this.server.reply(400, "application/json", "{\"code\":9000,\"message\":\"bad\",\"traceId\":\"t1\"}");
		NxCloudException enveloped = failure(getPhone(this.server.baseUrl(), Duration.ofSeconds(10)));
		assertThat(enveloped).isInstanceOf(NxCloudHttpStatusException.class);
		assertThat(enveloped.getCode()).isEqualTo(9000);
		assertThat(enveloped.getTraceId()).isEqualTo("t1");
		assertThat(enveloped.isRetryable()).isFalse();
	}

	@Test
	void refusedConnectionIsAConnectFailureThatNeverReachedNxCloud() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		NxCloudException ex = failure(getPhone("http://127.0.0.1:" + port, Duration.ofSeconds(10)));
		assertThat(ex).isInstanceOf(NxCloudConnectException.class);
		assertThat(((NxCloudConnectException) ex).mayHaveReachedNxCloud()).isFalse();
		assertThat(ex.isRetryable()).isTrue();
	}

	@Test
	void serverThatNeverAnswersEndsInATimeout() {
		this.server.noReply();
		NxCloudException ex = failure(getPhone(this.server.baseUrl(), Duration.ofMillis(300)));
		assertThat(ex).isInstanceOf(NxCloudTimeoutException.class);
		assertThat(((NxCloudTimeoutException) ex).getTimeout()).isEqualTo(Duration.ofMillis(300));
		assertThat(((NxCloudTimeoutException) ex).mayHaveReachedNxCloud()).isTrue();
		assertThat(ex.getMessage()).contains("NxCloudClient.builder().responseTimeout(…)");
	}

	@ParameterizedTest
	@EnumSource(ClientConnector.class)
	void serverThatStopsAnsweringEndsInATimeoutWithEitherConnectorGiven(ClientConnector connector) {
		NxCloudClient client = TestClients.builder(this.server.baseUrl(), connector)
			.responseTimeout(Duration.ofMillis(300))
			.build();
		Mono<JsonNode> getPhone = client.call(NxCloudOperation.GET_PHONE)
			.jsonBody(Map.of("appkey", "a"))
			.retrieve(JsonNode.class);
		this.server.reply("{\"code\":0,\"message\":\"ok\",\"data\":{}}");
		// with Reactor Netty, a first call shows the client that its requests can be timed out on the event loop; an
		// upload, whose own timeout leaves the first connection all the time it needs
		org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
		parts.part("tenant_id", "1");
		assertThat(client.call(NxCloudOperation.UPLOAD_MEDIA)
			.pathVariables("15550000001")
			.multipartBody(parts.build())
			.retrieve(JsonNode.class)
			.block(Duration.ofSeconds(20))).isNotNull();
		this.server.noReply();
		NxCloudException ex = failure(getPhone);
		assertThat(ex).isInstanceOf(NxCloudTimeoutException.class);
		assertThat(((NxCloudTimeoutException) ex).getTimeout()).isEqualTo(Duration.ofMillis(300));
		assertThat(ex.getMessage()).contains("NxCloudClient.builder().responseTimeout(…)");
	}

	@Test
	void mediaUploadsHaveTheirOwnTimeout() {
		NxCloudClient client = TestClients.builder(this.server.baseUrl())
			.responseTimeout(Duration.ofSeconds(30))
			.uploadTimeout(Duration.ofMillis(300))
			.build();
		this.server.noReply();
		org.springframework.http.client.MultipartBodyBuilder parts = new org.springframework.http.client.MultipartBodyBuilder();
		parts.part("tenant_id", "1");
		NxCloudException ex = failure(client.call(NxCloudOperation.UPLOAD_MEDIA)
			.pathVariables("15550000001")
			.multipartBody(parts.build())
			.retrieve(JsonNode.class));
		assertThat(ex).isInstanceOf(NxCloudTimeoutException.class);
		assertThat(((NxCloudTimeoutException) ex).getTimeout()).isEqualTo(Duration.ofMillis(300));
		assertThat(ex.getMessage()).contains("NxCloudClient.builder().uploadTimeout(…)");
	}

}
