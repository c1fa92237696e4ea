package dev.nxcloud.sample;

import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.state.Account;
import dev.nxcloud.simulator.state.BusinessPhone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's Actuator endpoints against the embedded simulator: {@code nxcloud} health with its phones, going
 * DOWN with a reason, and the NxCloud request metrics. Health results are not reused here, so that each request
 * sees the simulator's current state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "management.health.nxcloud.time-to-live=0s")
class SampleObservabilityTests {

	@LocalServerPort
	private int port;

	@Autowired
	private NxCloudSimulator simulator;

	private WebTestClient client;

	@BeforeEach
	void bindClient() {
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.port).build();
	}

	@Test
	void healthShowsNxcloudUpWithItsPhones() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.nxcloud.status")
			.isEqualTo("UP")
			.jsonPath("$.components.nxcloud.details.phones.15550000001.status")
			.isEqualTo("CONNECTED")
			.jsonPath("$.components.nxcloud.details.phones.15550000001.quality_rating")
			.isEqualTo("GREEN")
			.jsonPath("$.components.nxcloud.details.phones.15550000001.current_limit")
			.isEqualTo("TIER_1K")
			.jsonPath("$.components.nxcloud.details.phones.15550000001.verified_name")
			.isEqualTo("NxCloud Simulator");
	}

	@Test
	void aDisconnectedPhoneOrARotatedSecretTurnsHealthDownWithAReason() {
		DemoAccount demo = this.simulator.demoAccount();
		BusinessPhone phone = this.simulator.state().phone(demo.businessPhone()).orElseThrow();
		try {
			this.simulator.state()
				.addPhone(new BusinessPhone(phone.phone(), phone.appKey(), phone.displayPhoneNumber(),
						phone.verifiedName(), phone.nameStatus(), "DISCONNECTED", phone.qualityRating(),
						phone.currentLimit(), phone.codeVerificationStatus()));
			this.client.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.jsonPath("$.components.nxcloud.status")
				.isEqualTo("DOWN")
				.jsonPath("$.components.nxcloud.details.reason")
				.isEqualTo("business phone 15550000001 is DISCONNECTED");
		}
		finally {
			this.simulator.state().addPhone(phone);
		}
		try {
			this.simulator.state().addAccount(new Account(demo.accessKey(), "rotated-on-nxcloud"));
			this.client.get()
				.uri("/actuator/health")
				.exchange()
				.expectStatus()
				.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
				.expectBody()
				.jsonPath("$.components.nxcloud.status")
				.isEqualTo("DOWN")
				.jsonPath("$.components.nxcloud.details.code")
				.isEqualTo(1003)
				.jsonPath("$.components.nxcloud.details.message")
				.isNotEmpty()
				.jsonPath("$.components.nxcloud.details.error")
				.value((error) -> assertThat(error.toString()).startsWith("NxCloudAuthenticationException")
					.doesNotContain(demo.accessSecret()));
		}
		finally {
			this.simulator.state().addAccount(new Account(demo.accessKey(), demo.accessSecret()));
		}
	}

	@Test
	void requestMetricsCountTheSamplesTrafficAndArePublishedForPrometheus() {
		this.client.get()
			.uri("/actuator/metrics/nxcloud.client.requests?tag=nxcloud.operation:sendMessage&tag=outcome:SUCCESS")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
			.isEqualTo(1.0);
		this.client.get()
			.uri("/actuator/metrics/nxcloud.client.requests")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.availableTags[?(@.tag == 'nxcloud.operation')].values[*]")
			.value((values) -> assertThat(values.toString()).contains("getPhone", "sendOtp", "sendTemplateMessage",
					"sendMessage"));
		String scrape = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains("nxcloud_client_requests_seconds_count{")
			.contains("nxcloud_operation=\"sendOtp\"")
			.contains("http_client_requests_seconds_count{")
			.doesNotContain(this.simulator.demoAccount().accessSecret());
	}

}
