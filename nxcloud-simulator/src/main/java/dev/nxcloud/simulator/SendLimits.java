package dev.nxcloud.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * WhatsApp's sending limits, when the simulator is built to enforce them: a throughput per business phone (a token
 * bucket of {@code burst} messages refilled at {@code messagesPerSecond}; beyond it Meta's 130429) and a pair rate
 * per business phone and recipient (one message per interval; a second one sooner is Meta's 131056). Time is the
 * simulator's clock, so tests move it instead of waiting. A refused send takes no token and no pair slot.
 * <p>
 * The bucket is kept in whole nanoseconds, as the time at which it would be full again (the "theoretical arrival
 * time" of the generic cell rate algorithm): a send is admitted when, after adding its share, the bucket would be full
 * again no later than {@code burst} shares from now.
 */
final class SendLimits {

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final Clock clock;

	private final long shareNanos;

	private final long bucketNanos;

	private final long pairIntervalNanos;

	private final Map<String, Long> fullAgainAt = new HashMap<>();

	private final Map<Pair, Long> lastSends = new HashMap<>();

	private long nextSweep = Long.MIN_VALUE;

	/**
	 * @param messagesPerSecond the throughput of each phone, 0 for none
	 * @param burst the size of each phone's bucket
	 * @param pairInterval the shortest time between two messages to one recipient, {@code null} for none
	 */
	SendLimits(Clock clock, double messagesPerSecond, int burst, @Nullable Duration pairInterval) {
		this.clock = clock;
		this.shareNanos = (messagesPerSecond > 0) ? Math.max(1, Math.round(NANOS_PER_SECOND / messagesPerSecond)) : 0;
		this.bucketNanos = this.shareNanos * burst;
		this.pairIntervalNanos = (pairInterval != null) ? pairInterval.toNanos() : 0;
	}

	/**
	 * Count a send if the limits allow it.
	 * @return the error that refuses it, or {@code null} when it is admitted
	 */
	synchronized @Nullable MetaError admit(String businessPhone, String recipient) {
		long now = nanos(this.clock.instant());
		long phoneFullAgainAt = 0;
		if (this.shareNanos > 0) {
			phoneFullAgainAt = Math.max(this.fullAgainAt.getOrDefault(businessPhone, now), now) + this.shareNanos;
			if (phoneFullAgainAt - now > this.bucketNanos) {
				return MetaError.THROUGHPUT_REACHED;
			}
		}
		Pair pair = new Pair(businessPhone, recipient);
		if (this.pairIntervalNanos > 0) {
			Long last = this.lastSends.get(pair);
			if (last != null && now - last < this.pairIntervalNanos) {
				return MetaError.PAIR_RATE_LIMIT_HIT;
			}
		}
		if (this.shareNanos > 0) {
			this.fullAgainAt.put(businessPhone, phoneFullAgainAt);
		}
		if (this.pairIntervalNanos > 0) {
			this.lastSends.put(pair, now);
			forgetPastPairs(now);
		}
		return null;
	}

	/** At most once an interval, forget the pairs whose interval is over, so memory follows the recent recipients. */
	private void forgetPastPairs(long now) {
		if (now < this.nextSweep) {
			return;
		}
		this.lastSends.values().removeIf((last) -> now - last >= this.pairIntervalNanos);
		this.nextSweep = now + this.pairIntervalNanos;
	}

	synchronized int trackedPairs() {
		return this.lastSends.size();
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
	}

	private record Pair(String businessPhone, String recipient) {
	}

}
