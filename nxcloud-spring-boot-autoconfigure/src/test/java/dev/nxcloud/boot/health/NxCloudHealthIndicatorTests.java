package dev.nxcloud.boot.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfo.QualityRating;
import dev.nxcloud.whatsapp.testsupport.SteppedClock;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.Endpoint;
import dev.nxcloud.simulator.Fault;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.state.BusinessPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudHealthIndicatorTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start();

	private final DemoAccount demo = this.simulator.demoAccount();

	private final SteppedClock clock = new SteppedClock();

	@AfterEach
	void close() {
		this.simulator.close();
	}

	private NxCloudPhoneService phones(String accessSecret) {
		return TestClients.builder(this.simulator.baseUrl())
			.connection(TestClients.connection(this.simulator.baseUrl(), this.demo.accessKey(), accessSecret))
			.appKey(this.demo.appKey())
			.responseTimeout(Duration.ofSeconds(5))
			.build()
			.phones();
	}

	private NxCloudHealthIndicator indicator(List<String> watched, Map<QualityRating, Status> qualityStatuses,
			Duration timeout) {
		return new NxCloudHealthIndicator(phones(this.demo.accessSecret()), watched, qualityStatuses, timeout,
				Duration.ofSeconds(30), this.clock);
	}

	private NxCloudHealthIndicator indicator() {
		return indicator(List.of(), Map.of(QualityRating.RED, Status.DOWN), Duration.ofSeconds(5));
	}

	private void replacePhone(String status, String qualityRating) {
		this.simulator.state()
			.addPhone(new BusinessPhone(this.demo.businessPhone(), this.demo.appKey(), "+1 555 000 0001",
					"NxCloud Simulator", "APPROVED", status, qualityRating, "TIER_1K", "VERIFIED"));
	}

	@Test
	void upWithEveryPhoneOfTheApp() {
		Health health = indicator().health().block(BLOCK);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).doesNotContainKey("reason");
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> phones = (Map<String, Map<String, Object>>) health.getDetails().get("phones");
		assertThat(phones.get(this.demo.businessPhone())).containsEntry("status", "CONNECTED")
			.containsEntry("quality_rating", "GREEN")
			.containsEntry("current_limit", "TIER_1K")
			.containsEntry("name_status", "APPROVED")
			.containsEntry("verified_name", "NxCloud Simulator");
	}

	@Test
	void downWhenAWatchedPhoneIsNotConnected() {
		replacePhone("DISCONNECTED", "GREEN");
		Health health = indicator().health().block(BLOCK);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("reason",
				"business phone " + this.demo.businessPhone() + " is DISCONNECTED");
	}

	@Test
	void onlyListedPhonesAreQueried() {
		NxCloudHealthIndicator indicator = indicator(List.of(this.demo.businessPhone()), Map.of(),
				Duration.ofSeconds(5));
		assertThat(indicator.health().block(BLOCK).getStatus()).isEqualTo(Status.UP);
		assertThat(this.simulator.requests(Endpoint.GET_PHONE).get(0).bodyAsString())
			.contains("\"business_phones\":\"" + this.demo.businessPhone() + "\"");
	}

	@Test
	void downWithCodeAndNxCloudsMessageWhenTheSecretIsWrong() {
		NxCloudHealthIndicator indicator = new NxCloudHealthIndicator(phones("not-the-secret"), List.of(), Map.of(),
				Duration.ofSeconds(5), Duration.ofSeconds(30), this.clock);
		Health health = indicator.health().block(BLOCK);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("code", 1003).containsKey("message").containsKey("traceId");
		assertThat(health.toString()).doesNotContain("not-the-secret").doesNotContain(this.demo.accessSecret());
	}

	@Test
	void downWhenNxCloudCannotBeReached() {
		NxCloudPhoneService phones = phones(this.demo.accessSecret());
		this.simulator.close();
		Health health = new NxCloudHealthIndicator(phones, List.of(), Map.of(), Duration.ofSeconds(5),
				Duration.ofSeconds(30), this.clock)
			.health()
			.block(BLOCK);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((String) health.getDetails().get("error")).startsWith("NxCloudConnectException");
	}

	@Test
	void downWhenTheCheckTakesLongerThanItsTimeout() {
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.noResponse());
		Health health = indicator(List.of(), Map.of(), Duration.ofMillis(200)).health().block(BLOCK);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "NxCloud did not answer within 200 ms");
	}

	@Test
	void qualityRatingsReportTheConfiguredStatus() {
		replacePhone("CONNECTED", "YELLOW");
		assertThat(indicator().health().block(BLOCK).getStatus()).isEqualTo(Status.UP);
		replacePhone("CONNECTED", "RED");
		Health red = indicator().health().block(BLOCK);
		assertThat(red.getStatus()).isEqualTo(Status.DOWN);
		assertThat(red.getDetails()).containsEntry("reason",
				"business phone " + this.demo.businessPhone() + " has quality rating RED");
		Status warning = new Status("WARNING");
		assertThat(indicator(List.of(), Map.of(QualityRating.RED, warning), Duration.ofSeconds(5)).health()
			.block(BLOCK)
			.getStatus()).isEqualTo(warning);
	}

	@Test
	void resultIsReusedForTheTimeToLive() {
		NxCloudHealthIndicator indicator = indicator();
		assertThat(indicator.health().block(BLOCK).getStatus()).isEqualTo(Status.UP);
		replacePhone("DISCONNECTED", "GREEN");
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(indicator.health().block(BLOCK).getStatus()).isEqualTo(Status.UP);
		assertThat(this.simulator.requests(Endpoint.GET_PHONE)).hasSize(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(indicator.health().block(BLOCK).getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.simulator.requests(Endpoint.GET_PHONE)).hasSize(2);
	}

	@Test
	void failuresAreReusedToo() {
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.httpStatus(503));
		NxCloudHealthIndicator indicator = indicator();
		assertThat(indicator.health().block(BLOCK).getStatus()).isEqualTo(Status.DOWN);
		assertThat(indicator.health().block(BLOCK).getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.simulator.requests(Endpoint.GET_PHONE)).hasSize(1);
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(indicator.health().block(BLOCK).getStatus()).isEqualTo(Status.UP);
	}

}
