package dev.nxcloud.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import dev.nxcloud.simulator.TestClient.Response;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {

	private NxCloudSimulator sim;

	private TestClient client;

	private String textBody;

	@BeforeEach
	void start() {
		this.sim = NxCloudSimulator.builder().build().start();
		this.client = new TestClient(this.sim);
		DemoAccount demo = this.sim.demoAccount();
		this.textBody = "{\"appkey\":\"" + demo.appKey() + "\",\"business_phone\":\"" + demo.businessPhone()
				+ "\",\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"8613600009759\","
				+ "\"type\":\"text\",\"text\":{\"body\":\"你好，牛小信 👋\",\"preview_url\":false}}";
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.sim.close();
	}

	private Response mt(java.util.function.Consumer<Map<String, String>> tamper) {
		return this.client.call(HttpMethod.POST, "/api/wa/mt", "mt", this.textBody, tamper);
	}

	@Test
	void acceptsANonAsciiBodySignedOverItsUtf8Bytes() {
		Response response = mt((headers) -> {
		});
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.code()).isZero();
		assertThat(this.sim.requests()).last()
			.satisfies((request) -> assertThat(request.bodyAsString()).isEqualTo(this.textBody));
	}

	@Test
	void rejectsASignatureOffByOneCharacter() {
		Response response = mt((headers) -> {
			String sign = headers.get("sign");
			char last = sign.charAt(sign.length() - 1);
			headers.put("sign", sign.substring(0, sign.length() - 1) + ((last == '0') ? '1' : '0'));
		});
		assertThat(response.code()).isEqualTo(1003);
		assertThat(response.json().get("traceId").asString()).matches("[0-9a-f]{32}");
	}

	@Test
	void rejectsABodyThatDiffersByOneByteFromTheSignedOne() {
		byte[] signed = this.textBody.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = this.client.headers("mt", signed);
		byte[] sent = (this.textBody.replace("\"preview_url\":false", "\"preview_url\": false"))
			.getBytes(StandardCharsets.UTF_8);
		Response response = this.client.raw(HttpMethod.POST, "/api/wa/mt", headers, sent, "application/json");
		assertThat(response.code()).isEqualTo(1003);
	}

	@Test
	void enforcesTheSixtySecondWindow() {
		this.sim.clock().shift(Duration.ofSeconds(61));
		assertThat(mt((headers) -> {
		}).code()).isEqualTo(1004);
		this.sim.clock().reset().shift(Duration.ofSeconds(-61));
		assertThat(mt((headers) -> {
		}).code()).isEqualTo(1004);
		this.sim.clock().reset().shift(Duration.ofSeconds(59));
		assertThat(mt((headers) -> {
		}).code()).isZero();
	}

	@Test
	void rejectsATimestampInSeconds() {
		assertThat(mt((headers) -> headers.put("ts", Long.toString(System.currentTimeMillis() / 1000))).code())
			.isEqualTo(1004);
	}

	@Test
	void acceptsSha256WhenAsked() {
		byte[] body = this.textBody.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = this.client.headers("mt", body);
		DemoAccount demo = this.sim.demoAccount();
		headers.put("sign", TestClient.sign(demo.accessKey(), "mt", "2", headers.get("ts"), body,
				demo.accessSecret(), "sha256"));
		headers.put("algorithm", "sha256");
		assertThat(this.client.raw(HttpMethod.POST, "/api/wa/mt", headers, body, "application/json").code()).isZero();
		headers.put("algorithm", "md5");
		assertThat(this.client.raw(HttpMethod.POST, "/api/wa/mt", headers, body, "application/json").code())
			.isEqualTo(1003);
	}

	@Test
	void matchesHeaderNamesCaseInsensitively() {
		byte[] body = this.textBody.getBytes(StandardCharsets.UTF_8);
		Map<String, String> lower = new HashMap<>();
		this.client.headers("mt", body).forEach((name, value) -> lower.put(name.toLowerCase(), value));
		assertThat(this.client.raw(HttpMethod.POST, "/api/wa/mt", lower, body, "application/json").code()).isZero();
	}

	@Test
	void reportsMissingHeadersWrongActionsAndUnknownKeys() {
		for (String header : new String[] { "accessKey", "ts", "bizType", "action", "sign" }) {
			Response missing = mt((headers) -> headers.remove(header));
			assertThat(missing.code()).as(header).isEqualTo(1001);
			assertThat(message(missing)).isEqualTo(ErrorCodes.AUTHENTICATION.get(1001) + ": " + header);
		}
		Response wrongAction = this.client.post("/api/wa/mt", "getPhone", this.textBody);
		assertThat(wrongAction.code()).isEqualTo(1002);
		assertThat(message(wrongAction)).isEqualTo(ErrorCodes.AUTHENTICATION.get(1002) + ": action must be mt");
		assertThat(mt((headers) -> headers.put("bizType", "1")).code()).isEqualTo(1002);
		Response unknownKey = mt((headers) -> headers.put("accessKey", "nobody"));
		assertThat(unknownKey.code()).isEqualTo(1005);
		assertThat(message(unknownKey)).isEqualTo(ErrorCodes.AUTHENTICATION.get(1005));
	}

	private static String message(Response response) {
		return response.json().get("message").asString();
	}

	@Test
	void signsBodylessRequestsWithoutTheBodyPart() {
		DemoAccount demo = this.sim.demoAccount();
		Response list = this.client.get("/saas/wa/template/" + demo.businessPhone() + "?tenant_id=" + demo.tenantId()
				+ "&page_number=1&page_size=10");
		assertThat(list.code()).isZero();
	}

	@Test
	void answersUnparseableJsonWith1002() {
		assertThat(this.client.post("/api/wa/mt", "mt", "{not json").code()).isEqualTo(1002);
	}

}
