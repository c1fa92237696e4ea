package dev.nxcloud.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Runs the three clients against one simulator at several concurrencies: the starter's service bean, the bare
 * Reactor Netty floor and the hand-signed blocking {@code RestClient}. At each concurrency every client is warmed
 * up, then measured in alternating order over several rounds, so that the three see the same machine. Before the
 * first concurrency, every client runs for twice the warm-up time at the highest concurrency, for the JIT.
 */
public final class LoadHarness {

	/** The starter's service bean. */
	public static final String STARTER = "starter";

	/** A bare WebClient posting pre-signed bytes: the same HTTP stack as the starter. */
	public static final String BARE_WEBCLIENT = "bare WebClient";

	/** The bare Reactor Netty client posting pre-signed bytes. */
	public static final String BARE = "bare Reactor Netty";

	/** The blocking RestClient signing by hand. */
	public static final String REST_CLIENT = "RestClient + pool";

	private final Settings settings;

	/**
	 * Create a harness.
	 * @param settings how long to warm up and measure
	 */
	public LoadHarness(Settings settings) {
		this.settings = settings;
	}

	/**
	 * Measure every client at every concurrency against one simulator.
	 * @param baseUrl the simulator's base URL
	 * @param latencyMillis the latency the simulator adds, for the report
	 * @param progress told about each finished measurement
	 * @return the measurements, by concurrency then client
	 */
	public List<Row> run(String baseUrl, int latencyMillis, java.util.function.Consumer<String> progress) {
		int maxConcurrency = 0;
		for (int concurrency : this.settings.concurrencies()) {
			maxConcurrency = Math.max(maxConcurrency, concurrency);
		}
		List<Row> rows = new ArrayList<>();
		try (StarterClient starter = new StarterClient(baseUrl,
				this.settings.starterDefaultPool() ? 0 : maxConcurrency);
				BareReactorNettyClient bare = new BareReactorNettyClient(baseUrl, maxConcurrency);
				BareWebClient bareWebClient = new BareWebClient(baseUrl, maxConcurrency);
				HandSignedRestClient restClient = new HandSignedRestClient(baseUrl)) {
			warmUp(starter, bare, bareWebClient, restClient, maxConcurrency);
			for (int concurrency : this.settings.concurrencies()) {
				ExecutorService pool = Executors.newFixedThreadPool(concurrency);
				try {
					Map<String, Function<Duration, Window>> clients = new LinkedHashMap<>();
					int c = concurrency;
					clients.put(STARTER, (duration) -> LoadDriver.runReactive(starter::send, c, duration));
					clients.put(BARE, (duration) -> LoadDriver.runReactive(bare::send, c, duration));
					clients.put(BARE_WEBCLIENT, (duration) -> LoadDriver.runReactive(bareWebClient::send, c, duration));
					clients.put(REST_CLIENT, (duration) -> LoadDriver.runBlocking(restClient::send, pool, c, duration));
					clients.keySet().retainAll(this.settings.clients());
					Map<String, Window> measured = new LinkedHashMap<>();
					clients.values().forEach((client) -> client.apply(this.settings.warmup()));
					List<String> order = new ArrayList<>(clients.keySet());
					for (int round = 0; round < this.settings.rounds(); round++) {
						for (String name : order) {
							Window window = clients.get(name).apply(this.settings.measure());
							measured.merge(name, window, Window::plus);
						}
						java.util.Collections.reverse(order);
					}
					measured.forEach((name, window) -> {
						rows.add(new Row(latencyMillis, c, name, window));
						progress.accept(String.format("%4d ms  c=%-4d %-20s %8.0f calls/s  errors %d", latencyMillis, c,
								name, window.throughput(), window.errors()));
					});
				}
				finally {
					pool.shutdownNow();
				}
			}
		}
		return rows;
	}

	private void warmUp(StarterClient starter, BareReactorNettyClient bare, BareWebClient bareWebClient,
			HandSignedRestClient restClient, int concurrency) {
		Duration duration = this.settings.warmup().multipliedBy(2);
		Set<String> clients = this.settings.clients();
		if (clients.contains(STARTER)) {
			LoadDriver.runReactive(starter::send, concurrency, duration);
		}
		if (clients.contains(BARE)) {
			LoadDriver.runReactive(bare::send, concurrency, duration);
		}
		if (clients.contains(BARE_WEBCLIENT)) {
			LoadDriver.runReactive(bareWebClient::send, concurrency, duration);
		}
		if (clients.contains(REST_CLIENT)) {
			ExecutorService pool = Executors.newFixedThreadPool(concurrency);
			try {
				LoadDriver.runBlocking(restClient::send, pool, concurrency, duration);
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
	 * @param clients the names of the clients to run
	 * @param starterDefaultPool whether the starter keeps Spring Boot's default connection pool instead of one as
	 * large as the concurrency
	 */
	public record Settings(int[] concurrencies, Duration warmup, Duration measure, int rounds,
			Set<String> clients, boolean starterDefaultPool) {
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
