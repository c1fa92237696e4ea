package dev.nxcloud.boot.fleet;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudRedisAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudTime;
import dev.nxcloud.boot.redis.DrivenTime;
import dev.nxcloud.boot.redis.LocalRedis;
import dev.nxcloud.boot.redis.RedisSendRateLimiter;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.RecordedRequest;
import dev.nxcloud.simulator.state.BusinessPhone;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.SendRate;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.message.SentMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances of an application, configured by {@code nxcloud.rate-limit.*} alone ({@code store=redis}, a rate for
 * every phone and an override for the phone they share), pace that phone together through one Redis, and send to one
 * NxCloud (the simulator), which enforces the same rate and burst and answers 9099 (130429) beyond it. Time is driven:
 * the instances (through their {@link NxCloudTime} bean) and the simulator read one {@link DrivenTime}, and the test
 * moves it on only once every send has arrived or is waiting for its slot, so that each send arrives at exactly the
 * slot Redis gave it and nothing depends on how fast this machine is.
 */
@EnabledIf("dev.nxcloud.boot.redis.LocalRedis#availableOrRequired")
class FleetSendPacingTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final SendRate RATE = new SendRate(10, 5);

	private static final int INSTANCES = 3;

	private static final String RECIPIENT = "8613800000000";

	private final DrivenTime time = new DrivenTime();

	private final NxCloudSimulator simulator = NxCloudSimulator.builder()
		.port(0)
		.clock(this.time.clock())
		.phoneRate(RATE.messagesPerSecond(), RATE.burst())
		.build()
		.start();

	private final DemoAccount demo = this.simulator.demoAccount();

	/** A business phone of this run alone, so that its bucket in Redis is new. */
	private final String businessPhone = LocalRedis.uniquePhone();

	private final ApplicationContextRunner instance = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				NxCloudAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, NxCloudRedisAutoConfiguration.class))
		.withPropertyValues("nxcloud.api-url=" + this.simulator.baseUrl(),
				"nxcloud.saas-url=" + this.simulator.baseUrl(), "nxcloud.access-key=" + this.demo.accessKey(),
				"nxcloud.access-secret=" + this.demo.accessSecret(), "nxcloud.app-key=" + this.demo.appKey(),
				"nxcloud.business-phone=" + this.businessPhone, "nxcloud.retry.enabled=false",
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + LocalRedis.port(),
				"nxcloud.rate-limit.store=redis", "nxcloud.rate-limit.messages-per-second=1",
				"nxcloud.rate-limit.phones." + this.businessPhone + ".messages-per-second=" + RATE.messagesPerSecond(),
				"nxcloud.rate-limit.phones." + this.businessPhone + ".burst=" + RATE.burst())
		.withBean(NxCloudTime.class, () -> new NxCloudTime(this.time.clock(), this.time.scheduler()));

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void theSendsAdmittedAcrossAllInstancesNeverExceedTheRatePlusTheBurstInAnySecond() {
		this.simulator.state()
			.addPhone(new BusinessPhone(this.businessPhone, this.demo.appKey(), "+1 555 000 0002", "Fleet",
					"APPROVED", "CONNECTED", "GREEN", "TIER_1K", "VERIFIED"));
		Fleet.run(this.instance, INSTANCES, (instances) -> {
			assertThat(instances).allSatisfy((instance) -> assertThat(instance.getBean(NxCloudSendRateLimiter.class))
				.isInstanceOf(RedisSendRateLimiter.class));
			// each instance offers 20 sends at once: 60 in all, 4 times what the phone may send in a second and more
			List<CompletableFuture<List<SentMessage>>> first = offer(instances, 20);
			driveUntilAdmitted(60);
			assertThat(join(first)).hasSize(60);
			// a quiet period refills the bucket, and the instances offer 10 sends each again
			this.time.advance(Duration.ofSeconds(20).minus(this.time.elapsed()));
			List<CompletableFuture<List<SentMessage>>> second = offer(instances, 10);
			driveUntilAdmitted(90);
			assertThat(join(second)).hasSize(30);
		});
		assertThat(this.simulator.requests()).extracting(RecordedRequest::code).as("no 9099 (130429) answer").containsOnly(0);
		List<Long> admitted = this.simulator.requests()
			.stream()
			.map((request) -> Duration.between(DrivenTime.START, request.receivedAt()).toMillis())
			.sorted()
			.toList();
		// the burst at once, then one send every 100 ms, first come first served across the instances
		List<Long> expected = Stream.concat(slots(0, 60), slots(20_000, 30)).toList();
		assertThat(admitted).containsExactlyElementsOf(expected);
		// in [0 s, 1 s): the burst of 5 at 0 and the slots at 100, 200, ... 900 ms
		assertThat(mostInAnySecond(admitted)).isEqualTo(14)
			.isLessThanOrEqualTo((int) RATE.messagesPerSecond() + RATE.burst());
		assertThat(this.simulator.messages()).hasSize(90)
			.allSatisfy((message) -> assertThat(message.businessPhone()).isEqualTo(this.businessPhone));
	}

	private List<CompletableFuture<List<SentMessage>>> offer(List<AssertableApplicationContext> instances,
			int sendsEach) {
		return instances.stream()
			.map((instance) -> instance.getBean(NxCloudMessageService.class))
			.map((messages) -> Flux.range(0, sendsEach)
				.flatMap((i) -> messages.send(Message.text(RECIPIENT, "fleet " + i)), sendsEach)
				.collectList()
				.toFuture())
			.toList();
	}

	/**
	 * Moves time on in steps of 10 ms until every send offered so far is admitted, each step only once every send has
	 * Redis's answer.
	 */
	private void driveUntilAdmitted(int sends) {
		while (true) {
			await().pollDelay(Duration.ZERO)
				.pollInterval(Duration.ofMillis(2))
				.atMost(TIMEOUT)
				.until(() -> this.simulator.requests().size() + this.time.waiting() == sends);
			if (this.simulator.requests().size() == sends) {
				return;
			}
			this.time.advance(Duration.ofMillis(10));
		}
	}

	private static List<SentMessage> join(List<CompletableFuture<List<SentMessage>>> sends) {
		return sends.stream().flatMap((send) -> send.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join().stream()).toList();
	}

	/** The slots of {@code sends} sends offered at once at {@code startMillis} on a full bucket. */
	private static Stream<Long> slots(long startMillis, int sends) {
		return IntStream.range(0, sends)
			.mapToObj((i) -> startMillis + Math.max(0, i - RATE.burst() + 1) * 1000 / (long) RATE.messagesPerSecond());
	}

	private static int mostInAnySecond(List<Long> admittedMillis) {
		int most = 0;
		for (long start : admittedMillis) {
			int inThisSecond = (int) admittedMillis.stream().filter((at) -> at >= start && at < start + 1000).count();
			most = Math.max(most, inThisSecond);
		}
		return most;
	}

}
