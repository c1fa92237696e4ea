package dev.nxcloud.boot.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of the most recent events handed over (or being handed over), so that redeliveries are recognised. Holds
 * at most {@code capacity} keys, forgetting the oldest first.
 */
final class RecentDeliveries {

	private final Map<String, Boolean> keys;

	RecentDeliveries(int capacity) {
		if (capacity < 0) {
			throw new IllegalArgumentException("capacity must not be negative");
		}
		this.keys = new LinkedHashMap<>(16, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > capacity;
			}

		};
	}

	/**
	 * Claim a key before handing its event over.
	 * @return {@code false} if the event was handed over already or is being handed over now
	 */
	synchronized boolean claim(String key) {
		return this.keys.putIfAbsent(key, Boolean.TRUE) == null;
	}

	/**
	 * Give a claimed key back because handing its event over failed, so that a redelivery is handed over.
	 */
	synchronized void release(String key) {
		this.keys.remove(key);
	}

	synchronized int size() {
		return this.keys.size();
	}

}
