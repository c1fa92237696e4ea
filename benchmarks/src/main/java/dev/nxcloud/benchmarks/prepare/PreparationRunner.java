package dev.nxcloud.benchmarks.prepare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PreparationBenchmark} through JMH's API with the GC profiler. On a shared machine the load changes
 * from one benchmark to the next, so each benchmark runs in several rounds, in alternating order (starter next to
 * its bare baseline), and its rounds are averaged.
 */
public final class PreparationRunner {

	private static final List<String> BENCHMARKS = List.of("bareMd5", "starterMd5", "bareSha256", "starterSha256");

	private PreparationRunner() {
	}

	/**
	 * Run the benchmarks, each in its own forked JVM per round.
	 * @param rounds how many times each benchmark runs
	 * @return one row per benchmark method, averaged over the rounds
	 * @throws RunnerException if JMH fails
	 */
	public static List<PreparationRow> run(int rounds) throws RunnerException {
		Map<String, List<double[]>> measured = new LinkedHashMap<>();
		List<String> order = new ArrayList<>(BENCHMARKS);
		for (int round = 0; round < rounds; round++) {
			for (String benchmark : order) {
				RunResult result = new Runner(new OptionsBuilder()
					.include(PreparationBenchmark.class.getName() + "\\." + benchmark + "$")
					.addProfiler(GCProfiler.class)
					.shouldFailOnError(true)
					.build()).runSingle();
				Result<?> primary = result.getPrimaryResult();
				Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
				measured.computeIfAbsent(benchmark, (name) -> new ArrayList<>())
					.add(new double[] { primary.getScore(), primary.getScoreError(),
							(allocated != null) ? allocated.getScore() : Double.NaN });
			}
			Collections.reverse(order);
		}
		List<PreparationRow> rows = new ArrayList<>();
		for (String benchmark : BENCHMARKS) {
			List<double[]> results = measured.get(benchmark);
			double nanos = 0;
			double error = 0;
			double bytes = 0;
			List<Double> scores = new ArrayList<>();
			for (double[] result : results) {
				nanos += result[0] / results.size();
				error = Math.max(error, result[1]);
				bytes += result[2] / results.size();
				scores.add(result[0]);
			}
			rows.add(new PreparationRow(benchmark, nanos, error, bytes, scores));
		}
		return rows;
	}

}
