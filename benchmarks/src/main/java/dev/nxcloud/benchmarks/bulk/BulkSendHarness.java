package dev.nxcloud.benchmarks.bulk;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import dev.nxcloud.whatsapp.bulk.BulkResult;
import dev.nxcloud.whatsapp.bulk.NxCloudBulkSender;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import reactor.core.publisher.Flux;

/**
 * Sends many template messages through the starter with a fixed number in flight and reports the rate achieved and
 * the heap before and after.
 * <p>
 * The starter has no bulk API yet (issue 6 adds one), so {@link #send(NxCloudMessageService, TemplateMessage, long,
 * int)} is a plain {@code Flux.fromStream(...).flatMap(send, concurrency)} over the message service, the way an
 * application would do it today; when the bulk API lands, that method is the one place to switch to it.
 */
public final class BulkSendHarness {

	private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

	private BulkSendHarness() {
	}

	/**
	 * Send {@code total} messages, {@code concurrency} in flight, and measure.
	 * @param service the message service
	 * @param message the message sent every time
	 * @param total how many to send
	 * @param concurrency how many in flight
	 * @param latency the latency the server adds to every answer, for the bound
	 * @param progress told about progress every tenth of the run
	 * @return the result
	 */
	public static Result run(NxCloudBulkSender sender, TemplateMessage message, long total, int concurrency,
			Duration latency, Consumer<String> progress) {
		long heapBefore = settledHeap();
		AtomicLong done = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		List<Long> heapSamples = new ArrayList<>();
		long step = Math.max(1, total / 10);
		long start = System.nanoTime();
		send(sender, message, total).doOnNext((outcome) -> {
			if (!outcome) {
				errors.incrementAndGet();
			}
			long n = done.incrementAndGet();
			if (n % step == 0) {
				long used = MEMORY.getHeapMemoryUsage().getUsed();
				synchronized (heapSamples) {
					heapSamples.add(used);
				}
				progress.accept(String.format("bulk: %d/%d sent, %.0f/s, heap %d MB", n, total,
						n * 1e9 / (System.nanoTime() - start), used >> 20));
			}
		}).blockLast();
		long nanos = System.nanoTime() - start;
		long heapAfter = settledHeap();
		return new Result(total, errors.get(), concurrency, latency, nanos, heapBefore, heapAfter, heapSamples);
	}

	/**
	 * The bulk send through the starter's {@link NxCloudBulkSender}.
	 * @param sender the bulk sender, whose concurrency bounds the sends in flight
	 * @param message the message
	 * @param total how many to send
	 * @return one {@code true} per success and one {@code false} per failure
	 */
	static Flux<Boolean> send(NxCloudBulkSender sender, TemplateMessage message, long total) {
		return sender
			.sendTemplateMessages(Flux.fromStream(() -> LongStream.range(0, total).mapToObj((i) -> message)))
			.map(BulkResult::isSent);
	}

	/**
	 * The heap in use after garbage collection has settled.
	 * @return the bytes used
	 */
	public static long settledHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return MEMORY.getHeapMemoryUsage().getUsed();
	}

	/**
	 * A bulk run.
	 *
	 * @param total the messages sent
	 * @param errors the sends that failed
	 * @param concurrency the sends in flight
	 * @param latency the latency the server added
	 * @param nanos how long the run took
	 * @param heapBefore the settled heap before
	 * @param heapAfter the settled heap after
	 * @param heapSamples the heap in use (not settled) at every tenth of the run
	 */
	public record Result(long total, long errors, int concurrency, Duration latency, long nanos, long heapBefore,
			long heapAfter, List<Long> heapSamples) {

		/**
		 * The sends per second achieved.
		 * @return the rate
		 */
		public double rate() {
			return this.total * 1e9 / this.nanos;
		}

		/**
		 * The most a client with this many in flight can do against this latency: concurrency / latency.
		 * @return the bound, per second
		 */
		public double bound() {
			return this.concurrency * 1e9 / this.latency.toNanos();
		}

	}

}
