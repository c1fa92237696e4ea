package dev.nxcloud.whatsapp.resilience;

import java.time.Duration;

import dev.nxcloud.whatsapp.InMemorySendRateLimiter;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class NxCloudSendRateLimiterTests {

	@Test
	void sendsOfOnePhoneAreSpacedAndDelayedNotDropped() {
		StepVerifier.withVirtualTime(() -> {
			NxCloudSendRateLimiter limiter = new InMemorySendRateLimiter(2);
			return Flux.range(0, 5).flatMap((i) -> limiter.acquire("15550000001").then(Mono.just(i)));
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
	void phonesArePacedIndependently() {
		StepVerifier.withVirtualTime(() -> {
			NxCloudSendRateLimiter limiter = new InMemorySendRateLimiter(1);
			return Flux.just("15550000001", "15550000002", "15550000001")
				.concatMap((phone) -> limiter.acquire(phone).then(Mono.just(phone)));
		})
			.expectSubscription()
			.expectNext("15550000001", "15550000002")
			.expectNoEvent(Duration.ofMillis(999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("15550000001")
			.verifyComplete();
	}

}
