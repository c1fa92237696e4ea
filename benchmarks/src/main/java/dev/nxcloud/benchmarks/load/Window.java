package dev.nxcloud.benchmarks.load;

import org.HdrHistogram.Histogram;

/**
 * What one measured window of calls produced.
 *
 * @param calls the calls completed (successes and failures)
 * @param errors the calls that failed
 * @param nanos the length of the window
 * @param latencies the latency of every successful call, in nanoseconds
 * @param allocatedBytes the bytes the whole JVM allocated during the window
 * @param cpuNanos the CPU time the whole JVM used during the window
 * @param firstError the first failure, if any
 */
public record Window(long calls, long errors, long nanos, Histogram latencies, long allocatedBytes, long cpuNanos,
		String firstError) {

	/**
	 * Calls per second.
	 * @return the throughput
	 */
	public double throughput() {
		return this.calls * 1e9 / this.nanos;
	}

	/**
	 * The CPU time the JVM used per call.
	 * @return nanoseconds per call
	 */
	public double cpuNanosPerCall() {
		return (double) this.cpuNanos / Math.max(1, this.calls);
	}

	/**
	 * The bytes the JVM allocated per call.
	 * @return bytes per call
	 */
	public double allocatedBytesPerCall() {
		return (double) this.allocatedBytes / Math.max(1, this.calls);
	}

	/**
	 * Merge two windows of the same scenario.
	 * @param other the other window
	 * @return the sum
	 */
	public Window plus(Window other) {
		Histogram merged = this.latencies.copy();
		merged.add(other.latencies);
		return new Window(this.calls + other.calls, this.errors + other.errors, this.nanos + other.nanos, merged,
				this.allocatedBytes + other.allocatedBytes, this.cpuNanos + other.cpuNanos,
				(this.firstError != null) ? this.firstError : other.firstError);
	}

}
