package dev.nxcloud.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.benchmarks.WebClientRatios.Evaluation;
import dev.nxcloud.benchmarks.WebClientRatios.Measure;
import dev.nxcloud.benchmarks.WebClientRatios.Target;
import dev.nxcloud.benchmarks.load.LoadHarness;
import dev.nxcloud.benchmarks.load.Window;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue #15's ratios and targets over made-up windows of one second: no benchmark is run.
 */
class WebClientRatiosTests {

	private final List<LoadHarness.Row> rows = new ArrayList<>();

	WebClientRatiosTests() {
		// the bare WebClient: 1000 calls/s, 50 µs CPU and 28 000 bytes per call
		add(0, 16, LoadHarness.BARE_WEBCLIENT, 1000, 50_000, 28_000);
		add(0, 64, LoadHarness.BARE_WEBCLIENT, 1000, 50_000, 28_000);
		add(50, 16, LoadHarness.BARE_WEBCLIENT, 1000, 50_000, 28_000);
		add(50, 64, LoadHarness.BARE_WEBCLIENT, 1000, 50_000, 28_000);
		add(0, 16, LoadHarness.STARTER, 680, 77_500, 36_400);
		add(0, 64, LoadHarness.STARTER, 950, 55_000, 30_800);
		add(50, 16, LoadHarness.STARTER, 990, 60_000, 30_800);
		add(0, 16, LoadHarness.REST_CLIENT_VIRTUAL, 500, 100_000, 56_000);
	}

	private void add(int latency, int concurrency, String client, long calls, long cpuPerCall, long bytesPerCall) {
		Window window = new Window(calls, 0, 1_000_000_000L, new Histogram(3), calls * bytesPerCall,
				calls * cpuPerCall, null);
		this.rows.add(new LoadHarness.Row(latency, concurrency, client, window));
	}

	@Test
	void ratiosDivideByTheBareWebClientAtTheSamePoint() {
		WebClientRatios ratios = new WebClientRatios(this.rows);
		assertThat(ratios.ratio(Measure.THROUGHPUT, LoadHarness.STARTER, 0, 16).getAsDouble()).isCloseTo(0.68,
				within(1e-9));
		assertThat(ratios.ratio(Measure.CPU, LoadHarness.STARTER, 0, 16).getAsDouble()).isCloseTo(1.55,
				within(1e-9));
		assertThat(ratios.ratio(Measure.ALLOCATION, LoadHarness.STARTER, 0, 16).getAsDouble()).isCloseTo(1.3,
				within(1e-9));
		assertThat(ratios.ratio(Measure.THROUGHPUT, LoadHarness.STARTER, 50, 64)).isEmpty();
		assertThat(ratios.ratio(Measure.THROUGHPUT, LoadHarness.STARTER, 0, 256)).isEmpty();
	}

	@Test
	void targetIsMissedWhereAnyConcurrencyMissesIt() {
		WebClientRatios ratios = new WebClientRatios(this.rows);
		Evaluation throughput = ratios.evaluate(new Target(Measure.THROUGHPUT, 0, 0.9));
		assertThat(throughput.ratios()).containsOnlyKeys(16, 64);
		assertThat(throughput.missed()).containsExactly(16);
		assertThat(throughput.met()).isFalse();
		assertThat(throughput.verdict()).isEqualTo("**no** (16 in flight)");
		Evaluation cpu = ratios.evaluate(new Target(Measure.CPU, 0, 1.2));
		assertThat(cpu.missed()).containsExactly(16);
		Evaluation allocation = ratios.evaluate(new Target(Measure.ALLOCATION, 0, 1.15));
		assertThat(allocation.missed()).containsExactly(16);
	}

	@Test
	void targetIsMetWhereEveryConcurrencyMeasuredMeetsIt() {
		Evaluation evaluation = new WebClientRatios(this.rows).evaluate(new Target(Measure.THROUGHPUT, 50, 0.98));
		assertThat(evaluation.ratios()).containsOnlyKeys(16);
		assertThat(evaluation.met()).isTrue();
		assertThat(evaluation.verdict()).isEqualTo("yes");
	}

	@Test
	void targetAtALatencyNotMeasuredIsNotMet() {
		Evaluation evaluation = new WebClientRatios(this.rows).evaluate(new Target(Measure.THROUGHPUT, 20, 0.9));
		assertThat(evaluation.ratios()).isEmpty();
		assertThat(evaluation.met()).isFalse();
		assertThat(evaluation.verdict()).isEqualTo("not measured");
	}

	@Test
	void boundsAreInclusiveUpwardsForThroughputAndDownwardsForCosts() {
		assertThat(new Target(Measure.THROUGHPUT, 0, 0.9).metBy(0.9)).isTrue();
		assertThat(new Target(Measure.THROUGHPUT, 0, 0.9).metBy(0.89)).isFalse();
		assertThat(new Target(Measure.CPU, 0, 1.2).metBy(1.2)).isTrue();
		assertThat(new Target(Measure.CPU, 0, 1.2).metBy(1.21)).isFalse();
		assertThat(new Target(Measure.ALLOCATION, 0, 1.15).metBy(0.5)).isTrue();
	}

	@Test
	void issue15TargetsAreTheIssuesBounds() {
		assertThat(WebClientRatios.TARGETS).extracting(Target::toString)
			.containsExactly("throughput ≥ 0.90×, 0 ms", "CPU per call ≤ 1.20×, 0 ms",
					"allocation per call ≤ 1.15×, 0 ms", "allocation per call ≤ 1.15×, 50 ms",
					"throughput ≥ 0.98×, 50 ms");
	}

	@Test
	void targetsTableHasAColumnPerConcurrencyAndAVerdict() {
		String table = new WebClientRatios(this.rows).targetsTable();
		assertThat(table).startsWith("| starter × bare WebClient | 16 in flight | 64 in flight | met |\n")
			.contains("| throughput ≥ 0.90×, 0 ms | 0.68× | 0.95× | **no** (16 in flight) |\n")
			.contains("| CPU per call ≤ 1.20×, 0 ms | 1.55× | 1.10× | **no** (16 in flight) |\n")
			.contains("| allocation per call ≤ 1.15×, 50 ms | 1.10× | – | yes |\n")
			.contains("| throughput ≥ 0.98×, 50 ms | 0.99× | – | yes |\n");
	}

	@Test
	void sideBySideHasAColumnPerClientMeasuredButTheBaseline() {
		String table = new WebClientRatios(this.rows).sideBySide();
		assertThat(table.lines().toList()).containsExactly(
				"| latency | in flight | starter | RestClient + virtual threads |",
				"| ---: | ---: | ---: | ---: |",
				"| 0 ms | 16 | 0.68 | 0.50 |",
				"| 0 ms | 64 | 0.95 | – |",
				"| 50 ms | 16 | 0.99 | – |",
				"| 50 ms | 64 | – | – |");
		assertThat(new WebClientRatios(List.of()).sideBySide()).isEmpty();
	}

}
