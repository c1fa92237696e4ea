package dev.nxcloud.boot.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.nxcloud.whatsapp.SendRate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Lua token bucket, against a real Redis, with the caller's time given in microseconds: burst, refill, debt, a
 * clock that goes backwards, the key's life; and the limiter that waits for the slot Redis gives it.
 */
@EnabledIf("dev.nxcloud.boot.redis.LocalRedis#availableOrRequired")
class RedisSendRateLimiterTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration LONG_WAIT = Duration.ofHours(1);

	private static final long SECOND = 1_000_000;

	private static final long T0 = 1_767_225_600L * SECOND;

	private static final RedisScript<Long> SERVER_MILLIS = RedisScript
		.of("local time = redis.call('TIME') return time[1] * 1000 + math.floor(time[2] / 1000)", Long.class);

	private static final RedisScript<Long> MILLIS_TO_LIVE = RedisScript.of("return redis.call('PTTL', KEYS[1])",
			Long.class);

	private final LocalRedis.Connection redis = LocalRedis.connect(LocalRedis.port());

	private final String phone = LocalRedis.uniquePhone();

	@AfterEach
	void close() {
		this.redis.close();
	}

	/** Takes a token at {@code now} (µs) unless it is more than maxWait (µs) away; answers the µs until it is there. */
	private long take(String phone, long now, double rate, int burst, long maxWait) {
		return this.redis.template()
			.execute(RedisSendRateLimiter.TAKE_TOKEN, List.of(RedisSendRateLimiter.KEY_PREFIX + phone),
					List.of(Long.toString(now), Double.toString(rate), Integer.toString(burst), Long.toString(maxWait)))
			.single()
			.block(TIMEOUT);
	}

	private long take(String phone, long now, double rate, int burst) {
		return take(phone, now, rate, burst, Long.MAX_VALUE);
	}

	private long take(long now, double rate, int burst) {
		return take(this.phone, now, rate, burst);
	}

	@Test
	void aFullBucketLetsTheBurstGoAtOnceThenEachSendWaitsItsTurn() {
		assertThat(List.of(take(T0, 4, 3), take(T0, 4, 3), take(T0, 4, 3))).containsOnly(0L);
		assertThat(take(T0, 4, 3)).isEqualTo(SECOND / 4);
		assertThat(take(T0, 4, 3)).isEqualTo(SECOND / 2);
	}

	@Test
	void theBucketRefillsWithTimeButNeverBeyondTheBurst() {
		for (int i = 0; i < 3; i++) {
			take(T0, 4, 3);
		}
		assertThat(take(T0 + SECOND / 2, 4, 3)).isZero();
		assertThat(take(T0 + SECOND / 2, 4, 3)).isZero();
		assertThat(take(T0 + SECOND / 2, 4, 3)).isEqualTo(SECOND / 4);
		long anHourLater = T0 + 3600 * SECOND;
		assertThat(List.of(take(anHourLater, 4, 3), take(anHourLater, 4, 3), take(anHourLater, 4, 3))).containsOnly(0L);
		assertThat(take(anHourLater, 4, 3)).isEqualTo(SECOND / 4);
	}

	@Test
	void sendsThatWaitAreServedFirstComeFirstServedAndTheDebtIsPaidBeforeRefillCounts() {
		assertThat(List.of(take(T0, 1, 1), take(T0, 1, 1), take(T0, 1, 1), take(T0, 1, 1)))
			.containsExactly(0L, SECOND, 2 * SECOND, 3 * SECOND);
		// two seconds on, two of the three tokens owed are paid back: the next send waits for the last one and its own
		assertThat(take(T0 + 2 * SECOND, 1, 1)).isEqualTo(2 * SECOND);
	}

	@Test
	void aSendWhoseTokenIsFurtherAwayThanTheLongestWaitIsRefusedAndTakesNothing() {
		assertThat(List.of(take(this.phone, T0, 1, 1, 2 * SECOND), take(this.phone, T0, 1, 1, 2 * SECOND),
				take(this.phone, T0, 1, 1, 2 * SECOND)))
			.containsExactly(0L, SECOND, 2 * SECOND);
		assertThat(take(this.phone, T0, 1, 1, 2 * SECOND)).as("three seconds away").isEqualTo(-1);
		assertThat(take(this.phone, T0, 1, 1, 2 * SECOND)).as("still three seconds away: the refusal took nothing")
			.isEqualTo(-1);
		assertThat(take(this.phone, T0 + SECOND, 1, 1, 2 * SECOND)).isEqualTo(2 * SECOND);
	}

	@Test
	void theLimiterAnswersNoAtOnceWhenTheSlotIsTooFarAway() {
		RedisSendRateLimiter limiter = new RedisSendRateLimiter(this.redis.template(), (phone) -> new SendRate(1, 1),
				Clock.fixed(Instant.ofEpochSecond(T0 / SECOND), ZoneOffset.UTC), Schedulers.immediate());
		assertThat(limiter.acquire(this.phone, Duration.ofMillis(500)).block(TIMEOUT)).isTrue();
		assertThat(limiter.acquire(this.phone, Duration.ofMillis(500)).block(TIMEOUT)).isFalse();
		assertThat(take(T0, 1, 1)).as("the refused send took no token").isEqualTo(SECOND);
	}

	@Test
	void aClockThatGoesBackwardsRefillsNothingAndWaitsAreCountedFromTheBucketsTime() {
		take(T0, 1, 2);
		take(T0, 1, 2);
		assertThat(take(T0 - SECOND, 1, 2)).as("a second back: no refill, a token owed").isEqualTo(SECOND);
		assertThat(this.redis.template().<String, String>opsForHash().get(RedisSendRateLimiter.KEY_PREFIX + this.phone, "at").block(TIMEOUT))
			.as("the bucket's time does not move back").isEqualTo(Long.toString(T0));
		assertThat(take(T0 + SECOND / 2, 1, 2)).as("half a token refilled since the bucket's time")
			.isEqualTo(SECOND * 3 / 2);
	}

	@Test
	void eachPhoneHasItsOwnBucket() {
		String other = LocalRedis.uniquePhone();
		take(T0, 1, 1);
		assertThat(take(T0, 1, 1)).isEqualTo(SECOND);
		assertThat(take(other, T0, 1000, 2)).isZero();
		assertThat(take(other, T0, 1000, 2)).isZero();
		assertThat(take(other, T0, 1000, 2)).isEqualTo(SECOND / 1000);
	}

	@Test
	void theKeyLivesUntilTheBucketWouldBeFullAndAMinuteMore() {
		double rate = 4;
		int burst = 3;
		int tokensTaken = 2;
		take(T0, rate, burst);
		long serverMillisBeforeLastTake = serverMillis();
		take(T0, rate, burst);
		long millisToLive = millisToLive(RedisSendRateLimiter.KEY_PREFIX + this.phone);
		long serverMillisSinceLastTake = serverMillis() - serverMillisBeforeLastTake;
		long lifetimeSetByLastTake = (long) Math.ceil(tokensTaken * 1000 / rate) + Duration.ofMinutes(1).toMillis();
		assertThat(millisToLive).isBetween(lifetimeSetByLastTake - serverMillisSinceLastTake, lifetimeSetByLastTake);
	}

	private long serverMillis() {
		return this.redis.template().execute(SERVER_MILLIS).single().block(TIMEOUT);
	}

	private long millisToLive(String key) {
		return this.redis.template().execute(MILLIS_TO_LIVE, List.of(key)).single().block(TIMEOUT);
	}

	@Test
	void theLimiterWaitsOnItsSchedulerForTheSlotRedisGaveItAndPacesEachPhoneAtItsOwnRate() {
		DrivenTime time = new DrivenTime();
		String fast = LocalRedis.uniquePhone();
		Map<String, SendRate> rates = Map.of(this.phone, new SendRate(2, 1), fast, new SendRate(10, 2));
		RedisSendRateLimiter limiter = new RedisSendRateLimiter(this.redis.template(), rates::get, time.clock(),
				time.scheduler());
		List<String> admitted = new ArrayList<>();
		List<Disposable> sends = new ArrayList<>();
		for (String phone : List.of(this.phone, this.phone, this.phone, fast, fast, fast, "15550000009")) {
			sends.add(limiter.acquire(phone, LONG_WAIT).subscribe(null, null, () -> {
				synchronized (admitted) {
					admitted.add(phone + "@" + time.elapsed().toMillis());
				}
			}));
		}
		// every send has Redis's answer: admitted at once, or waiting for its slot
		await().atMost(TIMEOUT).untilAsserted(() -> {
			synchronized (admitted) {
				assertThat(admitted.size() + time.waiting()).isEqualTo(7);
			}
		});
		synchronized (admitted) {
			assertThat(admitted).containsExactlyInAnyOrder(this.phone + "@0", fast + "@0", fast + "@0",
					"15550000009@0");
		}
		time.advance(Duration.ofMillis(99));
		assertThat(admitted).hasSize(4);
		time.advance(Duration.ofMillis(1));
		assertThat(admitted).endsWith(fast + "@100");
		time.advance(Duration.ofMillis(400));
		assertThat(admitted).endsWith(this.phone + "@500");
		time.advance(Duration.ofMillis(500));
		assertThat(admitted).endsWith(this.phone + "@1000").hasSize(7);
		sends.forEach(Disposable::dispose);
	}

}
