package dev.nxcloud.benchmarks.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;

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

	private static final String NO_ERROR = "-";

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

	/**
	 * This window as one line of text, for a {@linkplain ClientProcess client in a JVM of its own} to hand it over.
	 * @return the line, which {@link #decode(String)} reads back
	 */
	public String encode() {
		ByteBuffer histogram = ByteBuffer.allocate(this.latencies.getNeededByteBufferCapacity());
		int length = this.latencies.encodeIntoCompressedByteBuffer(histogram);
		Base64.Encoder base64 = Base64.getEncoder();
		String error = (this.firstError != null)
				? base64.encodeToString(this.firstError.getBytes(StandardCharsets.UTF_8)) : NO_ERROR;
		return this.calls + " " + this.errors + " " + this.nanos + " " + this.allocatedBytes + " " + this.cpuNanos + " "
				+ base64.encodeToString(Arrays.copyOf(histogram.array(), length)) + " " + error;
	}

	/**
	 * Read a window {@link #encode() encoded} as a line.
	 * @param line the line
	 * @return the window
	 */
	public static Window decode(String line) {
		String[] fields = line.split(" ");
		Base64.Decoder base64 = Base64.getDecoder();
		Histogram latencies;
		try {
			latencies = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(base64.decode(fields[5])), 0);
		}
		catch (DataFormatException ex) {
			throw new IllegalArgumentException("Not a window's latencies: " + fields[5], ex);
		}
		String error = fields[6].equals(NO_ERROR) ? null : new String(base64.decode(fields[6]), StandardCharsets.UTF_8);
		return new Window(Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]), latencies,
				Long.parseLong(fields[3]), Long.parseLong(fields[4]), error);
	}

}
