package dev.nxcloud.whatsapp.webhook;

import java.time.Duration;

import dev.nxcloud.whatsapp.testsupport.SteppedClock;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore.Claim;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryWebhookDeliveryStoreTests {

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final Duration TTL = Duration.ofDays(7);

	private final SteppedClock clock = new SteppedClock();

	@Test
	void aClaimIsInProgressUntilItsLeaseHasPassed() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, this.clock);
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.CLAIMED);
		this.clock.advance(LEASE.minusSeconds(1));
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.IN_PROGRESS);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void aConfirmedDeliveryIsHandledForItsFullTimeToLive() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, this.clock);
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.CLAIMED);
		store.confirm("a", TTL);
		this.clock.advance(TTL.minusSeconds(1));
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.HANDLED);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void aConfirmAfterTheLeasePassedStillRemembersTheDeliveryAsHandled() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, this.clock);
		store.claim("a", LEASE);
		this.clock.advance(LEASE.plusMinutes(1));
		store.confirm("a", TTL);
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.HANDLED);
	}

	@Test
	void aReleasedKeyCanBeClaimedAgain() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, this.clock);
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.CLAIMED);
		store.release("a");
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.CLAIMED);
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void beyondItsCapacityTheOldestKeyIsForgotten() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(2, this.clock);
		store.claim("a", LEASE);
		store.confirm("a", TTL);
		store.claim("b", LEASE);
		store.confirm("b", TTL);
		store.claim("c", LEASE);
		assertThat(store.claim("b", LEASE)).isEqualTo(Claim.HANDLED);
		assertThat(store.claim("c", LEASE)).isEqualTo(Claim.IN_PROGRESS);
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void aConfirmationCountsAsTheNewestKey() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(2, this.clock);
		store.claim("a", LEASE);
		store.claim("b", LEASE);
		store.confirm("a", TTL);
		store.claim("c", LEASE);
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.HANDLED);
		assertThat(store.claim("b", LEASE)).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void aFullStoreMakesRoomWithExpiredLeasesBeforeLiveKeys() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(2, this.clock);
		store.claim("handled", LEASE);
		store.confirm("handled", TTL);
		store.claim("lapsed", LEASE);
		this.clock.advance(LEASE);
		assertThat(store.claim("new", LEASE)).isEqualTo(Claim.CLAIMED);
		assertThat(store.claim("handled", LEASE)).isEqualTo(Claim.HANDLED);
		assertThat(store.claim("new", LEASE)).isEqualTo(Claim.IN_PROGRESS);
	}

	@Test
	void zeroCapacityRemembersNothing() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(0, this.clock);
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.CLAIMED);
		store.confirm("a", TTL);
		assertThat(store.claim("a", LEASE)).isEqualTo(Claim.CLAIMED);
	}

	@Test
	void aNegativeCapacityIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryWebhookDeliveryStore(-1, this.clock))
			.withMessage("capacity must not be negative (got -1)");
	}

	@Test
	void nullArgumentsAreRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryWebhookDeliveryStore(10, null))
			.withMessage("clock must not be null");
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, this.clock);
		assertThatIllegalArgumentException().isThrownBy(() -> store.claim("a", null))
			.withMessage("lease must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> store.claim(null, LEASE))
			.withMessage("key must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> store.confirm("a", null))
			.withMessage("timeToLive must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> store.release(null))
			.withMessage("key must not be null");
		assertThat(store.keys()).isEmpty();
	}

}
