package dev.nxcloud.benchmarks.load;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.jspecify.annotations.Nullable;

import org.springframework.core.task.VirtualThreadTaskExecutor;

/**
 * One of the {@linkplain LoadHarness#CLIENTS harness's clients} in this JVM, with what drives it.
 */
final class LocalClient implements LoadClient {

	private static final Duration POLL = Duration.ofMillis(100);

	/** How many polls in a row must see no compilation for the JIT to count as idle. */
	private static final int QUIET_POLLS = 10;

	private static final Duration SETTLE_AT_MOST = Duration.ofSeconds(30);

	private final AutoCloseable resources;

	private final Driver driver;

	private LocalClient(AutoCloseable resources, Driver driver) {
		this.resources = resources;
		this.driver = driver;
	}

	/**
	 * Make a client against a simulator.
	 * @param client the client's name, one of {@link LoadHarness#CLIENTS}
	 * @param baseUrl the simulator's base URL
	 * @param maxConcurrency the most calls in flight it will be driven with: the size of its connection pool, for
	 * the clients on Reactor Netty
	 * @param starterDefaultPool whether the starter keeps Spring Boot's default connection pool
	 * @return the client
	 */
	static LocalClient open(String client, String baseUrl, int maxConcurrency, boolean starterDefaultPool) {
		switch (client) {
			case LoadHarness.STARTER -> {
				StarterClient starter = new StarterClient(baseUrl, starterDefaultPool ? 0 : maxConcurrency);
				return new LocalClient(starter, (concurrency, duration) -> LoadDriver.runReactive(starter::send,
						concurrency, duration));
			}
			case LoadHarness.BARE -> {
				BareReactorNettyClient bare = new BareReactorNettyClient(baseUrl, maxConcurrency);
				return new LocalClient(bare,
						(concurrency, duration) -> LoadDriver.runReactive(bare::send, concurrency, duration));
			}
			case LoadHarness.BARE_WEBCLIENT -> {
				BareWebClient bare = new BareWebClient(baseUrl, maxConcurrency);
				return new LocalClient(bare,
						(concurrency, duration) -> LoadDriver.runReactive(bare::send, concurrency, duration));
			}
			case LoadHarness.REST_CLIENT -> {
				HandSignedRestClient restClient = new HandSignedRestClient(baseUrl);
				PlatformThreads threads = new PlatformThreads();
				return new LocalClient(() -> {
					threads.close();
					restClient.close();
				}, (concurrency, duration) -> LoadDriver.runBlocking(restClient::send, threads.pool(concurrency),
						concurrency, duration));
			}
			case LoadHarness.REST_CLIENT_VIRTUAL -> {
				HandSignedRestClient restClient = HandSignedRestClient.onVirtualThreads(baseUrl);
				VirtualThreadTaskExecutor threadPerCall = new VirtualThreadTaskExecutor();
				return new LocalClient(restClient, (concurrency, duration) -> LoadDriver
					.runThreadPerCall(restClient::send, threadPerCall, concurrency, duration));
			}
			default -> throw new IllegalArgumentException(
					"Unknown client '" + client + "': one of " + LoadHarness.CLIENTS + " expected");
		}
	}

	@Override
	public Window run(int concurrency, Duration duration, @Nullable Path jfr) {
		if (jfr == null) {
			return this.driver.run(concurrency, duration);
		}
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.start();
			Window window = this.driver.run(concurrency, duration);
			recording.stop();
			Files.createDirectories(jfr.toAbsolutePath().getParent());
			recording.dump(jfr);
			return window;
		}
		catch (IOException | ParseException ex) {
			throw new IllegalStateException("Cannot record " + jfr + " with JFR", ex);
		}
	}

	@Override
	public void settle() {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		long deadline = System.nanoTime() + SETTLE_AT_MOST.toNanos();
		long compiled = jit.getTotalCompilationTime();
		int quiet = 0;
		while (quiet < QUIET_POLLS && System.nanoTime() < deadline) {
			try {
				Thread.sleep(POLL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			long now = jit.getTotalCompilationTime();
			quiet = (now == compiled) ? quiet + 1 : 0;
			compiled = now;
		}
	}

	@Override
	public void close() {
		try {
			this.resources.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot close a client", ex);
		}
	}

	/**
	 * Drives a client for a duration.
	 */
	@FunctionalInterface
	private interface Driver {

		Window run(int concurrency, Duration duration);

	}

	/**
	 * A pool of as many platform threads as the calls in flight, kept while the concurrency stays the same, so that
	 * no measured window starts threads.
	 */
	private static final class PlatformThreads implements AutoCloseable {

		private @Nullable ExecutorService pool;

		private int size;

		ExecutorService pool(int concurrency) {
			ExecutorService pool = this.pool;
			if (pool == null || this.size != concurrency) {
				close();
				pool = Executors.newFixedThreadPool(concurrency);
				this.pool = pool;
				this.size = concurrency;
			}
			return pool;
		}

		@Override
		public void close() {
			if (this.pool != null) {
				this.pool.shutdownNow();
			}
		}

	}

}
