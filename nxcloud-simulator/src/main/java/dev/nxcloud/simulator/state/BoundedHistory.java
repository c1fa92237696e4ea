package dev.nxcloud.simulator.state;

import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;

/**
 * A thread-safe ring buffer that keeps the most recent items, so that long load tests do not exhaust memory.
 *
 * @param <T> the item type
 */
public final class BoundedHistory<T> {

	private final ArrayDeque<T> items = new ArrayDeque<>();

	private final int capacity;

	private long total;

	/**
	 * A history of at most {@code capacity} items; 0 keeps none but still counts them.
	 * @param capacity the capacity
	 */
	public BoundedHistory(int capacity) {
		if (capacity < 0) {
			throw new IllegalArgumentException("capacity must not be negative");
		}
		this.capacity = capacity;
	}

	/**
	 * Adds an item, dropping the oldest one when full.
	 * @param item the item
	 */
	public synchronized void add(T item) {
		this.total++;
		if (this.capacity == 0) {
			return;
		}
		if (this.items.size() == this.capacity) {
			this.items.removeFirst();
		}
		this.items.addLast(item);
	}

	/**
	 * The kept items, oldest first.
	 * @return a copy of the kept items
	 */
	public synchronized List<T> snapshot() {
		return List.copyOf(this.items);
	}

	/**
	 * The kept items that match, oldest first.
	 * @param filter the filter
	 * @return a copy of the matching items
	 */
	public synchronized List<T> snapshot(Predicate<? super T> filter) {
		return this.items.stream().filter(filter).toList();
	}

	/**
	 * How many items were ever added, including dropped ones.
	 * @return the count
	 */
	public synchronized long totalAdded() {
		return this.total;
	}

	/**
	 * Forgets all items and resets the count.
	 */
	public synchronized void clear() {
		this.items.clear();
		this.total = 0;
	}

}
