package dev.nxcloud.whatsapp.resilience;

import java.time.Duration;
import java.util.Map;

import dev.nxcloud.whatsapp.InMemorySendRateLimiter;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.SendRate;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NxCloudSendRateLimiterTests {

	private static final Duration LONG_WAIT = Duration.ofHours(1);

	@Test
	void sendsOfOnePhoneAreSpacedAndDelayedNotDropped() {
		StepVerifier.withVirtualTime(() -> {
			NxCloudSendRateLimiter limiter = new InMemorySendRateLimiter(2);
			return Flux.range(0, 5).flatMap((i) -> limiter.acquire("15550000001", LONG_WAIT).then(Mono.just(i)));
		})
			.expectSubscription()
			.expectNext(0)
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(1)
			.thenAwait(Duration.ofMillis(500))
			.expectNext(2)
			.thenAwait(Duration.ofMillis(500))
			.expectNext(3)
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(4)
			.verifyComplete();
	}

	@Test
	void aFullBucketLetsTheBurstGoAtOnceThenPacesAtTheRate() {
		StepVerifier.withVirtualTime(() -> {
			NxCloudSendRateLimiter limiter = new InMemorySendRateLimiter(new SendRate(2, 3));
			return Flux.range(0, 5).flatMap((i) -> limiter.acquire("15550000001", LONG_WAIT).then(Mono.just(i)));
		})
			.expectSubscription()
			.expectNext(0, 1, 2)
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(3)
			.expectNoEvent(Duration.ofMillis(499))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(4)
			.verifyComplete();
	}

	@Test
	void aSendWhoseSlotIsFurtherThanTheLongestWaitIsRefusedAtOnceAndTakesNoSlot() {
		Duration maxWait = Duration.ofSeconds(2);
		StepVerifier.withVirtualTime(() -> {
			NxCloudSendRateLimiter limiter = new InMemorySendRateLimiter(new SendRate(1, 1));
			Flux<String> five = Flux.range(0, 5)
				.flatMap((i) -> limiter.acquire("15550000001", maxWait).map((granted) -> i + (granted ? " sent" : " refused")));
			Mono<String> aSecondLater = Mono.delay(Duration.ofSeconds(1))
				.then(limiter.acquire("15550000001", maxWait))
				.map((granted) -> "late " + (granted ? "sent" : "refused"));
			return Flux.merge(five, aSecondLater);
		})
			.expectSubscription()
			.expectNext("0 sent", "3 refused", "4 refused")
			.expectNoEvent(Duration.ofSeconds(1))
			.expectNext("1 sent")
			.expectNoEvent(Duration.ofSeconds(1))
			.expectNext("2 sent")
			.as("the refusals took no slot: the late send's slot, at 3 s, is within 2 s of 1 s")
			.expectNoEvent(Duration.ofSeconds(1))
			.expectNext("late sent")
			.verifyComplete();
	}

	@Test
	void aQuietPhoneRefillsItsBucketUpToTheBurst() {
		StepVerifier.withVirtualTime(() -> {
			NxCloudSendRateLimiter limiter = new InMemorySendRateLimiter(new SendRate(1, 2));
			Flux<Integer> first = Flux.range(0, 2).flatMap((i) -> limiter.acquire("15550000001", LONG_WAIT).then(Mono.just(i)));
			Flux<Integer> afterAQuietHour = Mono.delay(Duration.ofHours(1))
				.thenMany(Flux.range(10, 3).concatMap((i) -> limiter.acquire("15550000001", LONG_WAIT).then(Mono.just(i))));
			return first.concatWith(afterAQuietHour);
		})
			.expectSubscription()
			.expectNext(0, 1)
			.thenAwait(Duration.ofHours(1))
			.expectNext(10, 11)
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext(12)
			.verifyComplete();
	}

	@Test
	void eachPhoneHasItsOwnRateAndAPhoneWithoutOneIsNotPaced() {
		Map<String, SendRate> rates = Map.of("15550000001", new SendRate(1, 1), "15550000002", new SendRate(4, 1));
		StepVerifier.withVirtualTime(() -> {
			NxCloudSendRateLimiter limiter = new InMemorySendRateLimiter(rates::get);
			return Flux.just("15550000001", "15550000002", "15550000002", "15550000001", "15550000009",
					"15550000009")
				.flatMap((phone) -> limiter.acquire(phone, LONG_WAIT).then(Mono.just(phone)));
		})
			.expectSubscription()
			.expectNext("15550000001", "15550000002", "15550000009", "15550000009")
			.expectNoEvent(Duration.ofMillis(249))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("15550000002")
			.expectNoEvent(Duration.ofMillis(749))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("15550000001")
			.verifyComplete();
	}

	@Test
	void aRateMustBePositiveAndABurstAtLeastOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SendRate(0, 1))
			.withMessage("messagesPerSecond must be positive (got 0.0)");
		assertThatIllegalArgumentException().isThrownBy(() -> new SendRate(80, 0))
			.withMessage("burst must be at least 1 (got 0)");
	}

	@Test
	void phonesArePacedIndependently() {
		StepVerifier.withVirtualTime(() -> {
			NxCloudSendRateLimiter limiter = new InMemorySendRateLimiter(1);
			return Flux.just("15550000001", "15550000002", "15550000001")
				.concatMap((phone) -> limiter.acquire(phone, LONG_WAIT).then(Mono.just(phone)));
		})
			.expectSubscription()
			.expectNext("15550000001", "15550000002")
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("15550000001")
			.verifyComplete();
	}

}
