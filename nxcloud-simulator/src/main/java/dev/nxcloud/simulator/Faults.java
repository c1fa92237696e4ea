package dev.nxcloud.simulator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;

/**
 * The fault rules of a simulator. Rules are checked in registration order on every request to a known endpoint:
 * every firing {@link Fault.Latency} adds its delay, and the first firing rule of any other kind decides the answer.
 * Delays use Reactor timers, never the event-loop threads.
 *
 * <pre>{@code
 * sim.faults().on(Endpoint.MT).next(2).respond(Fault.httpStatus(503));
 * sim.faults().on().withProbability(0.1).respond(Fault.latency(Duration.ofMillis(10), Duration.ofMillis(200)));
 * sim.faults().on(Endpoint.OTP).next(1).afterProcessing().respond(Fault.connectionReset());
 * sim.faults().on(Endpoint.SAAS_SEND).next(1).respond(Fault.errorCode(22125));   // "Insufficient account balance"
 * }</pre>
 */
public final class Faults {

	private final List<FaultRule> rules = new CopyOnWriteArrayList<>();

	private final Random random;

	Faults(Random random) {
		this.random = random;
	}

	/**
	 * Starts a rule for some endpoints; no endpoints means every endpoint.
	 * @param endpoints the endpoints
	 * @return a rule builder
	 */
	public RuleBuilder on(Endpoint... endpoints) {
		return new RuleBuilder((endpoints.length == 0) ? Set.of() : EnumSet.of(endpoints[0], endpoints));
	}

	/**
	 * The registered rules.
	 * @return the rules
	 */
	public List<FaultRule> rules() {
		return List.copyOf(this.rules);
	}

	/**
	 * Removes every rule.
	 */
	public void clear() {
		this.rules.clear();
	}

	void remove(FaultRule rule) {
		this.rules.remove(rule);
	}

	Decision decide(Endpoint endpoint) {
		if (this.rules.isEmpty()) {
			return Decision.NONE;
		}
		long delayNanos = 0;
		FaultRule decisive = null;
		for (FaultRule rule : this.rules) {
			boolean latency = rule.fault() instanceof Fault.Latency;
			if ((!latency && decisive != null) || !rule.fires(endpoint, this.random.nextDouble())) {
				continue;
			}
			if (rule.fault() instanceof Fault.Latency l) {
				long span = l.max().toNanos() - l.min().toNanos();
				delayNanos += l.min().toNanos() + ((span > 0) ? (long) (this.random.nextDouble() * (span + 1)) : 0);
			}
			else {
				decisive = rule;
			}
		}
		return new Decision(Duration.ofNanos(delayNanos), decisive);
	}

	record Decision(Duration delay, @Nullable FaultRule decisive) {

		static final Decision NONE = new Decision(Duration.ZERO, null);

	}

	/**
	 * Builds one rule: by default it fires on every matching request, forever, without processing the request.
	 */
	public final class RuleBuilder {

		private final Set<Endpoint> endpoints;

		private double probability = 1.0;

		private int count = -1;

		private boolean afterProcessing;

		RuleBuilder(Set<Endpoint> endpoints) {
			this.endpoints = endpoints;
		}

		/**
		 * Fires on the next {@code n} matching requests only (combined with a rate: the next {@code n} times the
		 * rate fires).
		 * @param n how many times
		 * @return this builder
		 */
		public RuleBuilder next(int n) {
			if (n < 1) {
				throw new IllegalArgumentException("n must be positive");
			}
			this.count = n;
			return this;
		}

		/**
		 * Fires with a probability, drawn from the simulator's seeded random.
		 * @param probability between 0 and 1
		 * @return this builder
		 */
		public RuleBuilder withProbability(double probability) {
			if (probability < 0 || probability > 1) {
				throw new IllegalArgumentException("probability must be within [0, 1]");
			}
			this.probability = probability;
			return this;
		}

		/**
		 * Processes the request (accepting a message, changing state, sending callbacks) before the fault replaces
		 * the answer. Without it, a faulted request changes nothing. A lost answer (HTTP status, reset, no answer,
		 * a non-JSON body) keeps the send's {@code sent}, {@code delivered} and {@code read} callbacks; an NxCloud
		 * error answer ({@link Fault#errorCode(int)}, {@link Fault#requestFailed()}) tells the caller that the send
		 * failed, so its callback is a single {@code failed} carrying that error.
		 * @return this builder
		 */
		public RuleBuilder afterProcessing() {
			this.afterProcessing = true;
			return this;
		}

		/**
		 * Registers the rule.
		 * @param fault what the rule does
		 * @return the registered rule
		 */
		public FaultRule respond(Fault fault) {
			FaultRule rule = new FaultRule(Faults.this, this.endpoints, fault, this.probability, this.count,
					this.afterProcessing);
			Faults.this.rules.add(rule);
			return rule;
		}

	}

}
