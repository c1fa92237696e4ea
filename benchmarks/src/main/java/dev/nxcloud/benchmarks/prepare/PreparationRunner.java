package dev.nxcloud.benchmarks.prepare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PreparationBenchmark} through JMH's API with the GC profiler.
 */
public final class PreparationRunner {

	private PreparationRunner() {
	}

	/**
	 * Run the benchmarks in a forked JVM.
	 * @return one row per benchmark method
	 * @throws RunnerException if JMH fails
	 */
	public static List<PreparationRow> run() throws RunnerException {
		Collection<RunResult> results = new Runner(new OptionsBuilder()
			.include(PreparationBenchmark.class.getName() + "\\.")
			.addProfiler(GCProfiler.class)
			.shouldFailOnError(true)
			.build()).run();
		List<PreparationRow> rows = new ArrayList<>();
		for (RunResult result : results) {
			String name = result.getParams().getBenchmark();
			name = name.substring(name.lastIndexOf('.') + 1);
			Result<?> primary = result.getPrimaryResult();
			Result<?> allocated = result.getSecondaryResults().get("gc.alloc.rate.norm");
			rows.add(new PreparationRow(name, primary.getScore(), primary.getScoreError(),
					(allocated != null) ? allocated.getScore() : Double.NaN));
		}
		return rows;
	}

}
