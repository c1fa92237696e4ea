package dev.nxcloud.benchmarks.fleet;

import java.util.HashMap;
import java.util.Map;

/**
 * What one instance of the fleet measured, passed to the harness as one line of {@code key=value} pairs.
 *
 * @param offered the sends offered in the window
 * @param admitted the sends NxCloud accepted within the window
 * @param throttled the sends answered with Meta's 130429 within the window
 * @param failed the sends that failed otherwise within the window
 * @param windowCpuNanos the CPU time of the instance's JVM during the window
 * @param probes the slots acquired by the probe after the window
 * @param probeCpuNanos the CPU time of the instance's JVM during the probe
 * @param probeP50Nanos the median latency of acquiring a slot without waiting
 * @param probeP99Nanos the 99th percentile of it
 */
record FleetResult(long offered, long admitted, long throttled, long failed, long windowCpuNanos, long probes,
		long probeCpuNanos, long probeP50Nanos, long probeP99Nanos) {

	static final String PREFIX = "RESULT";

	String line() {
		return PREFIX + " offered=" + this.offered + " admitted=" + this.admitted + " throttled=" + this.throttled
				+ " failed=" + this.failed + " windowCpuNanos=" + this.windowCpuNanos + " probes=" + this.probes
				+ " probeCpuNanos=" + this.probeCpuNanos + " probeP50Nanos=" + this.probeP50Nanos + " probeP99Nanos="
				+ this.probeP99Nanos;
	}

	static FleetResult parse(String line) {
		Map<String, Long> values = new HashMap<>();
		for (String pair : line.substring(PREFIX.length()).trim().split(" ")) {
			String[] keyAndValue = pair.split("=");
			values.put(keyAndValue[0], Long.parseLong(keyAndValue[1]));
		}
		return new FleetResult(values.get("offered"), values.get("admitted"), values.get("throttled"),
				values.get("failed"), values.get("windowCpuNanos"), values.get("probes"), values.get("probeCpuNanos"),
				values.get("probeP50Nanos"), values.get("probeP99Nanos"));
	}

	FleetResult withProbe(long probes, long cpuNanos, long p50Nanos, long p99Nanos) {
		return new FleetResult(this.offered, this.admitted, this.throttled, this.failed, this.windowCpuNanos, probes,
				cpuNanos, p50Nanos, p99Nanos);
	}

}
