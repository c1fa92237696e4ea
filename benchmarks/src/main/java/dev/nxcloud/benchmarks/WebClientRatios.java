package dev.nxcloud.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import dev.nxcloud.benchmarks.load.LoadHarness;
import dev.nxcloud.benchmarks.load.Window;
import org.jspecify.annotations.Nullable;

/**
 * Issue #15's yardstick: a client's throughput, CPU per call and allocation per call as ratios of the bare
 * WebClient's at the same latency and concurrency in the same run, and the {@linkplain #TARGETS targets} the starter
 * is held to.
 */
final class WebClientRatios {

	/** What the starter must reach, each at every concurrency measured. */
	static final List<Target> TARGETS = List.of(new Target(Measure.THROUGHPUT, 0, 0.9),
			new Target(Measure.CPU, 0, 1.2), new Target(Measure.ALLOCATION, 0, 1.15),
			new Target(Measure.ALLOCATION, 50, 1.15), new Target(Measure.THROUGHPUT, 50, 0.98));

	private final List<LoadHarness.Row> rows;

	WebClientRatios(List<LoadHarness.Row> rows) {
		this.rows = rows;
	}

	/**
	 * A client's measure as a ratio of the bare WebClient's at the same point.
	 * @param measure what is compared
	 * @param client the client's name
	 * @param latencyMillis the simulator's latency
	 * @param concurrency the calls in flight
	 * @return the ratio, or empty when either was not measured there
	 */
	OptionalDouble ratio(Measure measure, String client, int latencyMillis, int concurrency) {
		Window measured = window(client, latencyMillis, concurrency);
		Window baseline = window(LoadHarness.BARE_WEBCLIENT, latencyMillis, concurrency);
		if (measured == null || baseline == null) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of(measure.of(measured) / measure.of(baseline));
	}

	private @Nullable Window window(String client, int latencyMillis, int concurrency) {
		for (LoadHarness.Row row : this.rows) {
			if (row.client().equals(client) && row.latencyMillis() == latencyMillis
					&& row.concurrency() == concurrency) {
				return row.window();
			}
		}
		return null;
	}

	/**
	 * The starter's ratio for a target at each concurrency measured at its latency.
	 * @param target the target
	 * @return the evaluation
	 */
	Evaluation evaluate(Target target) {
		SortedMap<Integer, Double> ratios = new TreeMap<>();
		for (int concurrency : concurrencies()) {
			ratio(target.measure(), LoadHarness.STARTER, target.latencyMillis(), concurrency)
				.ifPresent((ratio) -> ratios.put(concurrency, ratio));
		}
		return new Evaluation(target, ratios);
	}

	private SortedSet<Integer> concurrencies() {
		return this.rows.stream().map(LoadHarness.Row::concurrency).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * The targets as a Markdown table: one column per concurrency, and whether each is met.
	 * @return the table
	 */
	String targetsTable() {
		SortedSet<Integer> concurrencies = concurrencies();
		List<String> header = new ArrayList<>(List.of("starter × bare WebClient"));
		List<String> alignment = new ArrayList<>(List.of("---"));
		concurrencies.forEach((concurrency) -> {
			header.add(concurrency + " in flight");
			alignment.add("---:");
		});
		header.add("met");
		alignment.add("---");
		StringBuilder md = new StringBuilder(row(header)).append(row(alignment));
		for (Target target : TARGETS) {
			Evaluation evaluation = evaluate(target);
			List<String> cells = new ArrayList<>(List.of(target.toString()));
			concurrencies.forEach((concurrency) -> {
				Double ratio = evaluation.ratios().get(concurrency);
				cells.add((ratio != null) ? String.format(Locale.ROOT, "%.2f×", ratio) : "–");
			});
			cells.add(evaluation.verdict());
			md.append(row(cells));
		}
		return md.toString();
	}

	/**
	 * Each client's throughput as a ratio of the bare WebClient's, side by side: a row per latency and concurrency,
	 * a column per client measured.
	 * @return the table, empty when nothing was measured
	 */
	String sideBySide() {
		List<String> clients = new ArrayList<>();
		for (String client : LoadHarness.CLIENTS) {
			if (!client.equals(LoadHarness.BARE_WEBCLIENT)
					&& this.rows.stream().anyMatch((row) -> row.client().equals(client))) {
				clients.add(client);
			}
		}
		if (clients.isEmpty()) {
			return "";
		}
		SortedMap<Integer, SortedSet<Integer>> points = new TreeMap<>();
		this.rows.forEach((row) -> points.computeIfAbsent(row.latencyMillis(), (latency) -> new TreeSet<>())
			.add(row.concurrency()));
		List<String> header = new ArrayList<>(List.of("latency", "in flight"));
		header.addAll(clients);
		List<String> alignment = new ArrayList<>();
		header.forEach((column) -> alignment.add("---:"));
		StringBuilder md = new StringBuilder(row(header)).append(row(alignment));
		points.forEach((latency, concurrencies) -> concurrencies.forEach((concurrency) -> {
			List<String> cells = new ArrayList<>(List.of(latency + " ms", Integer.toString(concurrency)));
			for (String client : clients) {
				OptionalDouble ratio = ratio(Measure.THROUGHPUT, client, latency, concurrency);
				cells.add(ratio.isPresent() ? String.format(Locale.ROOT, "%.2f", ratio.getAsDouble()) : "–");
			}
			md.append(row(cells));
		}));
		return md.toString();
	}

	private static String row(List<String> cells) {
		return "| " + String.join(" | ", cells) + " |\n";
	}

	/**
	 * What a ratio compares.
	 */
	enum Measure {

		/** Calls per second: higher is better. */
		THROUGHPUT("throughput", Window::throughput, true),

		/** CPU time per call: lower is better. */
		CPU("CPU per call", Window::cpuNanosPerCall, false),

		/** Bytes allocated per call: lower is better. */
		ALLOCATION("allocation per call", Window::allocatedBytesPerCall, false);

		private final String description;

		private final ToDoubleFunction<Window> value;

		private final boolean higherIsBetter;

		Measure(String description, ToDoubleFunction<Window> value, boolean higherIsBetter) {
			this.description = description;
			this.value = value;
			this.higherIsBetter = higherIsBetter;
		}

		double of(Window window) {
			return this.value.applyAsDouble(window);
		}

	}

	/**
	 * A bound on the starter's ratio to the bare WebClient at one latency.
	 *
	 * @param measure what is compared
	 * @param latencyMillis the simulator's latency
	 * @param bound the lowest ratio allowed for throughput, the highest for costs
	 */
	record Target(Measure measure, int latencyMillis, double bound) {

		boolean metBy(double ratio) {
			return this.measure.higherIsBetter ? ratio >= this.bound : ratio <= this.bound;
		}

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s %s %.2f×, %d ms", this.measure.description,
					this.measure.higherIsBetter ? "≥" : "≤", this.bound, this.latencyMillis);
		}

	}

	/**
	 * The starter's ratios for a target, by concurrency.
	 *
	 * @param target the target
	 * @param ratios the ratio at each concurrency measured
	 */
	record Evaluation(Target target, SortedMap<Integer, Double> ratios) {

		/**
		 * The concurrencies where the target is missed.
		 * @return the concurrencies, in order
		 */
		List<Integer> missed() {
			List<Integer> missed = new ArrayList<>();
			this.ratios.forEach((concurrency, ratio) -> {
				if (!this.target.metBy(ratio)) {
					missed.add(concurrency);
				}
			});
			return missed;
		}

		/**
		 * Whether the target was measured and met at every concurrency.
		 * @return {@code true} when met
		 */
		boolean met() {
			return !this.ratios.isEmpty() && missed().isEmpty();
		}

		String verdict() {
			if (this.ratios.isEmpty()) {
				return "not measured";
			}
			List<Integer> missed = missed();
			if (missed.isEmpty()) {
				return "yes";
			}
			return "**no** (" + missed.stream().map((concurrency) -> concurrency + " in flight")
				.collect(Collectors.joining(", ")) + ")";
		}

	}

}
