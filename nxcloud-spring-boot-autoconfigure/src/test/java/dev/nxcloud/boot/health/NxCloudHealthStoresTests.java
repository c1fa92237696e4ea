package dev.nxcloud.boot.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.nxcloud.boot.redis.LocalRedis;
import dev.nxcloud.boot.redis.RedisSendRateLimiter;
import dev.nxcloud.boot.redis.RedisWebhookDeliveryStore;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.whatsapp.InMemorySendRateLimiter;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.SendRate;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.testsupport.SteppedClock;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import dev.nxcloud.whatsapp.webhook.InMemoryWebhookDeliveryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stores the client keeps state in, as the {@code nxcloud} health reports them: their type, and for Redis whether
 * it can be reached; a Redis that cannot be reached makes the health DOWN.
 */
class NxCloudHealthStoresTests {

	private static final Duration BLOCK = Duration.ofSeconds(10);

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start();

	private final DemoAccount demo = this.simulator.demoAccount();

	@AfterEach
	void close() {
		this.simulator.close();
	}

	private Health health(NxCloudHealthIndicator.Store... stores) {
		NxCloudPhoneService phones = TestClients.builder(this.simulator.baseUrl())
			.connection(TestClients.connection(this.simulator.baseUrl(), this.demo.accessKey(),
					this.demo.accessSecret()))
			.appKey(this.demo.appKey())
			.build()
			.phones();
		return new NxCloudHealthIndicator(phones, List.of(), Map.of(), List.of(stores), Duration.ofSeconds(5),
				Duration.ofSeconds(30), new SteppedClock())
			.health()
			.block(BLOCK);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> stores(Health health) {
		return (Map<String, Map<String, Object>>) health.getDetails().get("stores");
	}

	@Test
	void inMemoryStoresAreReportedByType() {
		Health health = health(NxCloudHealthIndicator.Store.of("rate-limit", new InMemorySendRateLimiter(80)),
				NxCloudHealthIndicator.Store.of("webhook-deduplication",
						new InMemoryWebhookDeliveryStore(10, Clock.systemUTC())));
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsKey("phones").doesNotContainKey("reason");
		assertThat(stores(health)).isEqualTo(Map.of("rate-limit", Map.of("type", "memory"), "webhook-deduplication",
				Map.of("type", "memory")));
	}

	@Test
	void aStoreOfTheApplicationsIsReportedByItsClass() {
		NxCloudSendRateLimiter own = new OwnLimiter();
		assertThat(stores(health(NxCloudHealthIndicator.Store.of("rate-limit", own))))
			.containsEntry("rate-limit", Map.of("type", OwnLimiter.class.getName()));
	}

	@Test
	void aRedisThatCannotBeReachedIsDown() {
		try (LocalRedis.Connection nowhere = LocalRedis.connect(closedPort())) {
			Health health = health(
					NxCloudHealthIndicator.Store.of("rate-limit",
							new RedisSendRateLimiter(nowhere.template(), (phone) -> new SendRate(80, 1),
									Clock.systemUTC(), Schedulers.parallel())),
					NxCloudHealthIndicator.Store.of("webhook-deduplication",
							new InMemoryWebhookDeliveryStore(10, Clock.systemUTC())));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("reason", "the rate-limit store (redis) cannot be reached")
				.containsKey("phones");
			assertThat(stores(health).get("rate-limit")).containsEntry("type", "redis")
				.containsEntry("reachable", false)
				.hasEntrySatisfying("error", (error) -> assertThat(error.toString()).contains("Unable to connect"));
			assertThat(stores(health).get("webhook-deduplication")).isEqualTo(Map.of("type", "memory"));
		}
	}

	@Test
	@EnabledIf("dev.nxcloud.boot.redis.LocalRedis#availableOrRequired")
	void aReachableRedisIsUp() {
		try (LocalRedis.Connection redis = LocalRedis.connect(LocalRedis.port())) {
			Health health = health(NxCloudHealthIndicator.Store.of("webhook-deduplication",
					new RedisWebhookDeliveryStore(redis.template())));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(stores(health)).isEqualTo(
					Map.of("webhook-deduplication", Map.of("type", "redis", "reachable", true)));
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class OwnLimiter implements NxCloudSendRateLimiter {

		@Override
		public Mono<Boolean> acquire(String businessPhone, Duration maxWait) {
			return Mono.just(true);
		}

	}

}
