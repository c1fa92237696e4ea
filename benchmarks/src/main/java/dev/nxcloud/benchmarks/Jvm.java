package dev.nxcloud.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVMs the benchmarks start beside their own: the same Java and class path as this JVM, standard error shown
 * with this JVM's, standard input and output left for the two to talk.
 */
public final class Jvm {

	/** The Java whose launcher warns when native access (Netty's native transport) is not enabled. */
	private static final int NATIVE_ACCESS_FEATURE = 22;

	private Jvm() {
	}

	/**
	 * Start a JVM.
	 * @param mainClass the class whose {@code main} it runs
	 * @param options the JVM's options, such as {@code -Xmx256m}
	 * @param arguments the arguments of {@code main}
	 * @return the running process
	 * @throws IOException if the JVM cannot be started
	 */
	public static Process start(Class<?> mainClass, List<String> options, List<String> arguments)
			throws IOException {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		if (Runtime.version().feature() >= NATIVE_ACCESS_FEATURE) {
			command.add("--enable-native-access=ALL-UNNAMED");
		}
		command.addAll(options);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
		command.addAll(arguments);
		return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
	}

	/**
	 * Read a started JVM's output up to the first line that starts with a prefix, skipping anything else it prints.
	 * @param output the JVM's standard output
	 * @param prefix how the line starts
	 * @param jvm what the JVM is, for the error when its output ends first
	 * @return the line
	 * @throws IOException on a read failure, or when the output ended before such a line
	 */
	public static String readLine(BufferedReader output, String prefix, String jvm) throws IOException {
		String line;
		while ((line = output.readLine()) != null && !line.startsWith(prefix)) {
			// skip anything else the JVM prints
		}
		if (line == null) {
			throw new IOException(jvm + " ended before printing " + prefix);
		}
		return line;
	}

	/**
	 * Stop a started JVM that serves until its standard input closes: close it, and end the JVM by force if it has
	 * not exited within the time given.
	 * @param process the JVM
	 * @param timeout how long to wait for it to exit
	 */
	public static void stop(Process process, Duration timeout) {
		try {
			process.getOutputStream().close();
			if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (IOException ex) {
			process.destroyForcibly();
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
