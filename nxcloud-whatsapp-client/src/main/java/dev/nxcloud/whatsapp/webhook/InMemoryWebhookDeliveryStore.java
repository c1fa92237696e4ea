package dev.nxcloud.whatsapp.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.util.Assert;

/**
 * The default {@link WebhookDeliveryStore}, local to this JVM: it holds at most {@code capacity} keys, forgetting the
 * oldest claim or confirmation first, and forgets a key once its lease or time to live has passed. Thread-safe.
 * <p>
 * Its memory is bounded in bytes whatever callbacks arrive: it holds, per key, the key (64 characters from
 * {@link NxCloudWebhookHandler}, whatever ids a callback carries), its expiry and whether it was handled, nothing
 * else. That is under 256 bytes a key on a 64-bit JVM (about 180 with compressed references, the default below a
 * 32 GB heap), so under {@code 256 * capacity} bytes: 2.5 MB at the starter's default capacity of 10,000.
 */
public final class InMemoryWebhookDeliveryStore implements WebhookDeliveryStore {

	private final int capacity;

	private final Clock clock;

	private final LinkedHashMap<String, Delivery> deliveries = new LinkedHashMap<>();

	/**
	 * Create a store.
	 * @param capacity the most keys remembered; {@code 0} to remember none (every redelivery is handed over)
	 * @param clock the clock that times the keys
	 */
	public InMemoryWebhookDeliveryStore(int capacity, Clock clock) {
		if (capacity < 0) {
			throw new IllegalArgumentException("capacity must not be negative (got " + capacity + ")");
		}
		Assert.notNull(clock, "clock must not be null");
		this.capacity = capacity;
		this.clock = clock;
	}

	@Override
	public synchronized Claim claim(String key, Duration lease) {
		Assert.notNull(key, "key must not be null");
		Assert.notNull(lease, "lease must not be null");
		long now = this.clock.millis();
		forgetExpired(now);
		Delivery known = this.deliveries.get(key);
		if (known != null && known.expiresAfter(now)) {
			return known.handled() ? Claim.HANDLED : Claim.IN_PROGRESS;
		}
		remember(key, new Delivery(now + lease.toMillis(), false), now);
		return Claim.CLAIMED;
	}

	@Override
	public synchronized void confirm(String key, Duration timeToLive) {
		Assert.notNull(key, "key must not be null");
		Assert.notNull(timeToLive, "timeToLive must not be null");
		long now = this.clock.millis();
		remember(key, new Delivery(now + timeToLive.toMillis(), true), now);
	}

	@Override
	public synchronized void release(String key) {
		Assert.notNull(key, "key must not be null");
		this.deliveries.remove(key);
	}

	/** The keys held now, oldest first. */
	synchronized List<String> keys() {
		return List.copyOf(this.deliveries.keySet());
	}

	/** Keep the delivery as the newest, making room if the store is full. */
	private void remember(String key, Delivery delivery, long now) {
		this.deliveries.remove(key);
		this.deliveries.put(key, delivery);
		if (this.deliveries.size() > this.capacity) {
			// leases and times to live expire out of order: make room with expired keys before live ones
			this.deliveries.values().removeIf((known) -> !known.expiresAfter(now));
		}
		if (this.deliveries.size() > this.capacity) {
			Iterator<String> oldest = this.deliveries.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
	}

	private void forgetExpired(long now) {
		Iterator<Map.Entry<String, Delivery>> entries = this.deliveries.entrySet().iterator();
		while (entries.hasNext() && !entries.next().getValue().expiresAfter(now)) {
			entries.remove();
		}
	}

	/** What is held besides the key, a fixed size. */
	private record Delivery(long expiryMillis, boolean handled) {

		boolean expiresAfter(long millis) {
			return this.expiryMillis > millis;
		}

	}

}
