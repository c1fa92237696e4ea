package dev.nxcloud.boot.redis;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery store against a real Redis: one claim wins across stores (instances), a release lets the next one
 * win, claims live for their time to live, and keys have one small size whatever the delivery key.
 */
@EnabledIf("dev.nxcloud.boot.redis.LocalRedis#availableOrRequired")
class RedisWebhookDeliveryStoreTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final LocalRedis.Connection first = LocalRedis.connect(LocalRedis.port());

	private final LocalRedis.Connection second = LocalRedis.connect(LocalRedis.port());

	private final RedisWebhookDeliveryStore store = new RedisWebhookDeliveryStore(this.first.template());

	private final RedisWebhookDeliveryStore otherInstance = new RedisWebhookDeliveryStore(this.second.template());

	private final String key = "status\u0000" + UUID.randomUUID() + "\u0000DELIVERED";

	@AfterEach
	void close() {
		this.first.close();
		this.second.close();
	}

	@Test
	void aDeliveryIsClaimedOnceAcrossInstancesUntilReleased() {
		assertThat(this.store.claim(this.key, Duration.ofDays(7))).isTrue();
		assertThat(this.otherInstance.claim(this.key, Duration.ofDays(7))).isFalse();
		assertThat(this.store.claim(this.key, Duration.ofDays(7))).isFalse();
		this.store.release(this.key);
		assertThat(this.otherInstance.claim(this.key, Duration.ofDays(7))).isTrue();
		assertThat(this.store.claim(this.key, Duration.ofDays(7))).isFalse();
	}

	@Test
	void aClaimLivesForItsTimeToLive() {
		this.store.claim(this.key, Duration.ofDays(7));
		Duration ttl = this.first.template().getExpire(RedisWebhookDeliveryStore.redisKey(this.key)).block(TIMEOUT);
		assertThat(ttl).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
	}

	@Test
	void keysAreNamespacedAndOfOneSizeWhateverTheDeliveryKey() {
		String hostile = "message\u0000" + "x".repeat(100_000) + UUID.randomUUID();
		assertThat(this.store.claim(hostile, Duration.ofMinutes(1))).isTrue();
		String redisKey = RedisWebhookDeliveryStore.redisKey(hostile);
		assertThat(redisKey).matches("nxcloud:webhook:delivery:[0-9a-f]{64}");
		assertThat(this.first.template().opsForValue().get(redisKey).block(TIMEOUT)).isEqualTo("1");
		assertThat(RedisWebhookDeliveryStore.redisKey(this.key)).hasSameSizeAs(redisKey).isNotEqualTo(redisKey);
	}

	@Test
	void theStoreReportsItselfAsAReachableRedis() {
		assertThat(this.store.storeType()).isEqualTo("redis");
		assertThat(this.store.ping().then(Mono.just("pong")).block(TIMEOUT)).isEqualTo("pong");
	}

}
