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
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import tools.jackson.core.JacksonException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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
			.headers((h) -> headers.forEach(h::set))
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

}
