package dev.nxcloud.benchmarks.load;

import java.time.Duration;

import dev.nxcloud.benchmarks.BenchmarkRequests;

/**
 * The starter's request body with its signature computed ahead of time and renewed once a second (the simulator
 * accepts a {@code ts} within 60 s), so that the bare clients spend no serialisation and almost no digest per call.
 */
final class PreSignedBody {

	private static final long RESIGN_NANOS = Duration.ofSeconds(1).toNanos();

	private final byte[] body = BenchmarkRequests.starterBytes();

	private volatile Signed signed = sign();

	/**
	 * The body bytes.
	 * @return the bytes the starter sends
	 */
	byte[] body() {
		return this.body;
	}

	/**
	 * The current timestamp and signature, renewed when older than a second.
	 * @return the signed headers
	 */
	Signed current() {
		Signed current = this.signed;
		if (System.nanoTime() - current.signedAt() > RESIGN_NANOS) {
			current = sign();
			this.signed = current;
		}
		return current;
	}

	private Signed sign() {
		String ts = Long.toString(System.currentTimeMillis());
		return new Signed(System.nanoTime(), ts, BenchmarkRequests.signByHand(ts, this.body));
	}

	/**
	 * A timestamp and the signature made with it.
	 *
	 * @param signedAt when it was made, in {@link System#nanoTime()}
	 * @param ts the {@code ts} header
	 * @param sign the {@code sign} header
	 */
	record Signed(long signedAt, String ts, String sign) {
	}

}
