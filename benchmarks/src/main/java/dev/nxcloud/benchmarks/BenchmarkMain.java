package dev.nxcloud.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.nxcloud.benchmarks.bulk.BulkSendHarness;
import dev.nxcloud.benchmarks.fleet.FleetBenchmark;
import dev.nxcloud.benchmarks.load.LoadHarness;
import dev.nxcloud.benchmarks.load.StarterClient;
import dev.nxcloud.benchmarks.prepare.PreparationRow;
import dev.nxcloud.benchmarks.prepare.PreparationRunner;

/**
 * Runs every benchmark in one go and writes {@code results.md} and {@code throughput.svg}: the JMH preparation
 * benchmark, the load harness against simulators with 0 ms and 50 ms latency, and the bulk run; and, when given a
 * Redis, the {@linkplain FleetBenchmark fleet benchmark}, which writes {@code fleet.md}. {@code results.md} is left
 * alone when {@code jmh}, {@code load} and {@code bulk} are all skipped.
 * <p>
 * Options: {@code --out=DIR} (default {@code benchmarks/results}, or {@code results} when run from the module),
 * {@code --skip=jmh,load,bulk,fleet}, {@code --redis-port=N} (default: the {@code NXCLOUD_REDIS_PORT} environment
 * variable; without either the fleet benchmark is skipped), {@code --fleet-seconds=SECONDS} (default 20),
 * {@code --bulk-total=N} (default 1 000 000), {@code --bulk-concurrency=N} (default
 * 120), {@code --measure=SECONDS} (default 3) and {@code --warmup=SECONDS} (default 3) for the load harness, and
 * for a focused look: {@code --clients=starter,bare Reactor Netty,RestClient + pool}, {@code --concurrency=16,64},
 * {@code --latency=0,50}, {@code --starter-default-pool} (the starter without a connection pool of its own),
 * {@code --rounds=N} (default 2: how many times each client is measured at each concurrency, in alternating order),
 * {@code --forks=N} (default 2: each of the load harness's clients in N new JVMs of its own at each concurrency,
 * taken in turn by the rounds, of which there are at least as many; 0 for all the clients in this JVM) and
 * {@code --jfr=DIR} (a JFR recording of each measured load window, for profiling; its figures include JFR's cost).
 * <p>
 * The {@linkplain LoadHarness#REST_CLIENT_VIRTUAL RestClient on virtual threads} needs Java 21 or later: run the jar
 * on such a JDK to include it (every JVM of the run then uses it); on an older one it is left out, and said so.
 */
public final class BenchmarkMain {

	/** The latencies the simulators add. */
	static final int[] LATENCIES = { 0, 50 };

	/** The concurrencies of the load harness. */
	static final int[] CONCURRENCIES = { 16, 64, 256 };

	private BenchmarkMain() {
	}

	/**
	 * Run the benchmarks.
	 * @param args the options
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		Path out = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "results") : Path.of("results");
		String skip = "";
		long bulkTotal = 1_000_000;
		int bulkConcurrency = 120;
		double measureSeconds = 3;
		double warmupSeconds = 3;
		Set<String> clients = new LinkedHashSet<>(LoadHarness.CLIENTS);
		Path jfr = null;
		int[] concurrencies = CONCURRENCIES;
		int[] latencies = LATENCIES;
		boolean starterDefaultPool = false;
		int forks = 2;
		int rounds = 2;
		String redisPort = System.getenv("NXCLOUD_REDIS_PORT");
		Double fleetSeconds = null;
		for (String arg : args) {
			String value = arg.substring(arg.indexOf('=') + 1);
			if (arg.startsWith("--out=")) {
				out = Path.of(value);
			}
			else if (arg.startsWith("--skip=")) {
				skip = value;
			}
			else if (arg.startsWith("--redis-port=")) {
				redisPort = value;
			}
			else if (arg.startsWith("--fleet-seconds=")) {
				fleetSeconds = Double.parseDouble(value);
			}
			else if (arg.startsWith("--bulk-total=")) {
				bulkTotal = Long.parseLong(value);
			}
			else if (arg.startsWith("--bulk-concurrency=")) {
				bulkConcurrency = Integer.parseInt(value);
			}
			else if (arg.startsWith("--measure=")) {
				measureSeconds = Double.parseDouble(value);
			}
			else if (arg.startsWith("--warmup=")) {
				warmupSeconds = Double.parseDouble(value);
			}
			else if (arg.equals("--starter-default-pool")) {
				starterDefaultPool = true;
			}
			else if (arg.startsWith("--rounds=")) {
				rounds = Integer.parseInt(value);
			}
			else if (arg.startsWith("--forks=")) {
				forks = Integer.parseInt(value);
			}
			else if (arg.startsWith("--jfr=")) {
				jfr = Path.of(value);
			}
			else if (arg.startsWith("--clients=")) {
				clients = new LinkedHashSet<>(List.of(value.split(",")));
			}
			else if (arg.startsWith("--concurrency=")) {
				concurrencies = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
			}
			else if (arg.startsWith("--latency=")) {
				latencies = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
			}
			else {
				throw new IllegalArgumentException("Unknown option " + arg);
			}
		}
		log("Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + "), pid "
				+ ProcessHandle.current().pid());
		List<String> skipped = new ArrayList<>();
		if (!skip.contains("load")) {
			for (String client : clients) {
				String unavailable = LoadHarness.unavailable(client);
				if (unavailable != null) {
					skipped.add(client + ": " + unavailable);
					log("Load: " + client + " skipped, " + unavailable
							+ "; run the jar with such a JDK's java to include it");
				}
			}
		}
		if (jfr != null) {
			log("Load: a JFR recording of each measured window goes to " + jfr.toAbsolutePath()
					+ " (its figures include JFR's cost: do not publish them)");
		}
		LoadHarness.Settings loadSettings = new LoadHarness.Settings(concurrencies, seconds(warmupSeconds),
				seconds(measureSeconds), rounds, clients, starterDefaultPool, jfr, forks);
		Instant started = Instant.now();
		List<PreparationRow> preparation = List.of();
		if (!skip.contains("jmh")) {
			log("JMH: preparation of one signed template send");
			preparation = PreparationRunner.run(2);
		}
		List<LoadHarness.Row> load = new ArrayList<>();
		BulkSendHarness.Result bulk = null;
		if (!skip.contains("load") || !skip.contains("bulk")) {
			try (SimulatorProcess simulators = SimulatorProcess.fork(LATENCIES)) {
				if (!skip.contains("load")) {
					LoadHarness harness = new LoadHarness(loadSettings);
					for (int i = 0; i < LATENCIES.length; i++) {
						int latency = LATENCIES[i];
						if (Arrays.stream(latencies).noneMatch((l) -> l == latency)) {
							continue;
						}
						log("Load: simulator latency " + latency + " ms");
						load.addAll(harness.run(simulators.baseUrl(i), latency, BenchmarkMain::log));
					}
				}
				if (!skip.contains("bulk")) {
					log("Bulk: " + bulkTotal + " sends, " + bulkConcurrency + " in flight, 50 ms latency");
					try (StarterClient starter = new StarterClient(simulators.baseUrl(1), bulkConcurrency)) {
						BulkSendHarness.run(starter.bulkSender(bulkConcurrency), BenchmarkRequests.templateMessage(),
								Math.min(bulkTotal, 2L * bulkConcurrency * 20), bulkConcurrency,
								Duration.ofMillis(50), (line) -> { });
						bulk = BulkSendHarness.run(starter.bulkSender(bulkConcurrency), BenchmarkRequests.templateMessage(), bulkTotal,
								bulkConcurrency, Duration.ofMillis(50), BenchmarkMain::log);
					}
				}
			}
		}
		if (!skip.contains("fleet")) {
			if (redisPort == null || redisPort.isBlank()) {
				log("Fleet: skipped, no Redis (--redis-port=N or NXCLOUD_REDIS_PORT)");
			}
			else {
				FleetBenchmark.Settings settings = FleetBenchmark.Settings.defaults(Integer.parseInt(redisPort.trim()));
				if (fleetSeconds != null) {
					settings = settings.withSeconds(fleetSeconds);
				}
				FleetBenchmark fleet = new FleetBenchmark(settings, BenchmarkMain::log);
				String markdown = fleet.write(fleet.run(), out);
				log("Wrote " + out.resolve(FleetBenchmark.MARKDOWN));
				System.out.println();
				System.out.println(markdown);
			}
		}
		Duration took = Duration.between(started, Instant.now());
		if (!(skip.contains("jmh") && skip.contains("load") && skip.contains("bulk"))) {
			Report report = new Report(preparation, load, bulk, took, BenchmarkRequests.starterBytes().length,
					skipped, loadSettings.forks(), loadSettings.rounds());
			report.write(out);
			log("Wrote " + out.resolve(Report.MARKDOWN) + " and " + out.resolve(Report.CHART) + " in "
					+ took.toSeconds() + " s");
			System.out.println();
			System.out.println(report.markdown());
		}
		System.exit(0);
	}

	private static Duration seconds(double seconds) {
		return Duration.ofMillis((long) (seconds * 1000));
	}

	static void log(String line) {
		System.out.println("[benchmarks] " + line);
		System.out.flush();
	}

}
