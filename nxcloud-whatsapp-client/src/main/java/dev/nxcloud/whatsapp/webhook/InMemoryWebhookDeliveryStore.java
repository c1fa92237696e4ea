package dev.nxcloud.whatsapp.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default {@link WebhookDeliveryStore}, local to this JVM: it holds at most {@code capacity} keys, forgetting the
 * oldest claim first, and forgets a key once its time to live has passed. Thread-safe.
 */
public final class InMemoryWebhookDeliveryStore implements WebhookDeliveryStore {

	private final int capacity;

	private final Clock clock;

	private final LinkedHashMap<String, Instant> claims = new LinkedHashMap<>();

	/**
	 * Create a store.
	 * @param capacity the most keys remembered; {@code 0} to remember none (every redelivery is handed over)
	 * @param clock the clock that times the keys
	 */
	public InMemoryWebhookDeliveryStore(int capacity, Clock clock) {
		if (capacity < 0) {
			throw new IllegalArgumentException("capacity must not be negative (got " + capacity + ")");
		}
		this.capacity = capacity;
		this.clock = clock;
	}

	@Override
	public synchronized boolean claim(String key, Duration timeToLive) {
		Instant now = this.clock.instant();
		forgetExpired(now);
		if (this.capacity == 0) {
			return true;
		}
		Instant expiry = this.claims.get(key);
		if (expiry != null && expiry.isAfter(now)) {
			return false;
		}
		this.claims.remove(key);
		this.claims.put(key, now.plus(timeToLive));
		if (this.claims.size() > this.capacity) {
			// claims of different lifetimes expire out of order: make room with expired ones before live ones
			this.claims.values().removeIf((claimExpiry) -> !claimExpiry.isAfter(now));
		}
		if (this.claims.size() > this.capacity) {
			Iterator<String> oldest = this.claims.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
		return true;
	}

	@Override
	public synchronized void release(String key) {
		this.claims.remove(key);
	}

	private void forgetExpired(Instant now) {
		Iterator<Map.Entry<String, Instant>> entries = this.claims.entrySet().iterator();
		while (entries.hasNext() && !entries.next().getValue().isAfter(now)) {
			entries.remove();
		}
	}

}
