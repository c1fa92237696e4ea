package dev.nxcloud.benchmarks.prepare;

import java.util.List;

/**
 * One benchmark of {@link PreparationBenchmark}, over its rounds.
 *
 * @param benchmark the method name
 * @param nanos the average time per operation, averaged over the rounds
 * @param error the largest 99.9% confidence half-width of a round
 * @param allocatedBytes the bytes allocated per operation ({@code gc.alloc.rate.norm})
 * @param rounds the average time per operation of each round
 */
public record PreparationRow(String benchmark, double nanos, double error, double allocatedBytes,
		List<Double> rounds) {
}
