package dev.nxcloud.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.nxcloud.benchmarks.bulk.BulkSendHarness;
import dev.nxcloud.benchmarks.load.LoadHarness;
import dev.nxcloud.benchmarks.load.Window;
import dev.nxcloud.benchmarks.prepare.PreparationRow;
import org.jspecify.annotations.Nullable;

/**
 * Writes the results: Markdown tables ({@value #MARKDOWN}), with issue #15's targets met or not, and a hand-drawn SVG
 * chart of each client's throughput as a ratio of the bare WebClient's ({@value #CHART}).
 */
final class Report {

	static final String MARKDOWN = "results.md";

	static final String CHART = "throughput.svg";

	static final String COMMAND = "mvn -B -pl benchmarks -am package -DskipTests\n"
			+ ProcessHandle.current().info().command().orElse("java") + " -jar benchmarks/target/benchmarks.jar";

	private static final String JAVA = System.getProperty("java.runtime.version") + " ("
			+ System.getProperty("java.vm.vendor") + ")";

	private static final double THROUGHPUT_TARGET = 0.9;

	private static final double PREPARATION_TARGET = 1.3;

	private static final double BULK_TARGET = 0.9;

	private static final long FLAT_HEAP_BYTES = 16L << 20;

	private final List<PreparationRow> preparation;

	private final List<LoadHarness.Row> load;

	private final BulkSendHarness.@Nullable Result bulk;

	private final Duration took;

	private final int bodyBytes;

	private final List<String> skipped;

	private final WebClientRatios ratios;

	private final int forks;

	private final int rounds;

	/**
	 * A report of one run.
	 * @param preparation the JMH rows
	 * @param load the load harness's rows
	 * @param bulk the bulk run, if it ran
	 * @param took how long the run took
	 * @param bodyBytes the size of the request body
	 * @param skipped what was left out of the load harness and why, one sentence each
	 * @param forks the JVMs each client of the load harness ran in at each concurrency, 0 for the harness's own
	 * @param rounds the measured runs of each client at each concurrency
	 */
	Report(List<PreparationRow> preparation, List<LoadHarness.Row> load, BulkSendHarness.@Nullable Result bulk,
			Duration took, int bodyBytes, List<String> skipped, int forks, int rounds) {
		this.forks = forks;
		this.rounds = rounds;
		this.preparation = preparation;
		this.load = load;
		this.bulk = bulk;
		this.took = took;
		this.bodyBytes = bodyBytes;
		this.skipped = skipped;
		this.ratios = new WebClientRatios(load);
	}

	void write(Path directory) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve(MARKDOWN), markdown(), StandardCharsets.UTF_8);
		Files.writeString(directory.resolve(CHART), svg(), StandardCharsets.UTF_8);
	}

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# NxCloud starter benchmarks\n\n");
		md.append(String.format(Locale.ROOT,
				"Run on %s with %d cores, %s; the whole run took %d min %d s. Every JVM of the run (the load "
						+ "clients, the simulator process and the JMH forks) is this one Java: %s. Every request is the "
						+ "same template send of %d bytes. Each figure that matters is a ratio to a baseline measured in "
						+ "the same run, since the machine is shared and absolute numbers move from run to run.%n%n",
				LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
				this.took.toMinutes(), this.took.toSecondsPart(), JAVA, this.bodyBytes));
		for (String skipped : this.skipped) {
			md.append("Not run: ").append(skipped).append(".\n\n");
		}
		md.append("Reproduce with:\n\n```\n").append(COMMAND).append("\n```\n\n");
		targets(md);
		webClientTargets(md);
		preparationTable(md);
		loadTables(md);
		bulkTable(md);
		return md.toString();
	}

	private void webClientTargets(StringBuilder md) {
		if (this.load.isEmpty()) {
			return;
		}
		md.append("## Issue #15: the starter within 10% of a bare WebClient\n\n");
		md.append("Each figure is the starter's measure divided by the bare WebClient's (the same HTTP stack posting "
				+ "pre-signed bytes) at the same latency and concurrency in this run: throughput, and the client "
				+ "JVM's CPU time and allocation per call. The last target of the issue, that only the event loop "
				+ "touches a call, is not measured by the harness: profile it with `--jfr=DIR`.\n\n");
		md.append(this.ratios.targetsTable()).append('\n');
		md.append("Throughput of every client × the bare WebClient's, side by side:\n\n");
		md.append(this.ratios.sideBySide()).append('\n');
	}

	private String method() {
		String measured = String.format(Locale.ROOT, "The clients are then measured %d times in alternating order, "
				+ "each measured run right after an unmeasured lead-in of the same client (2 s, or the warm-up time if "
				+ "shorter).", this.rounds);
		if (this.forks == 0) {
			return "The clients all run in one JVM: each runs for twice the warm-up time at the highest concurrency "
					+ "first, then is warmed up again at each concurrency and left until the JIT is idle. " + measured;
		}
		return String.format(Locale.ROOT, "First, every client runs for twice the warm-up time at the highest "
				+ "concurrency in a JVM then closed, which warms the simulator and the machine up. "
				+ "At each concurrency, each client then runs in %d new JVMs of its own, as JMH "
				+ "forks a benchmark, so that the JIT compiles the code the clients share (Reactor, Netty, Spring's "
				+ "HTTP layer) for that client at that concurrency alone. Each JVM is warmed up at that concurrency "
				+ "for twice the warm-up time, and left until its JIT is idle before the next one runs. ", this.forks) + measured
				+ " Each measured run takes the client's next JVM.";
	}

	private void targets(StringBuilder md) {
		md.append("## Targets\n\n| target | measured | met |\n| --- | --- | --- |\n");
		if (!this.load.isEmpty()) {
			double worst = Double.MAX_VALUE;
			String where = "";
			for (LoadHarness.Row row : this.load) {
				if (row.client().equals(LoadHarness.STARTER)) {
					double ratio = ratioToBare(row);
					if (ratio < worst) {
						worst = ratio;
						where = row.latencyMillis() + " ms, concurrency " + row.concurrency();
					}
				}
			}
			if (where.isEmpty()) {
				md.append(String.format(Locale.ROOT, "| starter ≥ %.1f× bare throughput at every concurrency | – | "
						+ "not measured |%n", THROUGHPUT_TARGET));
			}
			else {
				md.append(String.format(Locale.ROOT, "| starter ≥ %.1f× bare throughput at every concurrency | "
						+ "lowest %.2f× (%s) | %s |%n", THROUGHPUT_TARGET, worst, where,
						met(worst >= THROUGHPUT_TARGET)));
			}
		}
		Optional<PreparationRow> starter = preparation("starterMd5");
		Optional<PreparationRow> bare = preparation("bareMd5");
		if (starter.isPresent() && bare.isPresent()) {
			double ratio = starter.get().nanos() / bare.get().nanos();
			md.append(String.format(Locale.ROOT,
					"| preparation ≤ %.1f× bare MD5 + Jackson | %.2f× (%.0f ns against %.0f ns) | %s |%n",
					PREPARATION_TARGET, ratio, starter.get().nanos(), bare.get().nanos(),
					met(ratio <= PREPARATION_TARGET)));
		}
		if (this.bulk != null) {
			double share = this.bulk.rate() / this.bulk.bound();
			long growth = this.bulk.heapAfter() - this.bulk.heapBefore();
			md.append(String.format(Locale.ROOT,
					"| bulk ≥ %.0f%% of the bound, flat heap | %.0f%% of %.0f/s; heap %+.1f MB | %s |%n",
					BULK_TARGET * 100, share * 100, this.bulk.bound(), growth / 1048576.0,
					met(share >= BULK_TARGET && growth <= FLAT_HEAP_BYTES)));
		}
		md.append('\n');
	}

	private static String met(boolean met) {
		return met ? "yes" : "**no**";
	}

	private Optional<PreparationRow> preparation(String name) {
		return this.preparation.stream().filter((row) -> row.benchmark().equals(name)).findFirst();
	}

	private void preparationTable(StringBuilder md) {
		if (this.preparation.isEmpty()) {
			return;
		}
		md.append("## Preparing one signed send (JMH)\n\n");
		md.append("Serialise the wire object and sign it: the starter (NxCloud's mapper, the bytes signed by "
				+ "`NxCloudSigner.sign` as `NxCloudSigningFilter`'s body writer does before writing them) against a "
				+ "plain `JsonMapper` plus a bare digest of the same bytes. Each benchmark runs in two rounds, in "
				+ "alternating order, each a fork of 3 × 1 s warm-up and 4 × 1 s measured with the GC profiler; "
				+ "ns/op is the mean of the rounds.\n\n");
		md.append("| benchmark | ns/op | rounds | ± (99.9%, worst round) | B/op | × bare, same hash |\n"
				+ "| --- | ---: | ---: | ---: | ---: | ---: |\n");
		for (PreparationRow row : this.preparation) {
			String baseline = row.benchmark().startsWith("starter")
					? "bare" + row.benchmark().substring("starter".length()) : row.benchmark();
			double ratio = preparation(baseline).map((base) -> row.nanos() / base.nanos()).orElse(Double.NaN);
			List<String> rounds = new ArrayList<>();
			row.rounds().forEach((score) -> rounds.add(String.format(Locale.ROOT, "%.0f", score)));
			md.append(String.format(Locale.ROOT, "| %s | %.0f | %s | %.0f | %.0f | %.2f |%n", row.benchmark(),
					row.nanos(), String.join(", ", rounds), row.error(), row.allocatedBytes(), ratio));
		}
		md.append('\n');
	}

	private void loadTables(StringBuilder md) {
		if (this.load.isEmpty()) {
			return;
		}
		md.append("## Load against the simulator\n\n");
		md.append("Closed loop, a fixed number of calls in flight, against the simulator in its own JVM on "
				+ "127.0.0.1 (fast path: signatures checked, nothing recorded). " + method()
				+ " Allocation and CPU are the client JVMs' totals over the measured runs divided by the calls. "
				+ "With 0 ms latency the loop is bound by CPU "
				+ "(client and simulator share the machine's cores), so the throughput ratio there is in effect the "
				+ "ratio of client CPU per call; with 50 ms latency it is bound by the latency, as in production.\n\n");
		md.append("The clients: the starter's `NxCloudMessageService` bean; a bare Reactor Netty `HttpClient` and a "
				+ "bare Spring `WebClient` over it, both posting the starter's bytes signed ahead of time; and a "
				+ "Spring `RestClient` on the JDK's `HttpClient` (HTTP/1.1) serialising and signing by hand on every "
				+ "call, called from a pool of as many platform threads as calls in flight (`RestClient + pool`) or "
				+ "from a new virtual thread per call, its `HttpClient` on virtual threads too, as Spring Boot sets it "
				+ "up with `spring.threads.virtual.enabled` (`RestClient + virtual threads`, Java 21 or later).\n\n");
		md.append("![Throughput as a ratio of the bare WebClient](").append(CHART).append(")\n\n");
		int latency = -1;
		for (LoadHarness.Row row : this.load) {
			if (row.latencyMillis() != latency) {
				latency = row.latencyMillis();
				md.append("\n### Simulator latency ").append(latency).append(" ms\n\n");
				md.append("| concurrency | client | calls/s | × bare | × WebClient | p50 ms | p99 ms | KB alloc/call "
						+ "| alloc × WebClient | CPU µs/call | CPU × WebClient | errors |\n"
						+ "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
			}
			Window window = row.window();
			md.append(String.format(Locale.ROOT,
					"| %d | %s | %.0f | %.2f | %.2f | %.1f | %.1f | %.1f | %.2f | %.0f | %.2f | %d |%n",
					row.concurrency(), row.client(), window.throughput(), ratioToBare(row),
					ratioToWebClient(WebClientRatios.Measure.THROUGHPUT, row),
					millis(window.latencies().getValueAtPercentile(50)),
					millis(window.latencies().getValueAtPercentile(99)), window.allocatedBytesPerCall() / 1024.0,
					ratioToWebClient(WebClientRatios.Measure.ALLOCATION, row), window.cpuNanosPerCall() / 1000.0,
					ratioToWebClient(WebClientRatios.Measure.CPU, row), window.errors()));
		}
		md.append('\n');
		for (LoadHarness.Row row : this.load) {
			if (row.window().firstError() != null) {
				md.append("- ").append(row.client()).append(" at ").append(row.latencyMillis()).append(" ms, ")
					.append(row.concurrency()).append(": first error `").append(row.window().firstError())
					.append("`\n");
			}
		}
		md.append('\n');
	}

	private static double millis(long nanos) {
		return nanos / 1e6;
	}

	private double ratioToBare(LoadHarness.Row row) {
		for (LoadHarness.Row other : this.load) {
			if (other.client().equals(LoadHarness.BARE) && other.latencyMillis() == row.latencyMillis()
					&& other.concurrency() == row.concurrency()) {
				return row.window().throughput() / other.window().throughput();
			}
		}
		return Double.NaN;
	}

	private double ratioToWebClient(WebClientRatios.Measure measure, LoadHarness.Row row) {
		return this.ratios.ratio(measure, row.client(), row.latencyMillis(), row.concurrency()).orElse(Double.NaN);
	}

	private void bulkTable(StringBuilder md) {
		BulkSendHarness.Result result = this.bulk;
		if (result == null) {
			return;
		}
		md.append("## Bulk\n\n");
		md.append("The starter's `NxCloudBulkSender` sending template messages, against the simulator with 50 ms "
				+ "latency. The bound is concurrency / latency. Heap is measured after `System.gc()` before and after the run.\n\n");
		md.append("| sends | in flight | latency | took | rate/s | bound/s | rate / bound | errors | heap before | "
				+ "heap after |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
		md.append(String.format(Locale.ROOT, "| %d | %d | %d ms | %.0f s | %.0f | %.0f | %.0f%% | %d | %.1f MB | %.1f MB |%n",
				result.total(), result.concurrency(), result.latency().toMillis(), result.nanos() / 1e9,
				result.rate(), result.bound(), 100 * result.rate() / result.bound(), result.errors(),
				result.heapBefore() / 1048576.0, result.heapAfter() / 1048576.0));
		double ceiling = 0;
		for (LoadHarness.Row row : this.load) {
			if (row.client().equals(LoadHarness.BARE) && row.latencyMillis() == 0) {
				ceiling = Math.max(ceiling, row.window().throughput());
			}
		}
		if (ceiling > 0) {
			md.append(String.format(Locale.ROOT, "%nThe simulator's own ceiling in this run (the bare client at 0 ms, "
					+ "best concurrency) was %.0f/s, %s the bound, so the bound is what limits the bulk run.%n",
					ceiling, (ceiling > result.bound()) ? "above" : "**below**"));
		}
		List<String> samples = new ArrayList<>();
		result.heapSamples().forEach((bytes) -> samples.add(Long.toString(bytes >> 20)));
		md.append("\nHeap in use (not collected) at each tenth of the run, MB: ").append(String.join(", ", samples))
			.append(".\n\n");
	}

	String svg() {
		int groups = BenchmarkMain.LATENCIES.length * BenchmarkMain.CONCURRENCIES.length;
		List<String> clients = LoadHarness.CLIENTS;
		String[] colours = { "#2b6cb0", "#a0aec0", "#68d391", "#dd6b20", "#805ad5" };
		double max = 1.2;
		for (LoadHarness.Row row : this.load) {
			max = Math.max(max, ratioToWebClient(WebClientRatios.Measure.THROUGHPUT, row) * 1.1);
		}
		int width = 900;
		int height = 380;
		int left = 60;
		int top = 50;
		int plotWidth = width - left - 20;
		int plotHeight = height - top - 80;
		double groupWidth = (double) plotWidth / groups;
		double barWidth = groupWidth / (clients.size() + 1);
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
				+ "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height, width, height));
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">"
				+ "Throughput as a ratio of the bare WebClient (same run, Java %s)</text>%n", left,
				escape(Runtime.version().toString())));
		for (double tick = 0; tick <= max + 1e-9; tick += 0.2) {
			double y = top + plotHeight - tick / max * plotHeight;
			svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e2e8f0\"/>"
					+ "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.1f×</text>%n", left, y, left + plotWidth, y,
					left - 6, y + 4, tick));
		}
		int group = 0;
		for (int latency : BenchmarkMain.LATENCIES) {
			double groupsLeft = left + group * groupWidth;
			for (WebClientRatios.Target target : WebClientRatios.TARGETS) {
				if (target.latencyMillis() == latency && target.measure() == WebClientRatios.Measure.THROUGHPUT) {
					double y = top + plotHeight - target.bound() / max * plotHeight;
					double right = groupsLeft + BenchmarkMain.CONCURRENCIES.length * groupWidth;
					svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
							+ "stroke=\"#c53030\" stroke-dasharray=\"6 4\"/><text x=\"%.1f\" y=\"%.1f\" "
							+ "fill=\"#c53030\" text-anchor=\"end\">starter target %.2f×</text>%n", groupsLeft, y, right,
							y, right - 4, y - 4, target.bound()));
				}
			}
			for (int concurrency : BenchmarkMain.CONCURRENCIES) {
				double x0 = left + group * groupWidth + barWidth / 2;
				for (int c = 0; c < clients.size(); c++) {
					double ratio = this.ratios
						.ratio(WebClientRatios.Measure.THROUGHPUT, clients.get(c), latency, concurrency)
						.orElse(Double.NaN);
					if (Double.isNaN(ratio)) {
						continue;
					}
					double barHeight = ratio / max * plotHeight;
					double x = x0 + c * barWidth;
					double y = top + plotHeight - barHeight;
					svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
							+ "fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"9\">%.2f"
							+ "</text>%n", x, y, barWidth - 2, barHeight, colours[c], x + barWidth / 2 - 1, y - 3, ratio));
				}
				double centre = left + group * groupWidth + groupWidth / 2;
				svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">c=%d</text>"
						+ "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#4a5568\">%d ms</text>%n", centre,
						top + plotHeight + 16, concurrency, centre, top + plotHeight + 31, latency));
				group++;
			}
		}
		svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#2d3748\"/>%n",
				left, top + plotHeight, left + plotWidth, top + plotHeight));
		int legendX = left;
		for (int c = 0; c < clients.size(); c++) {
			svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
					+ "<text x=\"%d\" y=\"%d\">%s</text>%n", legendX, height - 22, colours[c], legendX + 16,
					height - 12, escape(clients.get(c))));
			legendX += 16 + 7 * clients.get(c).length() + 20;
		}
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
