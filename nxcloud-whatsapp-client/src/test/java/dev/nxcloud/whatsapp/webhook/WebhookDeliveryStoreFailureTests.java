package dev.nxcloud.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.whatsapp.testsupport.DeliveryKeys;
import dev.nxcloud.whatsapp.testsupport.LogCapture;
import dev.nxcloud.whatsapp.testsupport.SteppedClock;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A delivery store that cannot be used (a shared store that cannot be reached) loses nothing and hands nothing over
 * unchecked: the callback is answered 503 so that NxCloud delivers it again, and a confirm or release that never
 * reached the store holds the redeliveries up for the claim's lease only.
 */
class WebhookDeliveryStoreFailureTests {

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final Duration TTL = Duration.ofDays(7);

	private static final byte[] TWO_STATUSES = "{\"statuses\":[{\"id\":\"m1\",\"status\":\"read\"},{\"id\":\"m2\",\"status\":\"read\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] ONE_STATUS = "{\"statuses\":[{\"id\":\"m1\",\"status\":\"read\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	private final SteppedClock clock = new SteppedClock();

	private final List<String> handed = new ArrayList<>();

	private final FlakyStore store = new FlakyStore(new InMemoryWebhookDeliveryStore(100, this.clock));

	private boolean listenerFails;

	private final List<HttpStatus> redeliveredMeanwhile = new ArrayList<>();

	private boolean redeliverWhileHandling;

	private final NxCloudWebhookHandler handler = new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), null,
			this::listen, new NxCloudWebhookEvents(), this.store, LEASE, TTL);

	private void listen(NxCloudWebhookEvent event) {
		if (this.redeliverWhileHandling) {
			this.redeliverWhileHandling = false;
			this.redeliveredMeanwhile.add(this.handler.handle(new HttpHeaders(), ONE_STATUS));
		}
		if (this.listenerFails) {
			throw new IllegalStateException("listener failed");
		}
		this.handed.add(((MessageStatusEvent) event).status().id());
	}

	@Test
	void aStoreThatCannotBeReachedGets503AndTheRedeliveryIsHandedOverFromWhereItStopped() {
		this.store.failOnClaim = 2;
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			assertThat(this.handler.handle(new HttpHeaders(), TWO_STATUSES)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(output.text()).contains("WARN The NxCloud webhook delivery store failed; answering 503 without "
					+ "handing the event over, so that NxCloud delivers the callback again: "
					+ "java.lang.IllegalStateException: Redis is away");
		}
		assertThat(this.handed).containsExactly("m1");
		assertThat(this.handler.handle(new HttpHeaders(), TWO_STATUSES)).isEqualTo(HttpStatus.OK);
		assertThat(this.handed).containsExactly("m1", "m2");
	}

	@Test
	void aRedeliveryWhileTheFirstAttemptIsHandlingTheEventIsAnswered503NotSkipped() {
		this.redeliverWhileHandling = true;
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			assertThat(this.handler.handle(new HttpHeaders(), ONE_STATUS)).isEqualTo(HttpStatus.OK);
			assertThat(output.text()).contains("INFO An NxCloud webhook event is being handed over by another attempt "
					+ "(for at most PT5M); answering 503 so that NxCloud delivers the callback again, in case that "
					+ "attempt fails");
		}
		assertThat(this.redeliveredMeanwhile).containsExactly(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.handed).containsExactly("m1");
	}

	@Test
	void aConfirmedDeliveryIsSkippedForTheFullTimeToLive() {
		assertThat(this.handler.handle(new HttpHeaders(), ONE_STATUS)).isEqualTo(HttpStatus.OK);
		this.clock.advance(TTL.minusMinutes(1));
		assertThat(this.handler.handle(new HttpHeaders(), ONE_STATUS)).isEqualTo(HttpStatus.OK);
		assertThat(this.handed).containsExactly("m1");
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.handler.handle(new HttpHeaders(), ONE_STATUS)).isEqualTo(HttpStatus.OK);
		assertThat(this.handed).containsExactly("m1", "m1");
	}

	@Test
	void aReleaseThatFailsIsAnswered500AndTheRedeliveryAfterTheLeaseIsHandedOver() {
		this.listenerFails = true;
		this.store.failOnRelease = true;
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			assertThat(this.handler.handle(new HttpHeaders(), TWO_STATUSES))
				.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
			assertThat(output.text()).contains("WARN The NxCloud webhook delivery store failed to release an event "
					+ "whose listener failed: its redeliveries are answered 503 until the claim expires (PT5M), then "
					+ "handed over; the event's key was " + DeliveryKeys.of("status\u0000m1\u0000READ")
					+ ": java.lang.IllegalStateException: Redis is away");
		}
		this.listenerFails = false;
		this.store.failOnRelease = false;
		this.clock.advance(LEASE.minusSeconds(1));
		assertThat(this.handler.handle(new HttpHeaders(), TWO_STATUSES)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.handed).isEmpty();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.handler.handle(new HttpHeaders(), TWO_STATUSES)).isEqualTo(HttpStatus.OK);
		assertThat(this.handed).containsExactly("m1", "m2");
	}

	@Test
	void aConfirmThatFailsStillAnswers200ForTheEventWasHandedOver() {
		this.store.failOnConfirm = true;
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			assertThat(this.handler.handle(new HttpHeaders(), ONE_STATUS)).isEqualTo(HttpStatus.OK);
			assertThat(output.text()).contains("WARN The NxCloud webhook delivery store failed to confirm an event "
					+ "handed over: a redelivery after its claim expires (PT5M) would be handed over again; the event's "
					+ "key was " + DeliveryKeys.of("status\u0000m1\u0000READ")
					+ ": java.lang.IllegalStateException: Redis is away");
		}
		assertThat(this.handed).containsExactly("m1");
		this.store.failOnConfirm = false;
		assertThat(this.handler.handle(new HttpHeaders(), ONE_STATUS)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		this.clock.advance(LEASE);
		assertThat(this.handler.handle(new HttpHeaders(), ONE_STATUS)).as("at least once: never lost")
			.isEqualTo(HttpStatus.OK);
		assertThat(this.handed).containsExactly("m1", "m1");
	}

	@Test
	void aLeaseThatIsNotPositiveOrLongerThanTheTimeToLiveIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), null, this::listen,
					new NxCloudWebhookEvents(), this.store, Duration.ZERO, TTL))
			.withMessage("claimTimeout must be positive (got PT0S)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), null, this::listen,
					new NxCloudWebhookEvents(), this.store, Duration.ofDays(8), TTL))
			.withMessage("claimTimeout must not be longer than deduplicationTimeToLive (got PT192H and PT168H)");
	}

	/** Fails the given claim (counting from 1), or every confirm or release. */
	private static final class FlakyStore implements WebhookDeliveryStore {

		private final WebhookDeliveryStore delegate;

		private int claims;

		private int failOnClaim;

		private boolean failOnConfirm;

		private boolean failOnRelease;

		FlakyStore(WebhookDeliveryStore delegate) {
			this.delegate = delegate;
		}

		@Override
		public Claim claim(String key, Duration lease) {
			if (++this.claims == this.failOnClaim) {
				throw new IllegalStateException("Redis is away");
			}
			return this.delegate.claim(key, lease);
		}

		@Override
		public void confirm(String key, Duration timeToLive) {
			if (this.failOnConfirm) {
				throw new IllegalStateException("Redis is away");
			}
			this.delegate.confirm(key, timeToLive);
		}

		@Override
		public void release(String key) {
			if (this.failOnRelease) {
				throw new IllegalStateException("Redis is away");
			}
			this.delegate.release(key);
		}

	}

}
