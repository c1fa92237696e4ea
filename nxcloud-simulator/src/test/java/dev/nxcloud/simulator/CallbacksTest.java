package dev.nxcloud.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.nxcloud.simulator.state.FailingRecipient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CallbacksTest {

	private NxCloudSimulator sim;

	private TestClient client;

	private DisposableServer receiver;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	record Received(Map<String, String> headers, String body) {
	}

	@BeforeEach
	void start() {
		this.receiver = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8).flatMap((body) -> {
				Map<String, String> headers = new java.util.HashMap<>();
				request.requestHeaders().forEach((h) -> headers.put(h.getKey().toLowerCase(), h.getValue()));
				this.received.add(new Received(headers, body));
				return response.status(200).send().then();
			}))
			.bindNow();
		this.sim = NxCloudSimulator.builder()
			.callbackInterval(Duration.ofMillis(5))
			.state((state) -> state.addFailingRecipient(FailingRecipient.undeliverable("8613900000000")))
			.build()
			.start();
		this.client = new TestClient(this.sim);
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.sim.close();
		this.receiver.disposeNow();
	}

	private String send(String to, String webhook) {
		TestClient.Response response = post(to, webhook);
		assertThat(response.code()).isZero();
		return response.data().get("messages").get(0).get("id").asString();
	}

	private TestClient.Response post(String to, String webhook) {
		DemoAccount demo = this.sim.demoAccount();
		return this.client.post("/api/wa/mt", "mt", "{\"appkey\":\"" + demo.appKey()
				+ "\",\"business_phone\":\"" + demo.businessPhone() + "\",\"messaging_product\":\"whatsapp\","
				+ "\"recipient_type\":\"individual\",\"to\":\"" + to + "\",\"type\":\"template\",\"cus_message_id\":\"my-"
				+ to + "\",\"dr_webhook\":\"" + webhook + "\",\"biz_opaque_callback_data\":\"trk-1\",\"template\":"
				+ "{\"name\":\"order_update\",\"language\":{\"code\":\"en_US\"}}}");
	}

	private List<String> statuses() {
		return this.received.stream()
			.map((r) -> TestClient.JSON.readTree(r.body()).get("statuses").get(0).get("status").asString())
			.toList();
	}

	@Test
	void postsSignedStatusesInOrder() {
		String id = send("8613600009759", "http://localhost:" + this.receiver.port() + "/dr?x=1");
		assertThat(id).isEqualTo("my-8613600009759");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() == 3);
		DemoAccount demo = this.sim.demoAccount();
		for (Received callback : this.received) {
			Map<String, String> h = callback.headers();
			assertThat(h).containsEntry("accesskey", demo.accessKey()).containsEntry("action", "dr")
				.containsEntry("biztype", "2");
			String expected = TestClient.sign(h.get("accesskey"), h.get("action"), h.get("biztype"), h.get("ts"),
					callback.body().getBytes(StandardCharsets.UTF_8), demo.accessSecret(), "md5");
			assertThat(h.get("sign")).isEqualTo(expected);
		}
		assertThat(statuses()).containsExactly("sent", "delivered", "read");
		List<JsonNode> bodies = this.received.stream().map((r) -> TestClient.JSON.readTree(r.body())).toList();
		JsonNode status = bodies.get(0).get("statuses").get(0);
		assertThat(status.get("id").asString()).isEqualTo(id);
		assertThat(status.get("recipient_id").asString()).isEqualTo("8613600009759");
		assertThat(status.get("timestamp").asString()).matches("\\d{10}");
		assertThat(status.get("conversation").get("origin").get("type").asString()).isEqualTo("utility");
		assertThat(status.get("pricing").get("category").asString()).isEqualTo("utility");
		assertThat(status.get("biz_opaque_callback_data").asString()).isEqualTo("trk-1");
		assertThat(bodies.get(0).get("business_phone").asString()).isEqualTo(demo.businessPhone());
		assertThat(bodies.get(0).get("messaging_product").asString()).isEqualTo("whatsapp");
	}

	@Test
	void reportsFailedForAFailingRecipient() {
		send("8613900000000", "http://127.0.0.1:" + this.receiver.port() + "/dr");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.callbacks().size() == 1);
		assertThat(this.received).singleElement().satisfies((r) -> {
			JsonNode status = TestClient.JSON.readTree(r.body()).get("statuses").get(0);
			assertThat(status.get("status").asString()).isEqualTo("failed");
			assertThat(status.get("errors").get(0).get("code").asInt()).isEqualTo(131026);
			assertThat(status.get("errors").get(0).get("title").asString()).isEqualTo("Message undeliverable");
		});
	}

	@Test
	void anErrorCodeAfterProcessingReportsFailedWithThatError() {
		this.sim.faults().on(Endpoint.MT).next(1).afterProcessing()
			.respond(Fault.errorCode(22141, "(#131026) Message undeliverable"));
		assertThat(post("8613600009759", "http://127.0.0.1:" + this.receiver.port() + "/dr").code()).isEqualTo(22141);
		assertThat(this.sim.messages()).as("processed").hasSize(1);
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.received.isEmpty());
		JsonNode status = TestClient.JSON.readTree(this.received.get(0).body()).get("statuses").get(0);
		assertThat(status.get("status").asString()).as("the caller was told the send failed").isEqualTo("failed");
		assertThat(status.get("id").asString()).isEqualTo("my-8613600009759");
		assertThat(status.get("errors").get(0).get("code").asInt()).isEqualTo(22141);
		assertThat(status.get("errors").get(0).get("title").asString()).isEqualTo("(#131026) Message undeliverable");
		assertThat(status.has("conversation")).isFalse();
		this.sim.faults().on(Endpoint.MT).next(1).afterProcessing().respond(Fault.requestFailed());
		assertThat(post("8613600009760", "http://127.0.0.1:" + this.receiver.port() + "/dr").code()).isEqualTo(-1);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() == 2);
		JsonNode requestFailed = TestClient.JSON.readTree(this.received.get(1).body()).get("statuses").get(0);
		assertThat(requestFailed.get("status").asString()).isEqualTo("failed");
		assertThat(requestFailed.get("errors").get(0).get("code").asInt()).isEqualTo(-1);
		assertThat(requestFailed.get("errors").get(0).get("title").asString()).isEqualTo("Request failed");
	}

	@Test
	void aLostAnswerAfterProcessingKeepsTheDeliveryCallbacks() {
		this.sim.faults().on(Endpoint.MT).next(1).afterProcessing().respond(Fault.httpStatus(502));
		assertThat(post("8613600009759", "http://127.0.0.1:" + this.receiver.port() + "/dr").status()).isEqualTo(502);
		await().atMost(Duration.ofSeconds(5)).until(() -> this.received.size() == 3);
		assertThat(statuses()).containsExactly("sent", "delivered", "read");
	}

	@Test
	void refusesNonLoopbackWebhooks() {
		send("8613600009759", "https://webhook.example.invalid/hook");
		await().atMost(Duration.ofSeconds(5)).until(() -> this.sim.callbacks().size() == 3);
		assertThat(this.sim.callbacks()).allSatisfy((c) -> {
			assertThat(c.outcome()).isEqualTo(CallbackRecord.Outcome.REFUSED);
			assertThat(c.url()).isEqualTo("https://webhook.example.invalid/hook");
		});
		assertThat(this.received).isEmpty();
	}

}
