package dev.nxcloud.benchmarks.fleet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import dev.nxcloud.benchmarks.Jvm;
import dev.nxcloud.benchmarks.SimulatorProcess;

/**
 * The fleet benchmark: several instances in JVMs of their own ({@link FleetInstance}) send through one business
 * phone to one simulator process that enforces the phone's rate (Meta's 130429 beyond it), each offering a multiple
 * of that rate, once with each instance pacing its own sends ({@code nxcloud.rate-limit.store=memory}) and once
 * sharing one bucket in Redis ({@code redis}). Redis is the caller's: its port is given, and the benchmark only
 * deletes the two bucket keys it uses.
 */
public final class FleetBenchmark {

	/** The file the report is written to. */
	public static final String MARKDOWN = "fleet.md";

	private final Settings settings;

	private final Consumer<String> log;

	/**
	 * Create the benchmark.
	 * @param settings what to run
	 * @param log where progress goes
	 */
	public FleetBenchmark(Settings settings, Consumer<String> log) {
		this.settings = settings;
		this.log = log;
	}

	/**
	 * Run the fleet with each store in turn.
	 * @return what each fleet measured
	 * @throws IOException if a process cannot be started or ends early
	 * @throws InterruptedException if interrupted
	 */
	public List<StoreRun> run() throws IOException, InterruptedException {
		List<StoreRun> runs = new ArrayList<>();
		for (String store : this.settings.stores()) {
			this.log.accept("Fleet: " + this.settings.instances() + " instances, store " + store + ", "
					+ this.settings.seconds() + " s");
			runs.add(new StoreRun(store, runFleet(store)));
		}
		return runs;
	}

	private List<FleetResult> runFleet(String store) throws IOException, InterruptedException {
		Settings s = this.settings;
		try (SimulatorProcess simulator = SimulatorProcess.forkWithPhoneRate(s.rate(), s.simulatorBurst())) {
			List<Process> instances = new ArrayList<>();
			List<BufferedReader> outputs = new ArrayList<>();
			try {
				for (int i = 0; i < s.instances(); i++) {
					Process process = startInstance(simulator.baseUrl(0), store, i == 0);
					instances.add(process);
					outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
				}
				for (BufferedReader output : outputs) {
					readLine(output, "READY");
				}
				// the warm-up sends' slots pass and the simulator's bucket refills before the window
				Thread.sleep((long) (1000 * (1 + s.instances() * FleetInstance.WARM_UP_SENDS / s.rate())));
				for (Process process : instances) {
					OutputStream input = process.getOutputStream();
					input.write("GO\n".getBytes(StandardCharsets.US_ASCII));
					input.flush();
				}
				List<FleetResult> results = new ArrayList<>();
				for (BufferedReader output : outputs) {
					results.add(FleetResult.parse(readLine(output, FleetResult.PREFIX)));
				}
				return results;
			}
			finally {
				for (Process process : instances) {
					if (!process.waitFor(30, TimeUnit.SECONDS)) {
						process.destroyForcibly();
					}
				}
			}
		}
	}

	private Process startInstance(String baseUrl, String store, boolean resetsBuckets) throws IOException {
		Settings s = this.settings;
		return Jvm.start(FleetInstance.class,
				List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
				List.of(baseUrl, store, Integer.toString(s.redisPort()), Double.toString(s.rate()),
						Integer.toString(s.burst()), Double.toString(s.rate() * s.offeredFactor()),
						Double.toString(s.seconds()), Integer.toString(s.probes()), Boolean.toString(resetsBuckets)));
	}

	private static String readLine(BufferedReader output, String prefix) throws IOException {
		return Jvm.readLine(output, prefix, "A fleet instance");
	}

	/**
	 * Write the report as {@value #MARKDOWN}.
	 * @param runs what {@link #run()} measured
	 * @param out the directory
	 * @return the report
	 * @throws IOException on a write failure
	 */
	public String write(List<StoreRun> runs, Path out) throws IOException {
		String markdown = markdown(runs);
		Files.createDirectories(out);
		Files.writeString(out.resolve(MARKDOWN), markdown);
		return markdown;
	}

	String markdown(List<StoreRun> runs) {
		Settings s = this.settings;
		StringBuilder md = new StringBuilder("# Fleet benchmark: one business phone, several instances\n\n");
		md.append(String.format(Locale.ROOT, "Run on %s with %d cores, Java %s. %d instances, each an application "
				+ "context with the starter's auto-configuration in a JVM of its own, send template messages through "
				+ "one business phone to one simulator process (its own JVM, on 127.0.0.1) that enforces %s sends per "
				+ "second for the phone with a bucket of %d (Meta's 130429 beyond it). Each instance offers %s sends "
				+ "per second (%s× the phone's rate) for %s s, paced by `nxcloud.rate-limit.messages-per-second=%s`, "
				+ "`burst=%d`, `max-wait=1h` (no send is refused for waiting), retries off so that each 130429 is "
				+ "counted once. Sends still waiting for a slot when the "
				+ "window ends are cancelled. Every instance acquires its slots through the auto-configured "
				+ "`NxCloudSendRateLimiter` bean: `store=memory` (each instance paces itself) and `store=redis` "
				+ "(one bucket in Redis, over Spring Boot's `spring.data.redis.*` connection).\n\n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				s.instances(), number(s.rate()), s.simulatorBurst(), number(s.rate() * s.offeredFactor()),
				number(s.offeredFactor()), number(s.seconds()), number(s.rate()), s.burst()));
		md.append("Reproduce with (Redis from `.ci/redis-up.sh`, stopped by `.ci/redis-down.sh`):\n\n```\n")
			.append(COMMAND)
			.append("\n```\n\n");
		md.append("## The fleet\n\n")
			.append("| store | offered/s | admitted/s | of the phone's rate | 130429 answers | other failures "
					+ "| CPU per completed send |\n")
			.append("| --- | --- | --- | --- | --- | --- | --- |\n");
		for (StoreRun run : runs) {
			long completed = run.sum(FleetResult::admitted) + run.sum(FleetResult::throttled)
					+ run.sum(FleetResult::failed);
			double admittedPerSecond = run.sum(FleetResult::admitted) / s.seconds();
			md.append(String.format(Locale.ROOT, "| %s | %.0f | %.1f | %.1f%% | %d | %d | %.0f µs |\n", run.store(),
					run.sum(FleetResult::offered) / s.seconds(), admittedPerSecond, 100 * admittedPerSecond / s.rate(),
					run.sum(FleetResult::throttled), run.sum(FleetResult::failed),
					micros(run.sum(FleetResult::windowCpuNanos)) / Math.max(1, completed)));
		}
		md.append("\nCPU per completed send is the CPU time of the instances' JVMs during the window over the sends "
				+ "answered in it (accepted or refused); with `redis` it also pays for the slots taken by sends "
				+ "still waiting when the window ends, so it overstates the cost per send.\n\n");
		md.append("## Acquiring a slot without waiting\n\n")
			.append(String.format(Locale.ROOT, "After the window, each instance acquires %d slots of a phone paced at "
					+ "a million per second (so never waiting), one after the other, through the same limiter bean: "
					+ "what the limiter itself adds to a send.\n\n", s.probes()))
			.append("| store | CPU per acquisition | latency p50 | latency p99 (worst instance) |\n")
			.append("| --- | --- | --- | --- |\n");
		for (StoreRun run : runs) {
			md.append(String.format(Locale.ROOT, "| %s | %.1f µs | %.1f µs | %.1f µs |\n", run.store(),
					micros(run.sum(FleetResult::probeCpuNanos)) / Math.max(1, run.sum(FleetResult::probes)),
					micros(run.median(FleetResult::probeP50Nanos)), micros(run.max(FleetResult::probeP99Nanos))));
		}
		md.append("\n## Each instance\n\n")
			.append("| store | instance | offered | admitted | 130429 | other failures | window CPU | probe p50 | probe p99 |\n")
			.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
		for (StoreRun run : runs) {
			for (int i = 0; i < run.results().size(); i++) {
				FleetResult r = run.results().get(i);
				md.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.0f ms | %.1f µs | %.1f µs |\n",
						run.store(), i + 1, r.offered(), r.admitted(), r.throttled(), r.failed(),
						r.windowCpuNanos() / 1e6, micros(r.probeP50Nanos()), micros(r.probeP99Nanos())));
			}
		}
		return md.toString();
	}

	/** How the benchmark is run, as the README and the report give it. */
	static final String COMMAND = """
			port=$(NXCLOUD_REDIS_STATE=/tmp/redis-fleet bash .ci/redis-up.sh)
			mvn -B -pl benchmarks -am package -DskipTests
			java -jar benchmarks/target/benchmarks.jar --skip=jmh,load,bulk --redis-port=$port
			NXCLOUD_REDIS_STATE=/tmp/redis-fleet bash .ci/redis-down.sh""";

	private static double micros(double nanos) {
		return nanos / 1000;
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	/**
	 * What to run.
	 *
	 * @param instances how many instances
	 * @param rate the phone's rate, enforced by the simulator and configured in the instances
	 * @param burst the instances' {@code nxcloud.rate-limit.burst}
	 * @param simulatorBurst the simulator's bucket for the phone
	 * @param offeredFactor the sends each instance offers, as a multiple of the rate
	 * @param seconds the window
	 * @param probes the slots each instance acquires without waiting after the window
	 * @param redisPort the port of the Redis on 127.0.0.1
	 * @param stores the stores to run the fleet with, {@code memory} and {@code redis}
	 */
	public record Settings(int instances, double rate, int burst, int simulatorBurst, double offeredFactor,
			double seconds, int probes, int redisPort, List<String> stores) {

		/**
		 * The settings of the published run: 4 instances, 20/s (burst 1 in the instances, 5 in the simulator), each
		 * offering 4× for 20 s.
		 * @param redisPort the port of the Redis on 127.0.0.1
		 * @return the settings
		 */
		public static Settings defaults(int redisPort) {
			return new Settings(4, 20, 1, 5, 4, 20, 2000, redisPort, List.of("memory", "redis"));
		}

		/**
		 * These settings with another window.
		 * @param seconds the window
		 * @return the settings
		 */
		public Settings withSeconds(double seconds) {
			return new Settings(this.instances, this.rate, this.burst, this.simulatorBurst, this.offeredFactor, seconds,
					this.probes, this.redisPort, this.stores);
		}

	}

	/**
	 * What the instances of one fleet measured.
	 *
	 * @param store the store the instances shared
	 * @param results each instance's figures
	 */
	public record StoreRun(String store, List<FleetResult> results) {

		long sum(ToLongFunction<FleetResult> figure) {
			return this.results.stream().mapToLong(figure).sum();
		}

		long max(ToLongFunction<FleetResult> figure) {
			return this.results.stream().mapToLong(figure).max().orElse(0);
		}

		long median(ToLongFunction<FleetResult> figure) {
			long[] sorted = this.results.stream().mapToLong(figure).sorted().toArray();
			return (sorted.length == 0) ? 0 : sorted[sorted.length / 2];
		}

	}

}
