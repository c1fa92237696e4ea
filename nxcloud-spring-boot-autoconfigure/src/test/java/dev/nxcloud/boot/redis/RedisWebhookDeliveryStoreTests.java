package dev.nxcloud.boot.redis;

import java.time.Duration;
import java.util.UUID;

import dev.nxcloud.whatsapp.testsupport.DeliveryKeys;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore.Claim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery store against a real Redis: one claim wins across stores (instances) and is in progress for the others,
 * a release lets the next one win, a confirmation makes it handled; claims live for their lease, confirmations for
 * their time to live, and keys have one small size whatever the delivery key.
 */
@EnabledIf("dev.nxcloud.boot.redis.LocalRedis#availableOrRequired")
class RedisWebhookDeliveryStoreTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final Duration TTL = Duration.ofDays(7);

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
	void aDeliveryIsClaimedOnceAcrossInstancesUntilReleasedAndHandledOnceConfirmed() {
		assertThat(this.store.claim(this.key, LEASE)).isEqualTo(Claim.CLAIMED);
		assertThat(this.otherInstance.claim(this.key, LEASE)).isEqualTo(Claim.IN_PROGRESS);
		assertThat(this.store.claim(this.key, LEASE)).isEqualTo(Claim.IN_PROGRESS);
		this.store.release(this.key);
		assertThat(this.otherInstance.claim(this.key, LEASE)).isEqualTo(Claim.CLAIMED);
		this.otherInstance.confirm(this.key, TTL);
		assertThat(this.store.claim(this.key, LEASE)).isEqualTo(Claim.HANDLED);
		assertThat(this.otherInstance.claim(this.key, LEASE)).isEqualTo(Claim.HANDLED);
	}

	@Test
	void aClaimLivesForItsLeaseAndAConfirmationForItsTimeToLive() {
		this.store.claim(this.key, LEASE);
		assertThat(expiry()).isBetween(LEASE.minusMinutes(1), LEASE);
		this.store.confirm(this.key, TTL);
		assertThat(expiry()).isBetween(TTL.minusMinutes(1), TTL);
	}

	@Test
	void aConfirmAfterTheLeasePassedStillRemembersTheDeliveryAsHandled() {
		this.store.confirm(this.key, TTL);
		assertThat(this.otherInstance.claim(this.key, LEASE)).isEqualTo(Claim.HANDLED);
	}

	private Duration expiry() {
		return this.first.template().getExpire(RedisWebhookDeliveryStore.redisKey(this.key)).block(TIMEOUT);
	}

	@Test
	void keysAreTheDeliveryKeyNamespaced() {
		String deliveryKey = DeliveryKeys.of("message\u0000" + "x".repeat(100_000) + UUID.randomUUID());
		assertThat(this.store.claim(deliveryKey, LEASE)).isEqualTo(Claim.CLAIMED);
		String redisKey = RedisWebhookDeliveryStore.redisKey(deliveryKey);
		assertThat(redisKey).isEqualTo("nxcloud:webhook:delivery:" + deliveryKey)
			.matches("nxcloud:webhook:delivery:[0-9a-f]{64}");
		assertThat(this.first.template().opsForValue().get(redisKey).block(TIMEOUT)).isEqualTo("in-progress");
	}

	@Test
	void theStoreReportsItselfAsAReachableRedis() {
		assertThat(this.store.storeType()).isEqualTo("redis");
		assertThat(this.store.ping().then(Mono.just("pong")).block(TIMEOUT)).isEqualTo("pong");
	}

}
