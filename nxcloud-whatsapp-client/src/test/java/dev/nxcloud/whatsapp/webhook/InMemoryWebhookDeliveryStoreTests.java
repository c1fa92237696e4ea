package dev.nxcloud.whatsapp.webhook;

import java.time.Duration;

import dev.nxcloud.whatsapp.testsupport.SteppedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryWebhookDeliveryStoreTests {

	private static final Duration TTL = Duration.ofMinutes(10);

	private final SteppedClock clock = new SteppedClock();

	@Test
	void aClaimedKeyIsRefusedUntilItsTimeToLiveHasPassed() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, this.clock);
		assertThat(store.claim("a", TTL)).isTrue();
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(store.claim("a", TTL)).isFalse();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(store.claim("a", TTL)).isTrue();
	}

	@Test
	void aReleasedKeyCanBeClaimedAgain() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, this.clock);
		assertThat(store.claim("a", TTL)).isTrue();
		store.release("a");
		assertThat(store.claim("a", TTL)).isTrue();
		assertThat(store.claim("a", TTL)).isFalse();
	}

	@Test
	void beyondItsCapacityTheOldestKeyIsForgotten() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(2, this.clock);
		assertThat(store.claim("a", TTL)).isTrue();
		assertThat(store.claim("b", TTL)).isTrue();
		assertThat(store.claim("c", TTL)).isTrue();
		assertThat(store.claim("b", TTL)).isFalse();
		assertThat(store.claim("c", TTL)).isFalse();
		assertThat(store.claim("a", TTL)).isTrue();
	}

	@Test
	void eachClaimKeepsItsOwnTimeToLive() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, this.clock);
		assertThat(store.claim("long", Duration.ofHours(1))).isTrue();
		assertThat(store.claim("short", Duration.ofMinutes(1))).isTrue();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(store.claim("short", Duration.ofMinutes(1))).isTrue();
		assertThat(store.claim("long", Duration.ofHours(1))).isFalse();
	}

	@Test
	void aFullStoreMakesRoomWithExpiredClaimsBeforeLiveOnes() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(2, this.clock);
		assertThat(store.claim("long", Duration.ofHours(1))).isTrue();
		assertThat(store.claim("short", Duration.ofMinutes(1))).isTrue();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(store.claim("new", Duration.ofHours(1))).isTrue();
		assertThat(store.claim("long", Duration.ofHours(1))).isFalse();
		assertThat(store.claim("new", Duration.ofHours(1))).isFalse();
	}

	@Test
	void zeroCapacityRemembersNothing() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(0, this.clock);
		assertThat(store.claim("a", TTL)).isTrue();
		assertThat(store.claim("a", TTL)).isTrue();
	}

	@Test
	void aNegativeCapacityIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryWebhookDeliveryStore(-1, this.clock))
			.withMessage("capacity must not be negative (got -1)");
	}

}
