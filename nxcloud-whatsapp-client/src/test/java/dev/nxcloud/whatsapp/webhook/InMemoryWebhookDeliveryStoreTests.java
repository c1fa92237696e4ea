package dev.nxcloud.whatsapp.webhook;

import java.time.Duration;

import dev.nxcloud.whatsapp.testsupport.SteppedClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryWebhookDeliveryStoreTests {

	private final SteppedClock clock = new SteppedClock();

	@Test
	void aClaimedKeyIsRefusedUntilItsTimeToLiveHasPassed() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, Duration.ofMinutes(10), this.clock);
		assertThat(store.claim("a")).isTrue();
		this.clock.advance(Duration.ofMinutes(9));
		assertThat(store.claim("a")).isFalse();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(store.claim("a")).isTrue();
	}

	@Test
	void aReleasedKeyCanBeClaimedAgain() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, Duration.ofMinutes(10), this.clock);
		assertThat(store.claim("a")).isTrue();
		store.release("a");
		assertThat(store.claim("a")).isTrue();
		assertThat(store.claim("a")).isFalse();
	}

	@Test
	void beyondItsCapacityTheOldestKeyIsForgotten() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(2, Duration.ofDays(7), this.clock);
		assertThat(store.claim("a")).isTrue();
		assertThat(store.claim("b")).isTrue();
		assertThat(store.claim("c")).isTrue();
		assertThat(store.claim("b")).isFalse();
		assertThat(store.claim("c")).isFalse();
		assertThat(store.claim("a")).isTrue();
	}

	@Test
	void zeroCapacityRemembersNothing() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(0, Duration.ofDays(7), this.clock);
		assertThat(store.claim("a")).isTrue();
		assertThat(store.claim("a")).isTrue();
	}

	@Test
	void badSettingsAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeliveryStore(-1, Duration.ofDays(7), this.clock))
			.withMessage("capacity must not be negative (got -1)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InMemoryWebhookDeliveryStore(1, Duration.ZERO, this.clock))
			.withMessage("timeToLive must be positive (got PT0S)");
	}

}
