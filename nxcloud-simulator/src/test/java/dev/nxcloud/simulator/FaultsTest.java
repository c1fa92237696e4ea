package dev.nxcloud.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.nxcloud.simulator.TestClient.Response;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.timeout.ReadTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultsTest {

	private NxCloudSimulator sim;

	private TestClient client;

	private String body;

	@BeforeEach
	void start() {
		this.sim = NxCloudSimulator.builder().build().start();
		this.client = new TestClient(this.sim);
		DemoAccount demo = this.sim.demoAccount();
		this.body = "{\"appkey\":\"" + demo.appKey() + "\",\"business_phone\":\"" + demo.businessPhone()
				+ "\",\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"8613600009759\","
				+ "\"type\":\"text\",\"text\":{\"body\":\"hi\"}}";
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.sim.close();
	}

	private Response send() {
		return this.client.post("/api/wa/mt", "mt", this.body);
	}

	/** A send with a short response timeout, as a Mono for StepVerifier. */
	private Mono<Integer> impatientSend(Duration timeout) {
		byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = this.client.headers("mt", bytes);
		return HttpClient.create()
			.responseTimeout(timeout)
			.headers((h) -> {
				headers.forEach(h::set);
				h.set("Content-Type", "application/json");
			})
			.post()
			.uri(this.sim.baseUrl() + "/api/wa/mt")
			.send(reactor.netty.ByteBufFlux.fromString(Mono.just(this.body)))
			.responseSingle((response, content) -> content.then(Mono.just(response.status().code())));
	}

	@Test
	void latencyDelaysTheAnswer() {
		this.sim.faults().on(Endpoint.MT).next(1).respond(Fault.latency(Duration.ofSeconds(2)));
		StepVerifier.create(impatientSend(Duration.ofMillis(300))).expectError(ReadTimeoutException.class).verify();
		StepVerifier.create(impatientSend(Duration.ofMillis(2000))).expectNext(200).verifyComplete();
		this.sim.faults().on().respond(Fault.latency(Duration.ofMillis(1), Duration.ofMillis(5)));
		assertThat(send().code()).isZero();
	}

	@Test
	void httpStatus() {
		this.sim.faults().on(Endpoint.MT).next(1).respond(Fault.httpStatus(503));
		Response response = send();
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.body()).contains("503 Service Unavailable");
		assertThat(send().code()).isZero();
		assertThat(this.sim.messages()).hasSize(1);
	}

	@Test
	void requestFailed() {
		this.sim.faults().on(Endpoint.MT).respond(Fault.requestFailed());
		Response response = send();
		assertThat(response.code()).isEqualTo(-1);
		assertThat(response.json().get("message").asString()).isEqualTo("Request failed");
		assertThat(response.json().get("data").isNull()).isTrue();
		assertThat(this.sim.messages()).isEmpty();
	}

	@Test
	void noResponseHoldsTheConnectionUntilTheClientGivesUp() {
		this.sim.faults().on(Endpoint.MT).next(1).respond(Fault.noResponse());
		StepVerifier.create(impatientSend(Duration.ofMillis(300))).expectError(ReadTimeoutException.class).verify();
		assertThat(send().code()).isZero();
	}

	@Test
	void connectionResetAfterTheRequestWasRead() {
		this.sim.faults().on(Endpoint.MT).next(1).afterProcessing().respond(Fault.connectionReset());
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(this::send)
			.satisfies((ex) -> assertThat(ex).hasRootCauseInstanceOf(IOException.class));
		assertThat(this.sim.messages()).as("processed before the reset").hasSize(1);
		assertThat(this.sim.requests(Endpoint.MT)).singleElement()
			.satisfies((r) -> assertThat(r.fault()).isInstanceOf(Fault.ConnectionReset.class));
	}

	@Test
	void malformedBody() {
		this.sim.faults().on(Endpoint.MT).next(1).respond(Fault.malformedBody());
		Response response = send();
		assertThat(response.status()).isEqualTo(200);
		assertThatExceptionOfType(JacksonException.class).isThrownBy(response::json);
	}

	@Test
	void countLimitedRulesStop() {
		FaultRule rule = this.sim.faults().on(Endpoint.MT, Endpoint.OTP).next(2).respond(Fault.httpStatus(502));
		assertThat(this.client.post("/api/wa/getPhone", "getPhone", "{}").status()).isEqualTo(200);
		assertThat(send().status()).isEqualTo(502);
		assertThat(send().status()).isEqualTo(502);
		assertThat(send().status()).isEqualTo(200);
		assertThat(rule.triggered()).isEqualTo(2);
		assertThat(rule.remaining()).isZero();
	}

	@Test
	void ratesAreReproducibleWithASeed() {
		assertThat(outcomes(7)).isEqualTo(outcomes(7)).contains(200, 500);
	}

	private List<Integer> outcomes(long seed) {
		try (NxCloudSimulator seeded = NxCloudSimulator.builder().randomSeed(seed).fastPath().build().start();
				TestClient seededClient = new TestClient(seeded)) {
			seeded.faults().on(Endpoint.MT).withProbability(0.5).respond(Fault.httpStatus(500));
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				statuses.add(seededClient.call(HttpMethod.POST, "/api/wa/mt", "mt", this.body, (h) -> {
				}).status());
			}
			return statuses;
		}
	}

	/** A request to an endpoint; faults fire before the request is read, so it need not be valid. */
	private Response request(Endpoint endpoint, String body) {
		String path = endpoint.pathTemplate().replace("{phone}", "15550000001").replace("{id}", "314");
		return this.client.call(HttpMethod.valueOf(endpoint.method()), path, endpoint.action(), body, (h) -> {
		});
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', textBlock = """
			MT              | 9004   | No corresponding country pricing for the application
			OTP             | 9013   | Customer APP does not have group
			OTP             | 9004   | No corresponding country pricing for the application
			MT              | 9007   | Downstream endpoint error
			CREATE_APP      | 9007   | Non-integrator request
			GET_PHONE       | 9002   | Merchant phone number error
			SAAS_SEND       | 22041  | Failed to send on the cloud platform
			TEMPLATE_CREATE | 22041  | Failed to send from cloud platform
			SAAS_SEND       | 22042  | Failed to send WhatsApp message
			SAAS_SEND       | 22091  | Not a WhatsApp user
			SAAS_SEND       | 22122  | Application has no corresponding country pricing
			SAAS_SEND       | 22123  | Merchant phone number error
			SAAS_SEND       | 22125  | Insufficient account balance
			SAAS_SEND       | 22141  | Failed to send WhatsApp, see the message field for details
			SAAS_SEND       | 22049  | Business phone 15550000001 does not exist
			MEDIA_UPLOAD    | 22049  | Merchant with business_phone=15550000001 does not exist
			SAAS_SEND       | 22092  | Language pack does not exist: en_US
			TEMPLATE_UPDATE | 22092  | Language pack not found: af
			TEMPLATE_DETAIL | 22093  | Template does not exist
			MT              | 22141  | Failed to send WhatsApp, see the message field for details
			SAAS_SEND       | 9004   | No corresponding country pricing for the application
			TEMPLATE_LIST   | 1003   | Invalid signature
			FLOW_LIST       | -1     | Request failed
			MT              | 123456 | Request failed
			""")
	void answersAnyCodeAsItsEndpointsPageRendersIt(Endpoint endpoint, int code, String message) {
		this.sim.faults().on(endpoint).next(1).respond(Fault.errorCode(code));
		String body = "{\"business_phone\":\"15550000001\",\"language\":\"af\",\"template\":{\"language\":{\"code\":\"en_US\"}}}";
		Response response = request(endpoint, body);
		assertThat(response.status()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.get("code").asInt()).isEqualTo(code);
		assertThat(json.get("message").asString()).isEqualTo(message);
		assertThat(json.get("data").isNull()).isTrue();
		assertThat(json.get("traceId").asString()).matches("[0-9a-f]{32}");
		assertThat(this.sim.requests(endpoint)).last().satisfies((r) -> {
			assertThat(r.fault()).isEqualTo(Fault.errorCode(code));
			assertThat(r.code()).isEqualTo(code);
		});
	}

	@Test
	void everyCodeOfEveryPageCanBeAnswered() {
		for (Endpoint endpoint : Endpoint.values()) {
			for (int code : ErrorCodes.Page.of(endpoint).codes().keySet()) {
				this.sim.faults().on(endpoint).next(1).respond(Fault.errorCode(code));
				JsonNode json = request(endpoint, "{}").json();
				assertThat(json.get("code").asInt()).as(endpoint + " " + code).isEqualTo(code);
				String documented = ErrorCodes.Page.of(endpoint).codes().get(code);
				assertThat(json.get("message").asString()).as(endpoint + " " + code)
					.startsWith(documented.replaceAll("\\{0}.*", ""));
			}
		}
		assertThat(this.sim.faults().rules()).allSatisfy((rule) -> assertThat(rule.remaining()).isZero());
	}

	@Test
	void code9099CarriesMetasError() {
		this.sim.faults().on(Endpoint.OTP).next(1).respond(Fault.errorCode(9099));
		JsonNode json = request(Endpoint.OTP, "{}").json();
		assertThat(json.get("message").asString()).isEqualTo("WhatsApp error");
		JsonNode error = json.get("data").get("error");
		assertThat(error.get("code").asInt()).isEqualTo(100);
		assertThat(error.get("type").asString()).isEqualTo("OAuthException");
		assertThat(error.get("error_data").get("messaging_product").asString()).isEqualTo("whatsapp");
	}

	@Test
	void aCodeWithItsOwnMessageAfterProcessing() {
		this.sim.faults().on(Endpoint.MT).next(1).afterProcessing()
			.respond(Fault.errorCode(22141, "(#131026) Message undeliverable"));
		Response response = send();
		assertThat(response.code()).isEqualTo(22141);
		assertThat(response.json().get("message").asString()).isEqualTo("(#131026) Message undeliverable");
		assertThat(this.sim.messages()).as("processed, then answered with the code").hasSize(1);
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.errorCode(0));
	}

}
