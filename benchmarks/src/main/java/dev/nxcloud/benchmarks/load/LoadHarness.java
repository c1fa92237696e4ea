package dev.nxcloud.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Runs the clients against one simulator at several concurrencies: the starter's service bean, a bare WebClient and
 * a bare Reactor Netty client posting pre-signed bytes, and the hand-signed blocking {@code RestClient} on a pool of
 * platform threads and, on Java 21 or later, on a virtual thread per call. Each client runs in JVMs of its own
 * ({@link ClientProcess}, as JMH forks), unless the settings say otherwise. At each concurrency every client is warmed
 * up, then measured in alternating order over several rounds, so that all see the same machine. Before the first
 * concurrency, every client runs for twice the warm-up time at the highest concurrency, for the JIT.
 */
public final class LoadHarness {

	/** The starter's service bean. */
	public static final String STARTER = "starter";

	/** A bare WebClient posting pre-signed bytes: the same HTTP stack as the starter. */
	public static final String BARE_WEBCLIENT = "bare WebClient";

	/** The bare Reactor Netty client posting pre-signed bytes. */
	public static final String BARE = "bare Reactor Netty";

	/** The blocking RestClient signing by hand, called from a pool of platform threads. */
	public static final String REST_CLIENT = "RestClient + pool";

	/**
	 * The blocking RestClient signing by hand, each call on a virtual thread of its own, its HTTP client's work on
	 * virtual threads too: what a Spring MVC application on a current JDK would use instead of the starter.
	 */
	public static final String REST_CLIENT_VIRTUAL = "RestClient + virtual threads";

	/** Every client, in the order of the report. */
	public static final List<String> CLIENTS = List.of(STARTER, BARE, BARE_WEBCLIENT, REST_CLIENT,
			REST_CLIENT_VIRTUAL);

	private static final int VIRTUAL_THREADS_FEATURE = 21;

	private final Settings settings;

	/**
	 * Create a harness.
	 * @param settings how long to warm up and measure
	 */
	public LoadHarness(Settings settings) {
		this.settings = settings;
	}

	/**
	 * Why a client cannot run on this JVM.
	 * @param client the client's name
	 * @return the reason, or {@code null} when it can run
	 */
	public static @Nullable String unavailable(String client) {
		if (client.equals(REST_CLIENT_VIRTUAL) && Runtime.version().feature() < VIRTUAL_THREADS_FEATURE) {
			return "Java " + Runtime.version() + " has no virtual threads (Java " + VIRTUAL_THREADS_FEATURE
					+ " or later has)";
		}
		return null;
	}

	/**
	 * Measure every client that can run on this JVM at every concurrency against one simulator.
	 * @param baseUrl the simulator's base URL
	 * @param latencyMillis the latency the simulator adds, for the report
	 * @param progress told about each finished measurement
	 * @return the measurements, by concurrency then client
	 */
	public List<Row> run(String baseUrl, int latencyMillis, Consumer<String> progress) {
		int maxConcurrency = 0;
		for (int concurrency : this.settings.concurrencies()) {
			maxConcurrency = Math.max(maxConcurrency, concurrency);
		}
		List<Row> rows = new ArrayList<>();
		Map<String, List<LoadClient>> clients = new LinkedHashMap<>();
		try {
			for (String client : CLIENTS) {
				if (runs(client)) {
					List<LoadClient> forks = new ArrayList<>();
					clients.put(client, forks);
					for (int fork = 0; fork < Math.max(1, this.settings.forks()); fork++) {
						forks.add(open(client, baseUrl, maxConcurrency));
					}
				}
			}
			warmUp(clients, maxConcurrency, this.settings.warmup().multipliedBy(2));
			for (int concurrency : this.settings.concurrencies()) {
				warmUp(clients, concurrency, this.settings.warmup());
				Map<String, Window> measured = new LinkedHashMap<>();
				Map<String, List<String>> rounds = new LinkedHashMap<>();
				List<String> order = new ArrayList<>(clients.keySet());
				for (int round = 0; round < this.settings.rounds(); round++) {
					for (String name : order) {
						List<LoadClient> forks = clients.get(name);
						Window window = forks.get(round % forks.size())
							.run(concurrency, this.settings.measure(),
									recording(latencyMillis, concurrency, name, round));
						measured.merge(name, window, Window::plus);
						rounds.computeIfAbsent(name, (key) -> new ArrayList<>())
							.add(String.format("%.0f", window.throughput()));
					}
					Collections.reverse(order);
				}
				measured.forEach((name, window) -> {
					rows.add(new Row(latencyMillis, concurrency, name, window));
					progress.accept(String.format("%4d ms  c=%-4d %-28s %8.0f calls/s  errors %d  (rounds: %s)",
							latencyMillis, concurrency, name, window.throughput(), window.errors(),
							String.join(", ", rounds.get(name))));
				});
			}
		}
		finally {
			clients.values().forEach((forks) -> forks.forEach(LoadClient::close));
		}
		return rows;
	}

	private static void warmUp(Map<String, List<LoadClient>> clients, int concurrency, Duration warmup) {
		for (List<LoadClient> forks : clients.values()) {
			for (LoadClient client : forks) {
				client.run(concurrency, warmup, null);
			}
		}
	}

	private boolean runs(String client) {
		return this.settings.clients().contains(client) && unavailable(client) == null;
	}

	private LoadClient open(String client, String baseUrl, int maxConcurrency) {
		boolean starterDefaultPool = this.settings.starterDefaultPool();
		return (this.settings.forks() == 0) ? LocalClient.open(client, baseUrl, maxConcurrency, starterDefaultPool)
				: ClientProcess.fork(client, baseUrl, maxConcurrency, starterDefaultPool);
	}

	private @Nullable Path recording(int latencyMillis, int concurrency, String client, int round) {
		Path jfr = this.settings.jfr();
		return (jfr != null) ? jfr.resolve(String.format("%dms-c%d-%s-round%d.jfr", latencyMillis, concurrency,
				client.replaceAll("[^A-Za-z0-9]+", "-"), round + 1)) : null;
	}

	/**
	 * How a harness measures.
	 *
	 * @param concurrencies the calls in flight, one measurement each
	 * @param warmup how long each client runs before it is measured at a concurrency
	 * @param measure how long one measured run of a client lasts
	 * @param rounds how many measured runs each client gets, in alternating order
	 * @param clients the names of the clients to run; those {@linkplain #unavailable(String) this JVM cannot run}
	 * are left out
	 * @param starterDefaultPool whether the starter keeps Spring Boot's default connection pool instead of one as
	 * large as the concurrency
	 * @param jfr a directory to write a JFR recording (settings {@code profile}) of each measured run to, or
	 * {@code null} for none
	 * @param forks how many {@linkplain ClientProcess JVMs of its own} each client runs in, each warmed up, the
	 * rounds taking them in turn and their windows merged, so that one JVM's JIT does not decide a client's figures;
	 * 0 for all the clients in the harness's JVM
	 */
	public record Settings(int[] concurrencies, Duration warmup, Duration measure, int rounds, Set<String> clients,
			boolean starterDefaultPool, @Nullable Path jfr, int forks) {
	}

	/**
	 * One client at one concurrency and latency.
	 *
	 * @param latencyMillis the latency the simulator added
	 * @param concurrency the calls in flight
	 * @param client the client's name
	 * @param window what was measured
	 */
	public record Row(int latencyMillis, int concurrency, String client, Window window) {
	}

}
