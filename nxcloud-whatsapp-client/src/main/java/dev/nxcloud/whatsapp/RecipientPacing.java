package dev.nxcloud.whatsapp;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * One send per interval from a business phone to one recipient, so that a sender stays under WhatsApp's pair rate
 * (about one message every 6 s to the same recipient; beyond it WhatsApp answers 131056). A send gets the recipient's
 * next free turn and waits for it; it is never dropped. A pair is forgotten once its interval is over, so memory holds
 * only the recipients of the last interval or two. Time and waits come from the client's scheduler, so tests can use
 * virtual time. Thread-safe and non-blocking.
 */
final class RecipientPacing {

	private final long intervalNanos;

	private final Scheduler scheduler;

	/** The time from which each pair may be sent to again. */
	private final Map<Pair, Long> nextTurns = new ConcurrentHashMap<>();

	private final AtomicLong nextSweep = new AtomicLong(Long.MIN_VALUE);

	RecipientPacing(Duration interval, Scheduler scheduler) {
		this.intervalNanos = interval.toNanos();
		this.scheduler = scheduler;
	}

	/**
	 * Wait for the recipient's next turn.
	 * @param businessPhone the sending phone, or {@code null} when NxCloud chooses it
	 * @param recipient the recipient
	 * @return completes when the send may go
	 */
	Mono<Void> acquire(@Nullable String businessPhone, String recipient) {
		return Mono.defer(() -> {
			long now = this.scheduler.now(TimeUnit.NANOSECONDS);
			long turn = this.nextTurns.merge(new Pair(businessPhone, recipient), now + this.intervalNanos,
					(next, ifFree) -> Math.max(next, now) + this.intervalNanos) - this.intervalNanos;
			forgetPastPairs(now);
			long wait = turn - now;
			return (wait > 0) ? Mono.delay(Duration.ofNanos(wait), this.scheduler).then() : Mono.empty();
		});
	}

	/** At most once an interval, forget the pairs that may be sent to at once: they behave as if never seen. */
	private void forgetPastPairs(long now) {
		long sweep = this.nextSweep.get();
		if (now >= sweep && this.nextSweep.compareAndSet(sweep, now + this.intervalNanos)) {
			this.nextTurns.values().removeIf((next) -> next <= now);
		}
	}

	int trackedPairs() {
		return this.nextTurns.size();
	}

	private record Pair(@Nullable String businessPhone, String recipient) {
	}

}
