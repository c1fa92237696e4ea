package dev.nxcloud.benchmarks.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Drives calls in a closed loop with a fixed number in flight for a fixed time, and measures throughput, latency,
 * allocation and CPU of the whole JVM over that window.
 */
public final class LoadDriver {

	private static final com.sun.management.ThreadMXBean THREADS =
			(com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

	private static final com.sun.management.OperatingSystemMXBean OS =
			(com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

	private LoadDriver() {
	}

	/**
	 * Run reactive calls, {@code concurrency} in flight, until {@code duration} has passed.
	 * @param call makes one call; emits {@code true} on success
	 * @param concurrency the calls in flight
	 * @param duration how long to keep starting calls
	 * @return the window
	 */
	public static Window runReactive(Supplier<Mono<Boolean>> call, int concurrency, Duration duration) {
		Recording recording = new Recording();
		long deadline = System.nanoTime() + duration.toNanos();
		recording.start();
		Flux.range(0, Integer.MAX_VALUE)
			.takeWhile((i) -> System.nanoTime() < deadline)
			.flatMap((i) -> timed(call, recording), concurrency, 1)
			.blockLast();
		return recording.stop();
	}

	private static Mono<Boolean> timed(Supplier<Mono<Boolean>> call, Recording recording) {
		return Mono.defer(() -> {
			long start = System.nanoTime();
			return call.get()
				.defaultIfEmpty(false)
				.doOnNext((success) -> recording.record(success, System.nanoTime() - start, null))
				.onErrorResume((ex) -> {
					recording.record(false, 0, ex);
					return Mono.empty();
				});
		});
	}

	/**
	 * Run blocking calls on a pool of {@code concurrency} threads until {@code duration} has passed.
	 * @param call makes one call; returns {@code true} on success
	 * @param pool a pool of at least {@code concurrency} threads
	 * @param concurrency the threads calling
	 * @param duration how long to keep starting calls
	 * @return the window
	 */
	public static Window runBlocking(BooleanSupplier call, ExecutorService pool, int concurrency, Duration duration) {
		Recording recording = new Recording();
		long deadline = System.nanoTime() + duration.toNanos();
		recording.start();
		List<Future<?>> workers = new ArrayList<>(concurrency);
		for (int i = 0; i < concurrency; i++) {
			workers.add(pool.submit(() -> {
				while (System.nanoTime() < deadline) {
					callOnce(call, recording);
				}
			}));
		}
		for (Future<?> worker : workers) {
			try {
				worker.get();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return recording.stop();
	}

	/**
	 * Run blocking calls, {@code concurrency} in flight, each on a thread of its own, until {@code duration} has
	 * passed: a server's thread per request. Each call's thread, when the call is done, starts the thread of the next
	 * call, so that no other thread takes part in keeping the calls in flight.
	 * @param call makes one call; returns {@code true} on success
	 * @param threadPerTask starts a new thread for each task, such as one of virtual threads
	 * @param concurrency the calls in flight
	 * @param duration how long to keep starting calls
	 * @return the window
	 */
	public static Window runThreadPerCall(BooleanSupplier call, Executor threadPerTask, int concurrency,
			Duration duration) {
		Recording recording = new Recording();
		long deadline = System.nanoTime() + duration.toNanos();
		CountDownLatch stopped = new CountDownLatch(concurrency);
		Runnable callThenNext = new Runnable() {

			@Override
			public void run() {
				callOnce(call, recording);
				if (System.nanoTime() < deadline) {
					threadPerTask.execute(this);
				}
				else {
					stopped.countDown();
				}
			}

		};
		recording.start();
		for (int i = 0; i < concurrency; i++) {
			threadPerTask.execute(callThenNext);
		}
		try {
			stopped.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return recording.stop();
	}

	private static void callOnce(BooleanSupplier call, Recording recording) {
		long start = System.nanoTime();
		try {
			boolean success = call.getAsBoolean();
			recording.record(success, System.nanoTime() - start, null);
		}
		catch (RuntimeException ex) {
			recording.record(false, 0, ex);
		}
	}

	private static final class Recording {

		private final Histogram latencies = new ConcurrentHistogram(3);

		private final AtomicLong calls = new AtomicLong();

		private final AtomicLong errors = new AtomicLong();

		private final AtomicReference<String> firstError = new AtomicReference<>();

		private long startNanos;

		private long startAllocated;

		private long startCpu;

		void start() {
			this.startAllocated = THREADS.getTotalThreadAllocatedBytes();
			this.startCpu = OS.getProcessCpuTime();
			this.startNanos = System.nanoTime();
		}

		void record(boolean success, long nanos, Throwable error) {
			this.calls.incrementAndGet();
			if (success) {
				this.latencies.recordValue(nanos);
			}
			else {
				this.errors.incrementAndGet();
				this.firstError.compareAndSet(null, (error != null) ? error.toString() : "an unsuccessful answer");
			}
		}

		Window stop() {
			long nanos = System.nanoTime() - this.startNanos;
			long allocated = THREADS.getTotalThreadAllocatedBytes() - this.startAllocated;
			long cpu = OS.getProcessCpuTime() - this.startCpu;
			return new Window(this.calls.get(), this.errors.get(), nanos, this.latencies, allocated, cpu,
					this.firstError.get());
		}

	}

}
