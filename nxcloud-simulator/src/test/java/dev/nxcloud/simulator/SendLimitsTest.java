package dev.nxcloud.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.simulator.TestClient.Response;
import dev.nxcloud.simulator.state.App;
import dev.nxcloud.simulator.state.BusinessPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * WhatsApp's throughput per business phone (130429) and pair rate per recipient (131056), on a clock that moves only
 * when the test shifts it.
 */
class SendLimitsTest {

	private static final String OTHER_PHONE = "15550000002";

	/** Stands still: only {@link SimulatorClock#shift(Duration)} moves the simulator's time. */
	private final Clock stopped = Clock.fixed(Instant.now(), ZoneOffset.UTC);

	private final List<AutoCloseable> resources = new ArrayList<>();

	private NxCloudSimulator sim;

	private TestClient client;

	@AfterEach
	void stop() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

	private void start(NxCloudSimulator.Builder builder) {
		this.sim = builder.port(0)
			.clock(this.stopped)
			.state((state) -> state.addApp(new App("simdemoaccesskey", 2000, "other", "otherApp", null))
				.addPhone(BusinessPhone.connected(OTHER_PHONE, "otherApp", "Other")))
			.build()
			.start();
		this.client = new TestClient(this.sim);
		this.resources.add(this.sim);
		this.resources.add(this.client);
	}

	private Response mt(String phone, String to) {
		String appKey = phone.equals(OTHER_PHONE) ? "otherApp" : this.sim.demoAccount().appKey();
		return this.client.post("/api/wa/mt", "mt", "{\"appkey\":\"" + appKey + "\",\"business_phone\":\"" + phone
				+ "\",\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"" + to
				+ "\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}");
	}

	private Response send(Endpoint endpoint, String to) {
		DemoAccount demo = this.sim.demoAccount();
		String common = "\"appkey\":\"" + demo.appKey() + "\",\"business_phone\":\"" + demo.businessPhone()
				+ "\",\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"" + to + "\",";
		return switch (endpoint) {
			case MT -> mt(demo.businessPhone(), to);
			case OTP -> this.client.post("/api/wa/otp", "mt",
					"{" + common + "\"language_code\":\"en\",\"content\":\"Your code is 123456\"}");
			case SAAS_SEND -> this.client.post("/saas/wa/send", "mt", "{\"tenant_id\":" + demo.tenantId() + ","
					+ common + "\"type\":\"template\",\"template\":{\"name\":\"order_update\",\"language\":{\"code\":\"en_US\"}}}");
			default -> throw new IllegalArgumentException(endpoint.name());
		};
	}

	private static void assertRefused(Response response, int metaCode) {
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.code()).isEqualTo(9099);
		assertThat(response.json().get("message").asString()).isEqualTo("WhatsApp error");
		JsonNode error = response.data().get("error");
		assertThat(error.get("code").asInt()).isEqualTo(metaCode);
		assertThat(error.get("message").asString()).startsWith("(#" + metaCode + ")");
		assertThat(error.get("type").asString()).isEqualTo("OAuthException");
		assertThat(error.get("fbtrace_id").asString()).isNotBlank();
		assertThat(error.get("error_data").get("messaging_product").asString()).isEqualTo("whatsapp");
		assertThat(error.get("error_data").get("details").asString()).isNotBlank();
	}

	@Test
	void aPhoneSendsItsBurstAtOnceThenItsRate() {
		start(NxCloudSimulator.builder().phoneRate(2, 2));
		String phone = this.sim.demoAccount().businessPhone();
		assertThat(mt(phone, "8613600000001").code()).isZero();
		assertThat(mt(phone, "8613600000002").code()).isZero();
		assertRefused(mt(phone, "8613600000003"), 130429);
		assertThat(this.sim.messages()).as("a refused send is not sent").hasSize(2);
		this.sim.clock().shift(Duration.ofMillis(499));
		assertRefused(mt(phone, "8613600000003"), 130429);
		this.sim.clock().shift(Duration.ofMillis(1));
		assertThat(mt(phone, "8613600000003").code()).isZero();
		assertRefused(mt(phone, "8613600000004"), 130429);
		this.sim.clock().shift(Duration.ofSeconds(10));
		assertThat(mt(phone, "8613600000004").code()).isZero();
		assertThat(mt(phone, "8613600000005").code()).isZero();
		assertRefused(mt(phone, "8613600000006"), 130429);
		assertThat(this.sim.requests(Endpoint.MT)).extracting(RecordedRequest::code)
			.containsExactly(0, 0, 9099, 9099, 0, 9099, 0, 0, 9099);
	}

	@Test
	void eachPhoneHasItsOwnBucket() {
		start(NxCloudSimulator.builder().phoneRate(1));
		assertThat(mt(this.sim.demoAccount().businessPhone(), "8613600000001").code()).isZero();
		assertRefused(mt(this.sim.demoAccount().businessPhone(), "8613600000002"), 130429);
		assertThat(mt(OTHER_PHONE, "8613600000002").code()).isZero();
	}

	@ParameterizedTest
	@EnumSource(value = Endpoint.class, names = { "MT", "OTP", "SAAS_SEND" })
	void everySendCountsAgainstItsPhone(Endpoint endpoint) {
		start(NxCloudSimulator.builder().phoneRate(1));
		assertThat(send(endpoint, "8613600000001").code()).isZero();
		assertRefused(send(endpoint, "8613600000002"), 130429);
	}

	@Test
	void aRecipientGetsOneMessagePerIntervalFromAPhone() {
		start(NxCloudSimulator.builder().pairRate(Duration.ofSeconds(6)));
		String phone = this.sim.demoAccount().businessPhone();
		assertThat(mt(phone, "8613600000001").code()).isZero();
		assertRefused(mt(phone, "8613600000001"), 131056);
		assertThat(mt(phone, "8613600000002").code()).as("another recipient").isZero();
		assertThat(mt(OTHER_PHONE, "8613600000001").code()).as("another phone").isZero();
		this.sim.clock().shift(Duration.ofMillis(5999));
		assertRefused(mt(phone, "8613600000001"), 131056);
		this.sim.clock().shift(Duration.ofMillis(1));
		assertThat(mt(phone, "8613600000001").code()).isZero();
		assertThat(this.sim.messages()).hasSize(4);
	}

	@ParameterizedTest
	@EnumSource(value = Endpoint.class, names = { "MT", "OTP", "SAAS_SEND" })
	void everySendCountsAgainstItsRecipient(Endpoint endpoint) {
		start(NxCloudSimulator.builder().pairRate(Duration.ofSeconds(6)));
		assertThat(send(endpoint, "8613600000001").code()).isZero();
		assertRefused(send(endpoint, "8613600000001"), 131056);
	}

	@Test
	void aSendRefusedForThroughputTakesNoPairSlot() {
		start(NxCloudSimulator.builder().phoneRate(1).pairRate(Duration.ofSeconds(6)));
		String phone = this.sim.demoAccount().businessPhone();
		assertThat(mt(phone, "8613600000001").code()).isZero();
		assertRefused(mt(phone, "8613600000002"), 130429);
		this.sim.clock().shift(Duration.ofSeconds(1));
		assertThat(mt(phone, "8613600000002").code()).isZero();
	}

	@Test
	void invalidSendsAreRefusedForWhatTheyAreBeforeAnyLimit() {
		start(NxCloudSimulator.builder().phoneRate(1));
		String phone = this.sim.demoAccount().businessPhone();
		assertThat(mt(phone, "8613600000001").code()).isZero();
		assertThat(this.client.post("/api/wa/mt", "mt", "{}").code()).isEqualTo(9000);
	}

	@Test
	void withoutLimitsEverySendGoes() {
		start(NxCloudSimulator.builder());
		for (int i = 0; i < 20; i++) {
			assertThat(mt(this.sim.demoAccount().businessPhone(), "8613600000001").code()).isZero();
		}
	}

	@Test
	void pairsWhoseIntervalIsOverAreForgotten() {
		SimulatorClock clock = new SimulatorClock(this.stopped);
		SendLimits limits = new SendLimits(clock, 0, 0, Duration.ofSeconds(6));
		for (int i = 0; i < 1000; i++) {
			assertThat(limits.admit("15550000001", "86136" + i)).isNull();
		}
		assertThat(limits.trackedPairs()).isEqualTo(1000);
		clock.shift(Duration.ofSeconds(6));
		assertThat(limits.admit("15550000001", "8613700000000")).isNull();
		assertThat(limits.trackedPairs()).isEqualTo(1);
	}

	@Test
	void anHttpStatusCanAskForAWait() {
		start(NxCloudSimulator.builder());
		this.sim.faults().on(Endpoint.MT).next(1).respond(Fault.httpStatus(429, Duration.ofMillis(1500)));
		this.sim.faults().on(Endpoint.MT).next(1).respond(Fault.httpStatus(503));
		Response limited = mt(this.sim.demoAccount().businessPhone(), "8613600000001");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).as("whole seconds, rounded up").isEqualTo("2");
		Response unavailable = mt(this.sim.demoAccount().businessPhone(), "8613600000001");
		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.header("Retry-After")).isNull();
		assertThat(this.sim.messages()).isEmpty();
	}

	@Test
	void theCommandLineSetsTheLimits() {
		start(SimulatorMain.builder(new String[] { "--phone-rate", "1", "--pair-rate", "6s" }));
		String phone = this.sim.demoAccount().businessPhone();
		assertThat(mt(phone, "8613600000001").code()).isZero();
		assertRefused(mt(phone, "8613600000002"), 130429);
		this.sim.clock().shift(Duration.ofSeconds(1));
		assertRefused(mt(phone, "8613600000001"), 131056);
	}

	@Test
	void badLimitsAreRefusedNamingTheOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> NxCloudSimulator.builder().phoneRate(0))
			.withMessageContaining("phoneRate");
		assertThatIllegalArgumentException().isThrownBy(() -> NxCloudSimulator.builder().phoneRate(5, 0))
			.withMessageContaining("burst");
		assertThatIllegalArgumentException().isThrownBy(() -> NxCloudSimulator.builder().pairRate(Duration.ZERO))
			.withMessageContaining("pairRate");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorMain.builder(new String[] { "--phone-rate", "fast" }))
			.withMessage("--phone-rate needs a number, not fast");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorMain.builder(new String[] { "--pair-rate", "soon" }))
			.withMessage("--pair-rate needs a duration such as 6s, 500ms or PT6S, not soon");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulatorMain.builder(new String[] { "--phone-burst", "5" }))
			.withMessage("--phone-burst needs --phone-rate");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.httpStatus(429, Duration.ofSeconds(-1)))
			.withMessageContaining("retryAfter");
	}

}
