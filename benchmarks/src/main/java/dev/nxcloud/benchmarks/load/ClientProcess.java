package dev.nxcloud.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.benchmarks.Jvm;
import org.jspecify.annotations.Nullable;

/**
 * One of the harness's clients in a JVM of its own, whose CPU and allocation are then that client's alone. The JVM
 * gets {@linkplain #passedOn(String) some of the options} of this one: system properties, heap, garbage collector.
 * <p>
 * {@link #main(String[])} opens the client, prints {@code READY}, and answers each {@code RUN} line on its standard
 * input with a {@code WINDOW} line and each {@code SETTLE} line with {@code SETTLED} once its JIT is idle, until its
 * standard input closes.
 */
public final class ClientProcess implements LoadClient {

	private static final String READY = "READY";

	private static final String RUN = "RUN ";

	private static final String WINDOW = "WINDOW ";

	private static final String NO_RECORDING = "-";

	private static final String SETTLE = "SETTLE";

	private static final String SETTLED = "SETTLED";

	private final String client;

	private final Process process;

	private final BufferedReader output;

	private final PrintWriter input;

	private ClientProcess(String client, Process process) {
		this.client = client;
		this.process = process;
		this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
	}

	/**
	 * Start a JVM with one client against a simulator, and wait until the client is ready.
	 * @param client the client's name, one of {@link LoadHarness#CLIENTS}
	 * @param baseUrl the simulator's base URL
	 * @param maxConcurrency the most calls in flight it will be driven with: the size of its connection pool, for
	 * the clients on Reactor Netty
	 * @param starterDefaultPool whether the starter keeps Spring Boot's default connection pool
	 * @return the client's JVM
	 */
	static ClientProcess fork(String client, String baseUrl, int maxConcurrency, boolean starterDefaultPool) {
		List<String> options = new ArrayList<>();
		for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
			if (passedOn(option)) {
				options.add(option);
			}
		}
		try {
			Process process = Jvm.start(ClientProcess.class, options,
					List.of(client, baseUrl, Integer.toString(maxConcurrency), Boolean.toString(starterDefaultPool)));
			ClientProcess forked = new ClientProcess(client, process);
			try {
				forked.readLine(READY);
			}
			catch (UncheckedIOException ex) {
				process.destroyForcibly();
				throw ex;
			}
			return forked;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start a JVM for " + client, ex);
		}
	}

	/**
	 * Whether a client JVM gets an option of this one: system properties, heap and stack sizes, and {@code -XX}
	 * options other than a flight recording, which would have every JVM write the same file. Not debugging or
	 * logging options, which would have them fight over a port or a file.
	 * @param option an option of this JVM
	 * @return whether a client JVM gets it too
	 */
	public static boolean passedOn(String option) {
		return option.startsWith("-D") || option.startsWith("-Xms") || option.startsWith("-Xmx")
				|| option.startsWith("-Xss")
				|| (option.startsWith("-XX:") && !option.contains("FlightRecord"));
	}

	@Override
	public Window run(int concurrency, Duration duration, @Nullable Path jfr) {
		this.input.println(RUN + concurrency + " " + duration.toNanos() + " "
				+ ((jfr != null) ? jfr.toAbsolutePath() : NO_RECORDING));
		return Window.decode(readLine(WINDOW).substring(WINDOW.length()));
	}

	@Override
	public void settle() {
		this.input.println(SETTLE);
		readLine(SETTLED);
	}

	private String readLine(String prefix) {
		try {
			return Jvm.readLine(this.output, prefix, "The JVM of " + this.client);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		Jvm.stop(this.process, Duration.ofSeconds(30));
	}

	/**
	 * Open a client, print {@code READY}, then run each {@code RUN concurrency nanos jfr} line read from standard
	 * input and print its window as {@code WINDOW ...}, and answer each {@code SETTLE} with {@code SETTLED} once the
	 * JIT is idle; close the client and exit when standard input closes, or with status 1 on any failure (so that
	 * the harness, which reads this JVM's output, sees it end).
	 * @param args the client's name, the simulator's base URL, the most calls in flight, and whether the starter
	 * keeps Spring Boot's default connection pool
	 */
	public static void main(String[] args) {
		int status = 0;
		try {
			serve(args);
		}
		catch (Throwable ex) {
			ex.printStackTrace();
			status = 1;
		}
		finally {
			System.exit(status);
		}
	}

	private static void serve(String[] args) throws IOException {
		PrintStream out = System.out;
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		try (LocalClient client = LocalClient.open(args[0], args[1], Integer.parseInt(args[2]),
				Boolean.parseBoolean(args[3]))) {
			out.println(READY);
			out.flush();
			String line;
			while ((line = in.readLine()) != null) {
				if (line.equals(SETTLE)) {
					client.settle();
					out.println(SETTLED);
					out.flush();
					continue;
				}
				String[] run = line.substring(RUN.length()).split(" ", 3);
				Path jfr = run[2].equals(NO_RECORDING) ? null : Path.of(run[2]);
				Window window = client.run(Integer.parseInt(run[0]), Duration.ofNanos(Long.parseLong(run[1])), jfr);
				out.println(WINDOW + window.encode());
				out.flush();
			}
		}
	}

}
