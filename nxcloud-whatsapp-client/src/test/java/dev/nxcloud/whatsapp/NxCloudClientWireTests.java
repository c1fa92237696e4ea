package dev.nxcloud.whatsapp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import dev.nxcloud.whatsapp.error.NxCloudConfigurationException;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.testsupport.IndependentSignature;
import dev.nxcloud.whatsapp.testsupport.RawHttpServer;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.RecordingServer.Recorded;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signature must cover exactly the bytes on the wire: a server recomputes it from what it received.
 */
class NxCloudClientWireTests {

	private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

	private final RecordingServer server = new RecordingServer();

	@AfterEach
	void close() {
		this.server.close();
	}

	private NxCloudClient client(SignAlgorithm algorithm, Clock clock) {
		return TestClients.client(this.server.baseUrl(), TestClients.NO_DEFAULTS, algorithm, clock,
				Duration.ofSeconds(10));
	}

	@Test
	void jsonBodyWithNonAsciiTextIsSignedOverTheRawBytesReceived() throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("app_name", "牛小信 WhatsApp ✓");
		body.put("webhook", "https://example.com/hook?q=ü&x=\"quoted\"\n");
		StepVerifier.create(client(SignAlgorithm.MD5, Clock.fixed(NOW, ZoneOffset.UTC)).call(NxCloudOperation.CREATE_APP)
			.jsonBody(body)
			.retrieve(JsonNode.class)).verifyComplete();
		Recorded request = this.server.lastRequest();
		assertThat(request.bodyText()).contains("牛小信 WhatsApp ✓");
		assertThat(request.body()).isEqualTo(
				"{\"app_name\":\"牛小信 WhatsApp ✓\",\"webhook\":\"https://example.com/hook?q=ü&x=\\\"quoted\\\"\\n\"}"
					.getBytes(StandardCharsets.UTF_8));
		assertThat(request.header("ts")).isEqualTo(Long.toString(NOW.toEpochMilli()));
		assertThat(request.header("action")).isEqualTo("createApp");
		assertThat(request.header("bizType")).isEqualTo("2");
		assertThat(request.header("accessKey")).isEqualTo(TestClients.ACCESS_KEY);
		assertThat(request.header("algorithm")).isNull();
		assertThat(request.header("sign")).hasSize(32)
			.isEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, true))
			.isNotEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, false));
	}

	@Test
	void sha256IsAnnouncedWithTheAlgorithmHeader() throws Exception {
		StepVerifier.create(client(SignAlgorithm.SHA256, Clock.systemUTC()).call(NxCloudOperation.SEND_MESSAGE)
			.jsonBody(Map.of("to", "8613800000000"))
			.retrieve(JsonNode.class)).verifyComplete();
		Recorded request = this.server.lastRequest();
		assertThat(request.header("algorithm")).isEqualTo("sha256");
		assertThat(request.header("sign")).hasSize(64)
			.isEqualTo(IndependentSignature.of("SHA-256", request, TestClients.ACCESS_SECRET, true));
	}

	@Test
	void getWithoutBodyIsSignedWithoutBodyAndCarriesPathAndQuery() throws Exception {
		StepVerifier.create(client(SignAlgorithm.MD5, Clock.systemUTC()).call(NxCloudOperation.GET_TEMPLATE)
			.pathVariables("8615800001795", 1214365320013059L)
			.queryParam("tenant_id", 7)
			.queryParam("name", null)
			.retrieve(JsonNode.class)).verifyComplete();
		Recorded request = this.server.lastRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.uri().toString()).isEqualTo("/saas/wa/template/8615800001795/1214365320013059?tenant_id=7");
		assertThat(request.body()).isEmpty();
		assertThat(request.header("action")).isEqualTo("mt");
		assertThat(request.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, false));
	}

	@Test
	void queryValuesAreEncoded() {
		StepVerifier.create(client(SignAlgorithm.MD5, Clock.systemUTC()).call(NxCloudOperation.LIST_TEMPLATES)
			.pathVariables("8615800001795")
			.queryParam("name", "order update&x=1")
			.retrieve(JsonNode.class)).verifyComplete();
		assertThat(this.server.lastRequest().uri().getRawQuery()).isEqualTo("name=order%20update%26x%3D1");
	}

	@Test
	void multipartIsSignedWithoutBody() throws Exception {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("tenant_id", "1");
		parts.part("file", new ByteArrayResource("data".getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "a.txt";
			}
		}).contentType(MediaType.TEXT_PLAIN);
		StepVerifier.create(client(SignAlgorithm.MD5, Clock.systemUTC()).call(NxCloudOperation.UPLOAD_MEDIA)
			.pathVariables("8615800001795")
			.multipartBody(parts.build())
			.retrieve(JsonNode.class)).verifyComplete();
		Recorded request = this.server.lastRequest();
		assertThat(request.header("Content-Type")).startsWith("multipart/form-data;boundary=");
		assertThat(request.bodyText()).contains("name=\"tenant_id\"").contains("filename=\"a.txt\"");
		assertThat(request.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, false));
	}

	@ParameterizedTest
	@EnumSource(ClientConnector.class)
	void headerNamesGoOnTheWireExactlyAsDocumented(ClientConnector connector) throws Exception {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("tenant_id", "1");
		try (RawHttpServer raw = new RawHttpServer()) {
			NxCloudClient client = TestClients.builder(raw.baseUrl(), connector).signAlgorithm(SignAlgorithm.SHA256).build();
			StepVerifier.create(client.call(NxCloudOperation.GET_PHONE).jsonBody(Map.of("appkey", "a")).retrieve(JsonNode.class))
				.verifyComplete();
			StepVerifier.create(client.call(NxCloudOperation.LIST_FLOWS)
				.pathVariables("8615800001795")
				.queryParam("tenant_id", 1)
				.retrieve(JsonNode.class)).verifyComplete();
			StepVerifier.create(client.call(NxCloudOperation.UPLOAD_MEDIA)
				.pathVariables("8615800001795")
				.multipartBody(parts.build())
				.retrieve(JsonNode.class)).verifyComplete();
			assertThat(raw.requests()).hasSize(3).allSatisfy((request) -> {
				assertThat(request.head()).startsWith(request.method() + " " + request.uri() + " HTTP/1.1\r\n")
					.contains("\r\naccessKey: " + TestClients.ACCESS_KEY + "\r\n")
					.contains("\r\nbizType: 2\r\n")
					.contains("\r\naction: " + (request.uri().getPath().endsWith("/getPhone") ? "getPhone" : "mt") + "\r\n");
				assertThat(request.headerNames()).contains("accessKey", "ts", "bizType", "action", "sign", "algorithm")
					.doesNotContain("accesskey", "AccessKey", "biztype", "Biztype", "Ts", "Action", "Sign");
				assertThat(request.headerIgnoringCase("sign")).isEqualTo(IndependentSignature.of("SHA-256",
						request.recorded(), TestClients.ACCESS_SECRET, !request.uri().getPath().contains("/media/")));
			});
		}
	}

	@Test
	void everyAttemptIsSignedAnewWithAFreshTimestamp() throws Exception {
		AtomicLong millis = new AtomicLong(NOW.toEpochMilli());
		Clock ticking = new Clock() {
			@Override
			public Instant instant() {
				return Instant.ofEpochMilli(millis.getAndAdd(1500));
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}
		};
		this.server.reply(503, "text/plain", "busy");
		StepVerifier.create(client(SignAlgorithm.MD5, ticking).call(NxCloudOperation.GET_PHONE)
			.jsonBody(Map.of("appkey", "a"))
			.retrieve(JsonNode.class)
			.retry(1)).verifyComplete();
		assertThat(this.server.requests()).hasSize(2);
		Recorded first = this.server.requests().get(0);
		Recorded second = this.server.requests().get(1);
		assertThat(first.header("ts")).isNotEqualTo(second.header("ts"));
		assertThat(first.header("sign")).isNotEqualTo(second.header("sign"));
		assertThat(second.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", second, TestClients.ACCESS_SECRET, true));
	}

	@Test
	void missingCredentialsNameTheSettingAndNothingIsSent() {
		NxCloudClient client = TestClients.builder(this.server.baseUrl())
			.connection(TestClients.connection(this.server.baseUrl(), null, null))
			.build();
		StepVerifier.create(client.call(NxCloudOperation.GET_PHONE).jsonBody(Map.of()).retrieve(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudConfigurationException.class)
				.hasMessageContaining("set NxCloudClient.builder().connection(…)"))
			.verify();
		NxCloudClient keyOnlyClient = TestClients.builder(this.server.baseUrl())
			.connection(TestClients.connection(this.server.baseUrl(), "key", null))
			.settingNames((setting) -> "'" + setting.name() + "'")
			.build();
		StepVerifier.create(keyOnlyClient.call(NxCloudOperation.GET_PHONE).retrieve(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("set 'ACCESS_SECRET'"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void aBodyReplacedByAnotherFilterIsNeitherSignedNorSent() {
		WebClient.Builder replacingBody = WebClient.builder()
			.filter((request, next) -> next
				.exchange(ClientRequest.from(request).body(BodyInserters.fromValue("{\"other\":1}")).build()));
		NxCloudClient client = TestClients.builder(this.server.baseUrl()).webClientBuilder(replacingBody).build();
		StepVerifier.create(client.call(NxCloudOperation.GET_PHONE).jsonBody(Map.of("appkey", "a")).retrieve(JsonNode.class))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudException.class)
				.hasMessageContaining("has a body the client did not make"))
			.verify(Duration.ofSeconds(10));
		assertThat(this.server.requests()).isEmpty();
	}

}
