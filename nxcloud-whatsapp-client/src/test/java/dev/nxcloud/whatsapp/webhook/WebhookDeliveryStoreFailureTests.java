package dev.nxcloud.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.whatsapp.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A delivery store that cannot be used (a shared store that cannot be reached) loses nothing and hands nothing over
 * unchecked: the callback is answered 503 so that NxCloud delivers it again.
 */
class WebhookDeliveryStoreFailureTests {

	private static final byte[] TWO_STATUSES = "{\"statuses\":[{\"id\":\"m1\",\"status\":\"read\"},{\"id\":\"m2\",\"status\":\"read\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	private final List<String> handed = new ArrayList<>();

	private final FlakyStore store = new FlakyStore();

	private boolean listenerFails;

	private final NxCloudWebhookHandler handler = new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), null,
			(event) -> {
				if (this.listenerFails) {
					throw new IllegalStateException("listener failed");
				}
				this.handed.add(((MessageStatusEvent) event).status().id());
			}, new NxCloudWebhookEvents(), this.store, Duration.ofDays(7));

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
	void aReleaseThatFailsStillAnswers500AndSaysWhichEventIsStuck() {
		this.listenerFails = true;
		this.store.failOnRelease = true;
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			assertThat(this.handler.handle(new HttpHeaders(), TWO_STATUSES))
				.isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
			assertThat(output.text()).contains("ERROR The NxCloud webhook delivery store failed to release an event "
					+ "whose listener failed: its redeliveries are skipped until the claim expires (PT168H); the event "
					+ "was status m1 READ");
		}
	}

	/** Fails the given claim (counting from 1), or every release. */
	private static final class FlakyStore implements WebhookDeliveryStore {

		private final InMemoryWebhookDeliveryStore delegate = new InMemoryWebhookDeliveryStore(100, Clock.systemUTC());

		private int claims;

		private int failOnClaim;

		private boolean failOnRelease;

		@Override
		public boolean claim(String key, Duration timeToLive) {
			if (++this.claims == this.failOnClaim) {
				throw new IllegalStateException("Redis is away");
			}
			return this.delegate.claim(key, timeToLive);
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
