package dev.nxcloud.boot.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.nxcloud.whatsapp.testsupport.DeliveryKeys;
import dev.nxcloud.whatsapp.webhook.MessageStatusEvent;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookDecoder;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvent;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvents;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances' webhook handlers over one real Redis, one of them through a link the test breaks: a claim Redis
 * applied but whose answer was lost, or a release that never arrived, holds the redeliveries up (answered 503) for
 * the lease only, after which a redelivery is handed over, once; a confirmed delivery is skipped for the full time to
 * live. Leases expire in Redis's own time, so the tests use short ones and wait (bounded) for them.
 */
@EnabledIf("dev.nxcloud.boot.redis.LocalRedis#availableOrRequired")
class RedisWebhookClaimTests {

	private static final Duration TTL = Duration.ofDays(7);

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private final RedisLink link = new RedisLink(LocalRedis.port());

	private final LocalRedis.Connection broken = LocalRedis.connect(this.link.port());

	private final LocalRedis.Connection direct = LocalRedis.connect(LocalRedis.port());

	private final String id = "wamid." + UUID.randomUUID();

	private final byte[] callback = ("{\"statuses\":[{\"id\":\"" + this.id + "\",\"status\":\"read\"}]}")
		.getBytes(StandardCharsets.UTF_8);

	private final String redisKey = RedisWebhookDeliveryStore
		.redisKey(DeliveryKeys.of("status\u0000" + this.id + "\u0000READ"));

	private final List<String> handed = new CopyOnWriteArrayList<>();

	private volatile boolean listenerCutsTheLinkAndFails;

	@AfterEach
	void close() {
		this.broken.close();
		this.direct.close();
		this.link.close();
	}

	@Test
	void aClaimWhoseAnswerIsLostHoldsRedeliveriesUpForTheLeaseOnly() throws Exception {
		Duration lease = Duration.ofSeconds(3);
		NxCloudWebhookHandler first = handler(this.broken, lease);
		NxCloudWebhookHandler second = handler(this.direct, lease);
		this.broken.template().hasKey(this.redisKey).block(TIMEOUT);
		this.link.holdReplies();
		CompletableFuture<HttpStatus> lost = CompletableFuture.supplyAsync(() -> handle(first));
		await().atMost(TIMEOUT).until(() -> "in-progress".equals(value()));
		this.link.cut();
		assertThat(pttl()).as("the lease").isPositive().isLessThanOrEqualTo(lease);
		assertThat(handle(second)).as("in progress on the other instance").isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(lost.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.handed).isEmpty();

		await().atMost(TIMEOUT).until(() -> handle(second) == HttpStatus.OK);
		assertThat(this.handed).containsExactly(this.id);
		assertThat(value()).isEqualTo("handled");
		assertThat(handle(second)).isEqualTo(HttpStatus.OK);
		assertThat(this.handed).containsExactly(this.id);
	}

	@Test
	void aConfirmedDeliveryIsSkippedByEveryInstanceForTheFullTimeToLive() {
		NxCloudWebhookHandler first = handler(this.direct, Duration.ofMinutes(5));
		NxCloudWebhookHandler second = handler(LocalRedis.connect(LocalRedis.port()), Duration.ofMinutes(5));
		assertThat(handle(first)).isEqualTo(HttpStatus.OK);
		assertThat(value()).isEqualTo("handled");
		assertThat(pttl()).isBetween(TTL.minusMinutes(1), TTL);
		assertThat(handle(second)).isEqualTo(HttpStatus.OK);
		assertThat(handle(first)).isEqualTo(HttpStatus.OK);
		assertThat(this.handed).containsExactly(this.id);
	}

	@Test
	void aFailedListenerWhoseReleaseFailsIsHandedOverAgainAfterTheLease() {
		Duration lease = Duration.ofSeconds(5);
		NxCloudWebhookHandler first = handler(this.broken, lease);
		NxCloudWebhookHandler second = handler(this.direct, lease);
		this.listenerCutsTheLinkAndFails = true;
		assertThat(handle(first)).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		this.listenerCutsTheLinkAndFails = false;
		assertThat(value()).as("the release never arrived").isEqualTo("in-progress");
		assertThat(handle(second)).as("in progress until the lease passes").isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.handed).isEmpty();

		await().atMost(TIMEOUT).until(() -> handle(second) == HttpStatus.OK);
		assertThat(this.handed).containsExactly(this.id);
		assertThat(handle(second)).isEqualTo(HttpStatus.OK);
		assertThat(this.handed).containsExactly(this.id);
	}

	private NxCloudWebhookHandler handler(LocalRedis.Connection redis, Duration lease) {
		return new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), null, this::listen, new NxCloudWebhookEvents(),
				new RedisWebhookDeliveryStore(redis.template()), lease, TTL);
	}

	private void listen(NxCloudWebhookEvent event) {
		if (this.listenerCutsTheLinkAndFails) {
			this.link.cut();
			throw new IllegalStateException("listener failed");
		}
		this.handed.add(((MessageStatusEvent) event).status().id());
	}

	private HttpStatus handle(NxCloudWebhookHandler handler) {
		return handler.handle(new HttpHeaders(), this.callback);
	}

	private String value() {
		return this.direct.template().opsForValue().get(this.redisKey).block(TIMEOUT);
	}

	private Duration pttl() {
		return this.direct.template().getExpire(this.redisKey).block(TIMEOUT);
	}

}
