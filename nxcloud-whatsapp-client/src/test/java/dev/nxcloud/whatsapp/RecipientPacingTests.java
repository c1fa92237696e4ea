package dev.nxcloud.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.nxcloud.whatsapp.testsupport.VirtualWaits;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientPacingTests {

	private static final String PHONE = "15550000001";

	private final VirtualWaits waits = new VirtualWaits();

	private final RecipientPacing pacing = new RecipientPacing(Duration.ofSeconds(6), this.waits);

	private Mono<String> turn(String phone, String recipient) {
		return this.pacing.acquire(phone, recipient).then(Mono.just(phone + ">" + recipient));
	}

	@Test
	void sendsToOneRecipientAreSpacedByTheIntervalAndDelayedNotDropped() {
		List<String> turns = new CopyOnWriteArrayList<>();
		Flux.merge(turn(PHONE, "8613800000001"), turn(PHONE, "8613800000001"), turn(PHONE, "8613800000001"))
			.subscribe(turns::add);
		assertThat(turns).as("the first goes at once").hasSize(1);
		assertThat(this.waits.waits()).containsExactly(Duration.ofSeconds(6), Duration.ofSeconds(12));
		this.waits.advance(Duration.ofMillis(5999));
		assertThat(turns).as("a millisecond before the interval").hasSize(1);
		this.waits.advance(Duration.ofMillis(1));
		assertThat(turns).as("at the interval").hasSize(2);
		this.waits.advance(Duration.ofSeconds(6));
		assertThat(turns).containsOnly(PHONE + ">8613800000001").hasSize(3);
	}

	@Test
	void otherRecipientsAndOtherPhonesDoNotWait() {
		StepVerifier.create(Flux.concat(turn(PHONE, "8613800000001"), turn(PHONE, "8613800000002"),
				turn("15550000002", "8613800000001")))
			.expectNextCount(3)
			.verifyComplete();
		assertThat(this.waits.waits()).isEmpty();
	}

	@Test
	void aRecipientWhoseIntervalIsOverGoesAtOnce() {
		StepVerifier.create(turn(PHONE, "8613800000001")).expectNextCount(1).verifyComplete();
		this.waits.advance(Duration.ofSeconds(6));
		StepVerifier.create(turn(PHONE, "8613800000001")).expectNextCount(1).verifyComplete();
		this.waits.advance(Duration.ofSeconds(5));
		StepVerifier.create(turn(PHONE, "8613800000001"))
			.then(() -> assertThat(this.waits.waits()).containsExactly(Duration.ofSeconds(1)))
			.then(() -> this.waits.advance(Duration.ofSeconds(1)))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void memoryHoldsOnlyTheRecipientsOfTheLastInterval() {
		for (int i = 0; i < 1000; i++) {
			StepVerifier.create(turn(PHONE, "86138" + i)).expectNextCount(1).verifyComplete();
		}
		assertThat(this.pacing.trackedPairs()).isEqualTo(1000);
		this.waits.advance(Duration.ofSeconds(6));
		StepVerifier.create(turn(PHONE, "8613900000000")).expectNextCount(1).verifyComplete();
		assertThat(this.pacing.trackedPairs()).isEqualTo(1);
	}

}
