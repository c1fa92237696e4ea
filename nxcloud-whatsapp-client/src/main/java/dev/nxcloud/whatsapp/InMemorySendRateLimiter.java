package dev.nxcloud.whatsapp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The default {@link NxCloudSendRateLimiter}, local to this JVM: each phone has its own {@link SendRate token
 * bucket}, and each send of a phone gets the next free slot and waits for it: at once while the bucket holds a
 * token, else {@code 1 / messagesPerSecond} after the previous slot. A send whose slot is further away than the
 * longest wait is refused and takes no slot. Thread-safe and
 * non-blocking; time comes from Reactor's parallel scheduler, so tests can use virtual time.
 */
public final class InMemorySendRateLimiter implements NxCloudSendRateLimiter {

	private final Function<String, @Nullable SendRate> rates;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	/**
	 * Create a limiter that spaces the sends of each phone evenly (a burst of 1).
	 * @param messagesPerSecond the most sends per second and business phone
	 */
	public InMemorySendRateLimiter(double messagesPerSecond) {
		this(new SendRate(messagesPerSecond, 1));
	}

	/**
	 * Create a limiter that paces every phone alike.
	 * @param rate the pace of each business phone
	 */
	public InMemorySendRateLimiter(SendRate rate) {
		this((phone) -> rate);
	}

	/**
	 * Create a limiter that paces each phone at its own rate.
	 * @param rates the pace of a business phone, or {@code null} for a phone whose sends are not paced; asked once
	 * per phone
	 */
	public InMemorySendRateLimiter(Function<String, @Nullable SendRate> rates) {
		this.rates = rates;
	}

	@Override
	public Mono<Boolean> acquire(String businessPhone, Duration maxWait) {
		return Mono.defer(() -> {
			long now = Schedulers.parallel().now(TimeUnit.NANOSECONDS);
			Bucket bucket = this.buckets.computeIfAbsent(businessPhone, (phone) -> new Bucket(this.rates.apply(phone), now));
			long wait = bucket.take(now, maxWait.toNanos());
			if (wait < 0) {
				return Mono.just(false);
			}
			return (wait > 0) ? Mono.delay(Duration.ofNanos(wait)).thenReturn(true) : Mono.just(true);
		});
	}

	/**
	 * The slots of one phone: the next free slot moves on by the interval with each send, and a full bucket lets the
	 * next {@code burst - 1} slots go early.
	 */
	private static final class Bucket {

		private final long intervalNanos;

		private final long burstNanos;

		private final AtomicLong nextSlot;

		Bucket(@Nullable SendRate rate, long now) {
			this.intervalNanos = (rate != null)
					? Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / rate.messagesPerSecond())) : 0;
			this.burstNanos = (rate != null) ? (rate.burst() - 1) * this.intervalNanos : 0;
			this.nextSlot = new AtomicLong(now);
		}

		/**
		 * Takes the next slot and returns how long to wait for it, 0 for at once, or -1, taking nothing, when that is
		 * longer than {@code maxWaitNanos}.
		 */
		long take(long now, long maxWaitNanos) {
			if (this.intervalNanos == 0) {
				return 0;
			}
			while (true) {
				long next = this.nextSlot.get();
				long wait = Math.max(Math.max(next, now) - this.burstNanos, now) - now;
				if (wait > maxWaitNanos) {
					return -1;
				}
				if (this.nextSlot.compareAndSet(next, Math.max(next, now) + this.intervalNanos)) {
					return wait;
				}
			}
		}

	}

}
