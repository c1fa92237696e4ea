package dev.nxcloud.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's clock: a base clock plus an adjustable offset. The {@code ts} header is checked against it (at most
 * 60 000 ms apart) and callbacks and templates are stamped with it. Shifting it is how tests exercise the 60 s rule.
 */
public final class SimulatorClock extends Clock {

	private final Clock base;

	private final AtomicReference<Duration> offset;

	SimulatorClock(Clock base) {
		this(base, new AtomicReference<>(Duration.ZERO));
	}

	private SimulatorClock(Clock base, AtomicReference<Duration> offset) {
		this.base = base;
		this.offset = offset;
	}

	/**
	 * Moves the clock by an amount (negative moves it back); shifts add up.
	 * @param amount the amount
	 * @return this clock
	 */
	public SimulatorClock shift(Duration amount) {
		this.offset.accumulateAndGet(amount, Duration::plus);
		return this;
	}

	/**
	 * Removes any shift.
	 * @return this clock
	 */
	public SimulatorClock reset() {
		this.offset.set(Duration.ZERO);
		return this;
	}

	/**
	 * The current shift.
	 * @return the offset from the base clock
	 */
	public Duration offset() {
		return this.offset.get();
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.base.instant().plus(this.offset.get());
	}

	@Override
	public long millis() {
		return this.base.millis() + this.offset.get().toMillis();
	}

}
