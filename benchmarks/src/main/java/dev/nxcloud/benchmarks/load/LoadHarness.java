package dev.nxcloud.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * Runs the clients against one simulator at several concurrencies: the starter's service bean, a bare WebClient and
 * a bare Reactor Netty client posting pre-signed bytes, and the hand-signed blocking {@code RestClient} on a pool of
 * platform threads and, on Java 21 or later, on a virtual thread per call. At each concurrency every client is warmed
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
		boolean virtualThreads = runs(REST_CLIENT_VIRTUAL);
		List<Row> rows = new ArrayList<>();
		try (StarterClient starter = new StarterClient(baseUrl,
				this.settings.starterDefaultPool() ? 0 : maxConcurrency);
				BareReactorNettyClient bare = new BareReactorNettyClient(baseUrl, maxConcurrency);
				BareWebClient bareWebClient = new BareWebClient(baseUrl, maxConcurrency);
				HandSignedRestClient restClient = new HandSignedRestClient(baseUrl);
				HandSignedRestClient virtualRestClient = virtualThreads
						? HandSignedRestClient.onVirtualThreads(baseUrl) : null) {
			Clients clients = new Clients(starter, bare, bareWebClient, restClient, virtualRestClient,
					virtualThreads ? new VirtualThreadTaskExecutor() : null);
			clients.measure(maxConcurrency, (drivers) -> drivers.values()
				.forEach((driver) -> driver.apply(this.settings.warmup().multipliedBy(2))));
			for (int concurrency : this.settings.concurrencies()) {
				clients.measure(concurrency, (drivers) -> {
					Map<String, Window> measured = new LinkedHashMap<>();
					drivers.values().forEach((driver) -> driver.apply(this.settings.warmup()));
					List<String> order = new ArrayList<>(drivers.keySet());
					for (int round = 0; round < this.settings.rounds(); round++) {
						for (String name : order) {
							Window window = measure(drivers.get(name), latencyMillis, concurrency, name, round);
							measured.merge(name, window, Window::plus);
						}
						Collections.reverse(order);
					}
					measured.forEach((name, window) -> {
						rows.add(new Row(latencyMillis, concurrency, name, window));
						progress.accept(String.format("%4d ms  c=%-4d %-28s %8.0f calls/s  errors %d", latencyMillis,
								concurrency, name, window.throughput(), window.errors()));
					});
				});
			}
		}
		return rows;
	}

	private boolean runs(String client) {
		return this.settings.clients().contains(client) && unavailable(client) == null;
	}

	private Window measure(Function<Duration, Window> driver, int latencyMillis, int concurrency, String client,
			int round) {
		Path jfr = this.settings.jfr();
		if (jfr == null) {
			return driver.apply(this.settings.measure());
		}
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.start();
			Window window = driver.apply(this.settings.measure());
			recording.stop();
			Files.createDirectories(jfr);
			recording.dump(jfr.resolve(String.format("%dms-c%d-%s-round%d.jfr", latencyMillis, concurrency,
					client.replaceAll("[^A-Za-z0-9]+", "-"), round + 1)));
			return window;
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("Cannot record " + client + " with JFR", ex);
		}
	}

	/**
	 * The clients of one simulator, and how each is driven at a concurrency.
	 */
	private final class Clients {

		private final StarterClient starter;

		private final BareReactorNettyClient bare;

		private final BareWebClient bareWebClient;

		private final HandSignedRestClient restClient;

		private final @Nullable HandSignedRestClient virtualRestClient;

		private final @Nullable VirtualThreadTaskExecutor virtualThreadPerCall;

		Clients(StarterClient starter, BareReactorNettyClient bare, BareWebClient bareWebClient,
				HandSignedRestClient restClient, @Nullable HandSignedRestClient virtualRestClient,
				@Nullable VirtualThreadTaskExecutor virtualThreadPerCall) {
			this.starter = starter;
			this.bare = bare;
			this.bareWebClient = bareWebClient;
			this.restClient = restClient;
			this.virtualRestClient = virtualRestClient;
			this.virtualThreadPerCall = virtualThreadPerCall;
		}

		/**
		 * Give a measurement the drivers of the selected clients at a concurrency, by name; each driver runs its
		 * client for a duration.
		 */
		void measure(int concurrency, Consumer<Map<String, Function<Duration, Window>>> measurement) {
			ExecutorService pool = Executors.newFixedThreadPool(concurrency);
			try {
				Map<String, Function<Duration, Window>> drivers = new LinkedHashMap<>();
				drivers.put(STARTER, (duration) -> LoadDriver.runReactive(this.starter::send, concurrency, duration));
				drivers.put(BARE, (duration) -> LoadDriver.runReactive(this.bare::send, concurrency, duration));
				drivers.put(BARE_WEBCLIENT,
						(duration) -> LoadDriver.runReactive(this.bareWebClient::send, concurrency, duration));
				drivers.put(REST_CLIENT,
						(duration) -> LoadDriver.runBlocking(this.restClient::send, pool, concurrency, duration));
				HandSignedRestClient virtual = this.virtualRestClient;
				VirtualThreadTaskExecutor perCall = this.virtualThreadPerCall;
				if (virtual != null && perCall != null) {
					drivers.put(REST_CLIENT_VIRTUAL,
							(duration) -> LoadDriver.runThreadPerCall(virtual::send, perCall, concurrency, duration));
				}
				drivers.keySet().retainAll(LoadHarness.this.settings.clients());
				measurement.accept(drivers);
			}
			finally {
				pool.shutdownNow();
			}
		}

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
	 */
	public record Settings(int[] concurrencies, Duration warmup, Duration measure, int rounds, Set<String> clients,
			boolean starterDefaultPool, @Nullable Path jfr) {
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
