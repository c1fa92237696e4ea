package dev.nxcloud.benchmarks.prepare;

/**
 * One JMH result of {@link PreparationBenchmark}.
 *
 * @param benchmark the method name
 * @param nanos the average time per operation
 * @param error the 99.9% confidence half-width of {@code nanos}
 * @param allocatedBytes the bytes allocated per operation ({@code gc.alloc.rate.norm})
 */
public record PreparationRow(String benchmark, double nanos, double error, double allocatedBytes) {
}
