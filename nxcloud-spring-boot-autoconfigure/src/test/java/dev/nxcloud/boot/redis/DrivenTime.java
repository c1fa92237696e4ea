package dev.nxcloud.boot.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * Time that stands still until the test moves it: a {@link Clock} and a {@link Scheduler} over one
 * {@link VirtualTimeScheduler}, so that what a limiter reads and what it waits for are the same time. It counts the
 * waits scheduled and not yet over, so that a test can tell when every send has its answer from Redis (admitted, or
 * waiting for its slot) before it moves time on.
 */
public final class DrivenTime {

	/** The time before it is moved on. */
	public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private final VirtualTimeScheduler virtual = VirtualTimeScheduler.create();

	private final AtomicInteger waiting = new AtomicInteger();

	private final Clock clock = new Clock() {

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
			return now();
		}

	};

	private final Scheduler scheduler = new Scheduler() {

		@Override
		public Disposable schedule(Runnable task) {
			return DrivenTime.this.virtual.schedule(task);
		}

		@Override
		public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
			DrivenTime.this.waiting.incrementAndGet();
			AtomicBoolean over = new AtomicBoolean();
			Runnable end = () -> {
				if (over.compareAndSet(false, true)) {
					DrivenTime.this.waiting.decrementAndGet();
				}
			};
			Disposable scheduled = DrivenTime.this.virtual.schedule(() -> {
				end.run();
				task.run();
			}, delay, unit);
			return () -> {
				end.run();
				scheduled.dispose();
			};
		}

		@Override
		public long now(TimeUnit unit) {
			return DrivenTime.this.virtual.now(unit);
		}

		@Override
		public Worker createWorker() {
			return DrivenTime.this.virtual.createWorker();
		}

	};

	public Clock clock() {
		return this.clock;
	}

	public Scheduler scheduler() {
		return this.scheduler;
	}

	public Instant now() {
		return START.plus(elapsed());
	}

	/**
	 * How far time was moved on.
	 * @return the time since the start
	 */
	public Duration elapsed() {
		return Duration.ofNanos(this.virtual.now(TimeUnit.NANOSECONDS));
	}

	/**
	 * Move time on, running each wait that ends on the way at its own time.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.virtual.advanceTimeBy(duration);
	}

	/**
	 * How many waits are scheduled and not over.
	 * @return the count
	 */
	public int waiting() {
		return this.waiting.get();
	}

}
