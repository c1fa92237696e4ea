package dev.nxcloud.whatsapp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The default {@link NxCloudSendRateLimiter}, local to this JVM: each send of a phone gets the next free slot,
 * {@code 1 / messagesPerSecond} after the previous one, and waits for it. It delays; it never drops. Thread-safe and
 * non-blocking; time comes from Reactor's parallel scheduler, so tests can use virtual time.
 */
public final class InMemorySendRateLimiter implements NxCloudSendRateLimiter {

	private final long intervalNanos;

	private final Map<String, AtomicLong> nextSlots = new ConcurrentHashMap<>();

	/**
	 * Create a limiter.
	 * @param messagesPerSecond the most sends per second and business phone
	 */
	public InMemorySendRateLimiter(double messagesPerSecond) {
		if (!(messagesPerSecond > 0)) {
			throw new IllegalArgumentException("messagesPerSecond must be positive");
		}
		this.intervalNanos = Math.max(1, Math.round(TimeUnit.SECONDS.toNanos(1) / messagesPerSecond));
	}

	@Override
	public Mono<Void> acquire(String businessPhone) {
		return Mono.defer(() -> {
			long now = Schedulers.parallel().now(TimeUnit.NANOSECONDS);
			AtomicLong nextSlot = this.nextSlots.computeIfAbsent(businessPhone, (phone) -> new AtomicLong(now));
			long slot = nextSlot.getAndAccumulate(now, (next, current) -> Math.max(next, current) + this.intervalNanos);
			long wait = Math.max(slot, now) - now;
			return (wait > 0) ? Mono.delay(Duration.ofNanos(wait)).then() : Mono.empty();
		});
	}

}
