package dev.nxcloud.simulator;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers.
 */
final class Ids {

	private Ids() {
	}

	/** A 32-hex-digit trace id, like NxCloud's {@code traceId}. */
	static String traceId() {
		return randomHex(16);
	}

	static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
