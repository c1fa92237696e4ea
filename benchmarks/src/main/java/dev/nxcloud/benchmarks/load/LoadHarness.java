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
 * platform threads and, on Java 21 or later, on a virtual thread per call.
 * <p>
 * At each concurrency, each client runs in new JVMs of its own ({@link ClientProcess}), as JMH forks a benchmark: the
 * JIT then compiles the code the clients share (Reactor, Netty, Spring's HTTP layer) for that client's calls at that
 * concurrency alone, not for another client's or for another concurrency's. Every JVM is warmed up, for twice the
 * warm-up time since it starts cold, and left until its JIT is idle, since a JIT still compiling takes CPU from
 * whichever client runs next. Then the clients are measured in alternating order over several rounds, so that all
 * see the same machine, each measured run right after an unmeasured lead-in of the same client; the rounds take a
 * client's JVMs in turn, and its figures are their runs merged. Before the first concurrency, every client runs for twice the warm-up time at the highest concurrency, in
 * a JVM then closed, to warm the simulator and the machine up: without it the first concurrency's measured runs grew
 * faster from one to the next. With no forks, the clients all run in this JVM, that first warm-up included, and are
 * warmed up again at each concurrency and measured in the same way.
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

	/**
	 * How long a client runs, unmeasured, right before each measured run, at most: a client that was idle while
	 * others ran is slower for its first second or so (by up to a fifth over a 5 s run, on these machines), whatever
	 * its warm-up.
	 */
	private static final Duration LEAD_IN = Duration.ofSeconds(2);

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
		int forks = this.settings.forks();
		Map<String, List<LoadClient>> clients = open(baseUrl, maxConcurrency, Math.min(forks, 1));
		try {
			warmUp(clients, maxConcurrency, this.settings.warmup().multipliedBy(2));
			for (int concurrency : this.settings.concurrencies()) {
				if (forks > 0) {
					close(clients);
					clients = Map.of();
					clients = open(baseUrl, maxConcurrency, forks);
				}
				rows.addAll(measure(clients, latencyMillis, concurrency, progress));
			}
		}
		finally {
			close(clients);
		}
		return rows;
	}

	/**
	 * Warm every client up at a concurrency, then measure each in alternating order over the rounds, which take a
	 * client's forks in turn.
	 */
	private List<Row> measure(Map<String, List<LoadClient>> clients, int latencyMillis, int concurrency,
			Consumer<String> progress) {
		warmUp(clients, concurrency,
				(this.settings.forks() > 0) ? this.settings.warmup().multipliedBy(2) : this.settings.warmup());
		Duration leadIn = (this.settings.warmup().compareTo(LEAD_IN) < 0) ? this.settings.warmup() : LEAD_IN;
		Map<String, Window> measured = new LinkedHashMap<>();
		Map<String, List<String>> rounds = new LinkedHashMap<>();
		List<String> order = new ArrayList<>(clients.keySet());
		for (int round = 0; round < this.settings.rounds(); round++) {
			for (String name : order) {
				List<LoadClient> forks = clients.get(name);
				LoadClient client = forks.get(round % forks.size());
				client.run(concurrency, leadIn, null);
				Window window = client.run(concurrency, this.settings.measure(),
						recording(latencyMillis, concurrency, name, round));
				measured.merge(name, window, Window::plus);
				rounds.computeIfAbsent(name, (key) -> new ArrayList<>())
					.add(String.format("%.0f/s %.0f µs", window.throughput(), window.cpuNanosPerCall() / 1000));
			}
			Collections.reverse(order);
		}
		List<Row> rows = new ArrayList<>();
		measured.forEach((name, window) -> {
			rows.add(new Row(latencyMillis, concurrency, name, window));
			progress.accept(String.format("%4d ms  c=%-4d %-28s %8.0f calls/s  errors %d  (rounds: %s)",
					latencyMillis, concurrency, name, window.throughput(), window.errors(),
					String.join(", ", rounds.get(name))));
		});
		return rows;
	}

	/**
	 * Open each client that runs, in this JVM or in JVMs of its own, by name.
	 */
	private Map<String, List<LoadClient>> open(String baseUrl, int maxConcurrency, int forks) {
		Map<String, List<LoadClient>> clients = new LinkedHashMap<>();
		boolean starterDefaultPool = this.settings.starterDefaultPool();
		try {
			for (String client : CLIENTS) {
				if (runs(client)) {
					List<LoadClient> jvms = new ArrayList<>();
					clients.put(client, jvms);
					if (forks == 0) {
						jvms.add(LocalClient.open(client, baseUrl, maxConcurrency, starterDefaultPool));
					}
					for (int fork = 0; fork < forks; fork++) {
						jvms.add(ClientProcess.fork(client, baseUrl, maxConcurrency, starterDefaultPool));
					}
				}
			}
			return clients;
		}
		catch (RuntimeException ex) {
			try {
				close(clients);
			}
			catch (RuntimeException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	/**
	 * Close every client, even when closing one fails.
	 */
	private static void close(Map<String, List<LoadClient>> clients) {
		RuntimeException failure = null;
		for (List<LoadClient> forks : clients.values()) {
			for (LoadClient client : forks) {
				try {
					client.close();
				}
				catch (RuntimeException ex) {
					if (failure == null) {
						failure = ex;
					}
					else {
						failure.addSuppressed(ex);
					}
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Run every client for the warm-up, each left until its JIT is idle before the next one runs, so that no JVM's
	 * compilations take CPU from another's warm-up or from a measured run.
	 */
	private static void warmUp(Map<String, List<LoadClient>> clients, int concurrency, Duration warmup) {
		for (List<LoadClient> forks : clients.values()) {
			for (LoadClient client : forks) {
				client.run(concurrency, warmup, null);
				client.settle();
			}
		}
	}

	private boolean runs(String client) {
		return this.settings.clients().contains(client) && unavailable(client) == null;
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
	 * @param rounds how many measured runs each client gets, in alternating order; at least as many as the forks
	 * @param clients the names of the clients to run; those {@linkplain #unavailable(String) this JVM cannot run}
	 * are left out
	 * @param starterDefaultPool whether the starter keeps Spring Boot's default connection pool instead of one as
	 * large as the concurrency
	 * @param jfr a directory to write a JFR recording (settings {@code profile}) of each measured run to, or
	 * {@code null} for none
	 * @param forks how many {@linkplain ClientProcess JVMs of its own} each client runs in at each concurrency, the
	 * rounds taking them in turn; 0 for all the clients in the harness's JVM
	 */
	public record Settings(int[] concurrencies, Duration warmup, Duration measure, int rounds, Set<String> clients,
			boolean starterDefaultPool, @Nullable Path jfr, int forks) {

		/**
		 * Check the settings, and take at least as many rounds as forks, so that each fork is measured.
		 */
		public Settings {
			if (forks < 0) {
				throw new IllegalArgumentException("forks must be 0 or more, not " + forks);
			}
			if (rounds < 1) {
				throw new IllegalArgumentException("rounds must be 1 or more, not " + rounds);
			}
			rounds = Math.max(rounds, forks);
		}
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
