package dev.nxcloud.boot.redis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;

import dev.nxcloud.whatsapp.SendRate;
import dev.nxcloud.whatsapp.error.NxCloudRateLimitUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Redis stores when nothing answers at Redis's address: the limiter fails the send with a typed error before
 * anything is sent, the delivery store throws (the handler answers 503). Needs no Redis.
 */
class RedisUnreachableTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration LONG_WAIT = Duration.ofHours(1);

	private final LocalRedis.Connection nowhere = LocalRedis.connect(closedPort());

	@AfterEach
	void close() {
		this.nowhere.close();
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aSendFailsBeforeAnythingIsSentAndIsSafeToSendAgain() {
		RedisSendRateLimiter limiter = new RedisSendRateLimiter(this.nowhere.template(),
				(phone) -> new SendRate(80, 1), Clock.systemUTC(), Schedulers.parallel());
		assertThatExceptionOfType(NxCloudRateLimitUnavailableException.class)
			.isThrownBy(() -> limiter.acquire("15550000001", LONG_WAIT).block(TIMEOUT))
			.satisfies((ex) -> {
				assertThat(ex.getBusinessPhone()).isEqualTo("15550000001");
				assertThat(ex.mayHaveReachedNxCloud()).isFalse();
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.getCause()).isInstanceOf(DataAccessException.class);
				assertThat(ex.getMessage()).startsWith(
						"NxCloud failed: the send rate limit of business phone 15550000001 could not be checked (")
					.endsWith("); nothing was sent");
			});
	}

	@Test
	void aPhoneWithoutARateIsNotPacedAndRedisIsNotAsked() {
		RedisSendRateLimiter limiter = new RedisSendRateLimiter(this.nowhere.template(), (phone) -> null,
				Clock.systemUTC(), Schedulers.parallel());
		assertThat(limiter.acquire("15550000001", LONG_WAIT).thenReturn("sent").block(TIMEOUT)).isEqualTo("sent");
	}

	@Test
	void aClaimConfirmOrReleaseThrowsSoThatTheHandlerAnswers503OrTheLeaseExpires() {
		RedisWebhookDeliveryStore store = new RedisWebhookDeliveryStore(this.nowhere.template());
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> store.claim("message\u0000m1",
				Duration.ofMinutes(5)));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> store.confirm("message\u0000m1",
				Duration.ofDays(7)));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> store.release("message\u0000m1"));
		assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> store.ping().block(TIMEOUT));
	}

}
