package dev.nxcloud.benchmarks.fleet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet benchmark, tiny: two instance JVMs for a second against a simulator process, with the in-memory limiter,
 * and with the Redis one when {@code NXCLOUD_REDIS_PORT} names a Redis. No figure is asserted, only that every
 * instance ran, reported, and met no failure other than the phone's limit.
 */
class FleetBenchmarkSmokeTests {

	@Test
	void resultLineRoundTrips() {
		FleetResult result = new FleetResult(80, 20, 55, 5, 1_000_000, 0, 0, 0, 0).withProbe(100, 2000, 30, 40);
		assertThat(FleetResult.parse(result.line())).isEqualTo(result);
	}

	@Test
	void fleetRunsAndWritesTheReport(@TempDir Path out) throws Exception {
		String redisPort = System.getenv("NXCLOUD_REDIS_PORT");
		List<String> stores = new ArrayList<>(List.of("memory"));
		if (redisPort != null && !redisPort.isBlank()) {
			stores.add("redis");
		}
		FleetBenchmark benchmark = new FleetBenchmark(new FleetBenchmark.Settings(2, 20, 1, 5, 4, 1, 50,
				(redisPort != null && !redisPort.isBlank()) ? Integer.parseInt(redisPort.trim()) : 0, stores),
				(line) -> { });
		List<FleetBenchmark.StoreRun> runs = benchmark.run();
		assertThat(runs).extracting(FleetBenchmark.StoreRun::store).isEqualTo(stores);
		assertThat(runs).allSatisfy((run) -> assertThat(run.results()).hasSize(2).allSatisfy((result) -> {
			assertThat(result.offered()).isPositive();
			assertThat(result.failed()).isZero();
			assertThat(result.probes()).isEqualTo(50);
		}));
		benchmark.write(runs, out);
		assertThat(Files.readString(out.resolve(FleetBenchmark.MARKDOWN))).contains("| memory | 1 |")
			.contains("| memory | 2 |")
			.contains("java -jar benchmarks/target/benchmarks.jar --skip=jmh,load,bulk --redis-port=$port");
	}

}
