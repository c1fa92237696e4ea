package dev.nxcloud.boot.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import dev.nxcloud.boot.health.NxCloudSharedStore;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.SendRate;
import dev.nxcloud.whatsapp.error.NxCloudRateLimitUnavailableException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * An {@link NxCloudSendRateLimiter} shared by every instance of the application: one {@link SendRate token bucket}
 * per business phone in Redis (a hash at {@value #KEY_PREFIX}{@code <phone>}), taken atomically by a Lua script.
 * <p>
 * Each send takes a token, going into debt when the bucket is empty, and Redis answers how long the token takes to
 * come: the send waits that long on the given scheduler and goes, with no further call to Redis, so sends of all
 * instances get their slots first come, first served, one Redis round trip each. The debt is bounded: when the token
 * would come later than the send's longest wait, the script takes nothing and the send is refused, so a fleet that
 * offers more than the rate sees refusals rather than waits that grow without end, and the slots a crashed instance
 * had reserved hold the others back by at most that wait. Time is the caller's: the script
 * is given this instance's {@link Clock} reading, and never moves a bucket's time backwards, so an instance whose
 * clock is behind (or that steps back) refills nothing until its clock catches up. Keep the instances' clocks
 * synchronised: a clock ahead of the others by {@code d} seconds can let at most {@code d × rate} extra sends go,
 * and never more than the burst at once.
 * <p>
 * When Redis cannot be reached, or does not answer within Spring Data Redis's command timeout
 * ({@code spring.data.redis.timeout}), the send fails with {@link NxCloudRateLimitUnavailableException} before
 * anything is sent: never unpaced, and safe to send again later.
 */
public final class RedisSendRateLimiter implements NxCloudSendRateLimiter, NxCloudSharedStore {

	/**
	 * Prefix of the bucket keys; the business phone follows.
	 */
	public static final String KEY_PREFIX = "nxcloud:rate-limit:";

	/**
	 * Takes a token from a bucket. KEYS[1]: the bucket, a hash of its tokens and of the time they were counted at.
	 * ARGV: the caller's time in microseconds, the rate in tokens per second, the burst (the bucket's capacity), the
	 * longest wait in microseconds. Answers the microseconds from the bucket's time until the token taken is there, 0
	 * when it was, or -1, taking nothing and changing nothing, when that would be longer than the longest wait. The
	 * key lives until the bucket would be full again, and a minute more.
	 */
	static final RedisScript<Long> TAKE_TOKEN = RedisScript.of("""
			local now = tonumber(ARGV[1])
			local rate = tonumber(ARGV[2])
			local burst = tonumber(ARGV[3])
			local max_wait = tonumber(ARGV[4])
			local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
			local tokens = tonumber(bucket[1])
			local at = tonumber(bucket[2])
			if tokens == nil or at == nil then
				tokens = burst
				at = now
			elseif now > at then
				tokens = tokens + (now - at) * rate / 1000000
				at = now
			end
			tokens = math.min(tokens, burst) - 1
			local wait = 0
			if tokens < 0 then
				wait = math.ceil(-tokens * 1000000 / rate)
			end
			if wait > max_wait then
				return -1
			end
			redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', string.format('%.17g', at))
			redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 60000)
			return wait
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final Function<String, @Nullable SendRate> rates;

	private final Clock clock;

	private final Scheduler scheduler;

	/**
	 * Create a limiter.
	 * @param redis the Redis the buckets are kept in
	 * @param rates the pace of a business phone, or {@code null} for a phone whose sends are not paced
	 * @param clock the time given to the buckets
	 * @param scheduler where sends wait for their slot, for example {@code Schedulers.parallel()}
	 */
	public RedisSendRateLimiter(ReactiveStringRedisTemplate redis, Function<String, @Nullable SendRate> rates,
			Clock clock, Scheduler scheduler) {
		this.redis = redis;
		this.rates = rates;
		this.clock = clock;
		this.scheduler = scheduler;
	}

	@Override
	public Mono<Boolean> acquire(String businessPhone, Duration maxWait) {
		return Mono.defer(() -> {
			SendRate rate = this.rates.apply(businessPhone);
			if (rate == null) {
				return Mono.just(true);
			}
			long now = micros(this.clock.instant());
			return this.redis
				.execute(TAKE_TOKEN, List.of(KEY_PREFIX + businessPhone), List.of(Long.toString(now),
						Double.toString(rate.messagesPerSecond()), Integer.toString(rate.burst()),
						Long.toString(TimeUnit.MICROSECONDS.convert(maxWait))))
				.single()
				.onErrorMap((ex) -> new NxCloudRateLimitUnavailableException(businessPhone, ex))
				.flatMap((wait) -> (wait < 0) ? Mono.just(false) : waitUntil(now + wait).thenReturn(true));
		});
	}

	/** Waits until the clock reads {@code slot}, however long Redis took to answer. */
	private Mono<Void> waitUntil(long slot) {
		long wait = slot - micros(this.clock.instant());
		return (wait > 0) ? Mono.delay(Duration.of(wait, ChronoUnit.MICROS), this.scheduler).then() : Mono.empty();
	}

	private static long micros(Instant instant) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
	}

	@Override
	public String storeType() {
		return "redis";
	}

	@Override
	public Mono<Void> ping() {
		return this.redis.execute((connection) -> connection.ping()).then();
	}

}
