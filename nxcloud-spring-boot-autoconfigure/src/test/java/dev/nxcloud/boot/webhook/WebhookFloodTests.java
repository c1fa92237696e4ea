package dev.nxcloud.boot.webhook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unauthenticated flood of issue #16 against the real WebFlux endpoint in a JVM of its own with a 64 MB heap
 * ({@link WebhookFloodServer}, default settings: signature checking off, the in-memory store of 10,000 keys, the 1 MB
 * body limit): 150 posts of about 1 MB, each with a distinct id of about 1 MB; 20 posts of 1 MB that would each decode
 * into 350,000 events; 12,000 small posts with distinct ids, more than the store holds. Every request is answered, the
 * process lives on without an {@code OutOfMemoryError}, every distinct event is handed over once, and what the flood
 * leaves on the heap after a full GC is the store's bound and little more.
 */
class WebhookFloodTests {

	private static final int LARGE = 150;

	private static final int EXPANDING = 20;

	private static final int SMALL = 12_000;

	private static final int BODY_LIMIT = 1024 * 1024;

	/** Counted for a request that got no answer (the connection failed or was closed). */
	private static final int NO_ANSWER = -1;

	/** The in-memory store's bound: 256 bytes a key, 10,000 keys. */
	private static final long STORE_BOUND = 256L * 10_000;

	@Test
	void anUnauthenticatedFloodLeavesTheHeapBounded() throws Exception {
		Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
				WebhookFloodServer.class.getName())
			.redirectErrorStream(true)
			.start();
		List<String> output = Collections.synchronizedList(new ArrayList<>());
		BlockingQueue<String> answers = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> read(server, output, answers), "flood-server-output");
		reader.setDaemon(true);
		reader.start();
		try (Writer commands = server.outputWriter(StandardCharsets.UTF_8)) {
			String port = answers.poll(120, TimeUnit.SECONDS);
			assertThat(port).as("the server's port; its output: %s", output).isNotNull().startsWith("PORT ");
			URI endpoint = URI.create("http://127.0.0.1:" + port.substring(5) + "/nxcloud/webhook");
			long[] before = report(commands, answers);

			String padding = "x".repeat(BODY_LIMIT - 100);
			String expanding = "{\"statuses\":[" + String.join(",", Collections.nCopies(BODY_LIMIT / 3 - 10, "{}"))
					+ "]}";
			Map<Integer, AtomicInteger> large = post(endpoint, LARGE,
					(i) -> "{\"statuses\":[{\"id\":\"" + i + padding + "\",\"status\":\"read\"}]}");
			Map<Integer, AtomicInteger> expanded = post(endpoint, EXPANDING, (i) -> expanding.replace("{}]", "{\"n\":" + i + "}]"));
			Map<Integer, AtomicInteger> small = post(endpoint, SMALL,
					(i) -> "{\"statuses\":[{\"id\":\"wamid.small" + i + "\",\"status\":\"read\"}]}");
			assertThat(output).as("the server's output").noneMatch((line) -> line.contains("OutOfMemoryError"));
			assertThat(server.isAlive()).isTrue();
			long[] after = report(commands, answers);

			assertThat(large).containsOnlyKeys(200).extractingByKey(200).hasToString(Integer.toString(LARGE));
			assertThat(expanded).containsOnlyKeys(400).extractingByKey(400).hasToString(Integer.toString(EXPANDING));
			assertThat(small).containsOnlyKeys(200).extractingByKey(200).hasToString(Integer.toString(SMALL));
			assertThat(after[1] - before[1]).isEqualTo(LARGE + SMALL);
			long retained = after[0] - before[0];
			System.out.printf("Flood of %d requests against -Xmx64m: heap used after a full GC %d bytes before, %d "
					+ "after (%d retained; the store's bound is %d)%n", LARGE + EXPANDING + SMALL, before[0], after[0],
					retained, STORE_BOUND);
			assertThat(retained).as("heap retained by the flood").isLessThan(STORE_BOUND + 4 * 1024 * 1024);
			commands.write("exit\n");
			commands.flush();
			assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			server.destroyForcibly();
		}
	}

	/** Heap used after a full GC and events handed over, as the server reports them. */
	private static long[] report(Writer commands, BlockingQueue<String> answers) throws Exception {
		commands.write("report\n");
		commands.flush();
		String report = answers.poll(60, TimeUnit.SECONDS);
		assertThat(report).isNotNull().startsWith("HEAP ");
		String[] words = report.split(" ");
		return new long[] { Long.parseLong(words[1]), Long.parseLong(words[3]) };
	}

	/** Each request posted once, four at a time, counted by the status it was answered with. */
	private static Map<Integer, AtomicInteger> post(URI endpoint, int count, IntFunction<String> body)
			throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		ExecutorService senders = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				done.add(senders.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						HttpRequest request = HttpRequest.newBuilder(endpoint)
							.timeout(Duration.ofSeconds(60))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(body.apply(i)))
							.build();
						int status;
						try {
							status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
						}
						catch (IOException ex) {
							status = NO_ANSWER;
						}
						statuses.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> sender : done) {
				sender.get();
			}
		}
		finally {
			senders.shutdownNow();
		}
		return statuses;
	}

	private static void read(Process server, List<String> output, BlockingQueue<String> answers) {
		try (BufferedReader lines = server.inputReader(StandardCharsets.UTF_8)) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				output.add(line);
				if (line.startsWith("PORT ") || line.startsWith("HEAP ")) {
					answers.add(line);
				}
			}
		}
		catch (IOException ex) {
			// the server is gone
		}
	}

}
