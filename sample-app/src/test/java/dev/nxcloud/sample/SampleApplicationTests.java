package dev.nxcloud.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import dev.nxcloud.boot.autoconfigure.NxCloudConnectionDetails;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.Signatures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@Autowired
	private WhatsAppDemo demo;

	@Autowired
	private NxCloudSimulator simulator;

	@Autowired
	private NxCloudConnectionDetails connectionDetails;

	@Autowired
	private MessageStatuses statuses;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void withoutCredentialsTheDemoRunsAgainstTheEmbeddedSimulator() throws Exception {
		assertThat(this.connectionDetails.getApiUrl()).isEqualTo(this.simulator.baseUrl()).startsWith("http://127.0.0.1:");
		assertThat(this.demo.report()).contains("phone 15550000001: CONNECTED, quality GREEN, tier TIER_1K, name 'NxCloud Simulator'");
		assertThat(this.demo.report()).filteredOn((line) -> line.matches("template \\w+ \\(.*")).hasSize(3)
			.anyMatch((line) -> line.startsWith("template order_update (en_US, UTILITY)"));
		assertThat(this.demo.report()).filteredOn((line) -> line.contains("failed")).isEmpty();
		assertThat(this.demo.getExitCode()).isZero();
		assertThat(this.simulator.messages()).hasSize(3);
		for (var message : this.simulator.messages()) {
			assertThat(this.demo.report()).contains("statuses of " + message.id() + ": [sent, delivered, read]");
		}
		// the simulator records a callback once it has read the answer, so the last ones may still be on their way
		assertThat(this.simulator.callbacks()).isNotEmpty()
			.allSatisfy((callback) -> assertThat(callback.url()).endsWith("/nxcloud/webhook"))
			.allSatisfy((callback) -> assertThat(callback.httpStatus()).isEqualTo(200));
		String messages = this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/messages")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		for (var message : this.simulator.messages()) {
			assertThat(messages).contains("\"" + message.id() + "\":[\"sent\",\"delivered\",\"read\"]");
		}
	}

	@Test
	void aTamperedCallbackIsRefusedAndNothingIsRecorded() throws Exception {
		String account = this.simulator.demoAccount().accessKey();
		String secret = this.simulator.demoAccount().accessSecret();
		String genuine = "{\"statuses\":[{\"id\":\"forged-1\",\"status\":\"sent\"}],\"business_phone\":\"15550000001\"}";
		String tampered = genuine.replace("sent", "read");
		String ts = Long.toString(System.currentTimeMillis());
		String sign = Signatures.sign(account, "dr", "2", ts, genuine.getBytes(StandardCharsets.UTF_8), secret,
				Signatures.MD5);
		assertThat(callback(tampered, account, ts, sign)).isEqualTo(401);
		assertThat(callback(genuine, account, ts, "0".repeat(32))).isEqualTo(401);
		assertThat(callback(genuine, account, ts, Signatures.sign(account, "dr", "2", ts,
				genuine.getBytes(StandardCharsets.UTF_8), "not-the-secret", Signatures.MD5))).isEqualTo(401);
		assertThat(this.statuses.history("forged-1")).isEmpty();
		assertThat(callback(genuine, account, ts, sign)).isEqualTo(200);
		assertThat(this.statuses.history("forged-1")).containsExactly("sent");
	}

	private int callback(String body, String accessKey, String ts, String sign) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/nxcloud/webhook"))
			.header("Content-Type", "application/json")
			.header("accesskey", accessKey)
			.header("action", "dr")
			.header("biztype", "2")
			.header("ts", ts)
			.header("sign", sign)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
