package dev.nxcloud.whatsapp.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.awaitility.Awaitility.await;

/**
 * A virtual-time scheduler for a client's waits ({@code NxCloudClient.builder().scheduler(…)}) that records every
 * wait asked of it, while the HTTP exchanges stay real. Its {@link #clock()} reads the same virtual time, so a
 * simulator built with it (and a client signing with it) moves with the waits: advancing the time both ends a wait
 * and refills the simulator's limits.
 */
public final class VirtualWaits implements Scheduler {

	private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final List<Duration> waits = new CopyOnWriteArrayList<>();

	/** The waits asked for so far, in order. */
	public List<Duration> waits() {
		return List.copyOf(this.waits);
	}

	/** Blocks (in real time, at most 10 s) until at least {@code count} waits have been asked for. */
	public VirtualWaits awaitWaits(int count) {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.waits.size() >= count);
		return this;
	}

	/** Moves the virtual time on, running the waits that end meanwhile. */
	public void advance(Duration duration) {
		this.time.advanceTimeBy(duration);
	}

	/** A clock that reads this virtual time, from 2026-01-01T00:00:00Z. */
	public Clock clock() {
		return new Clock() {

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
				return START.plusNanos(VirtualWaits.this.time.now(TimeUnit.NANOSECONDS));
			}

		};
	}

	@Override
	public Disposable schedule(Runnable task) {
		return this.time.schedule(task);
	}

	@Override
	public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
		this.waits.add(Duration.ofNanos(unit.toNanos(delay)));
		return this.time.schedule(task, delay, unit);
	}

	@Override
	public long now(TimeUnit unit) {
		return this.time.now(unit);
	}

	@Override
	public Worker createWorker() {
		return this.time.createWorker();
	}

	@Override
	public void dispose() {
		this.time.dispose();
	}

}
