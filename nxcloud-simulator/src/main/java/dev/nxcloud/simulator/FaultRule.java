package dev.nxcloud.simulator;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A registered fault: which endpoints it applies to, how often, and whether the request is processed first. Created
 * with {@link Faults#on(Endpoint...)}.
 */
public final class FaultRule {

	private final Set<Endpoint> endpoints;

	private final Fault fault;

	private final double probability;

	private final AtomicInteger remaining;

	private final boolean afterProcessing;

	private final AtomicLong triggered = new AtomicLong();

	private final Faults owner;

	FaultRule(Faults owner, Set<Endpoint> endpoints, Fault fault, double probability, int count,
			boolean afterProcessing) {
		this.owner = owner;
		this.endpoints = Set.copyOf(endpoints);
		this.fault = fault;
		this.probability = probability;
		this.remaining = new AtomicInteger(count);
		this.afterProcessing = afterProcessing;
	}

	/**
	 * The fault.
	 * @return the fault
	 */
	public Fault fault() {
		return this.fault;
	}

	/**
	 * Whether the simulator processes the request (state changes, message accepted, callbacks sent) before the
	 * fault replaces the answer: "the request reached NxCloud but the answer was lost", or, for an error code, "the
	 * send was attempted and failed" (a {@code failed} callback; see {@link Faults.RuleBuilder#afterProcessing()}).
	 * @return whether the request is processed first
	 */
	public boolean afterProcessing() {
		return this.afterProcessing;
	}

	/**
	 * How many times the fault fired.
	 * @return the count
	 */
	public long triggered() {
		return this.triggered.get();
	}

	/**
	 * How many more times a count-limited rule fires; -1 for a rule limited by rate only.
	 * @return the remaining count
	 */
	public int remaining() {
		return this.remaining.get();
	}

	/**
	 * Removes this rule.
	 */
	public void cancel() {
		this.owner.remove(this);
	}

	boolean fires(Endpoint endpoint, double draw) {
		if (!this.endpoints.isEmpty() && !this.endpoints.contains(endpoint)) {
			return false;
		}
		if (draw >= this.probability) {
			return false;
		}
		if (this.remaining.get() >= 0) {
			int left = this.remaining.getAndUpdate((n) -> (n > 0) ? n - 1 : n);
			if (left <= 0) {
				return false;
			}
		}
		this.triggered.incrementAndGet();
		return true;
	}

}
