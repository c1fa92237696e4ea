package dev.nxcloud.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.simulator.Fault;
import dev.nxcloud.simulator.NxCloudSimulator;

/**
 * The simulators the load harnesses call, in a JVM of their own on the same machine so that the client JVM's
 * allocation and CPU figures are the client's alone: one simulator per latency, each in fast-path mode (signatures
 * checked, nothing recorded) keeping few messages, on {@code 127.0.0.1}.
 * <p>
 * {@link #main(String[])} prints {@code READY port...} and serves until its standard input closes.
 */
public final class SimulatorProcess implements AutoCloseable {

	private static final String PHONE_RATE = "--phone-rate=";

	private final Process process;

	private final List<String> baseUrls;

	private SimulatorProcess(Process process, List<String> baseUrls) {
		this.process = process;
		this.baseUrls = baseUrls;
	}

	/**
	 * Start a JVM with one simulator per latency.
	 * @param latenciesMillis the latency each simulator adds to every answer
	 * @return the running process
	 * @throws IOException if the JVM cannot be started
	 */
	public static SimulatorProcess fork(int... latenciesMillis) throws IOException {
		List<String> arguments = new ArrayList<>();
		for (int latency : latenciesMillis) {
			arguments.add(Integer.toString(latency));
		}
		return start(arguments);
	}

	/**
	 * Start a JVM with one simulator, without latency, that enforces a throughput per business phone (Meta's 130429
	 * beyond it), as {@link NxCloudSimulator.Builder#phoneRate(double, int)}.
	 * @param messagesPerSecond the phone's rate
	 * @param burst the phone's bucket
	 * @return the running process
	 * @throws IOException if the JVM cannot be started
	 */
	public static SimulatorProcess forkWithPhoneRate(double messagesPerSecond, int burst) throws IOException {
		return start(List.of(PHONE_RATE + messagesPerSecond + ":" + burst, "0"));
	}

	private static SimulatorProcess start(List<String> arguments) throws IOException {
		Process process = Jvm.start(SimulatorProcess.class, List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC"),
				arguments);
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String line;
		try {
			line = Jvm.readLine(out, "READY", "The simulator process");
		}
		catch (IOException ex) {
			process.destroyForcibly();
			throw ex;
		}
		List<String> urls = new ArrayList<>();
		for (String port : line.substring("READY".length()).trim().split(" ")) {
			urls.add("http://127.0.0.1:" + port);
		}
		return new SimulatorProcess(process, urls);
	}

	/**
	 * The base URL of the simulator with the n-th latency.
	 * @param index the index of the latency given to {@link #fork(int...)}
	 * @return the base URL
	 */
	public String baseUrl(int index) {
		return this.baseUrls.get(index);
	}

	@Override
	public void close() {
		Jvm.stop(this.process, Duration.ofSeconds(10));
	}

	/**
	 * Start a simulator for each latency (milliseconds) given, print their ports, and serve until standard input
	 * closes.
	 * @param args the latencies, optionally preceded by {@code --phone-rate=RATE:BURST}
	 * @throws IOException on a read failure
	 */
	public static void main(String[] args) throws IOException {
		List<NxCloudSimulator> simulators = new ArrayList<>();
		StringBuilder ready = new StringBuilder("READY");
		String phoneRate = null;
		for (String arg : args) {
			if (arg.startsWith(PHONE_RATE)) {
				phoneRate = arg.substring(PHONE_RATE.length());
				continue;
			}
			NxCloudSimulator.Builder builder = fastPath();
			if (phoneRate != null) {
				String[] rateAndBurst = phoneRate.split(":");
				builder.phoneRate(Double.parseDouble(rateAndBurst[0]), Integer.parseInt(rateAndBurst[1]));
			}
			NxCloudSimulator simulator = start(builder, Integer.parseInt(arg));
			simulators.add(simulator);
			ready.append(' ').append(simulator.port());
		}
		System.out.println(ready);
		System.out.flush();
		while (System.in.read() != -1) {
			// serve until the parent closes our input (or dies)
		}
		simulators.forEach(NxCloudSimulator::close);
	}

	/**
	 * Start one fast-path simulator on a free loopback port.
	 * @param latencyMillis the latency added to every answer
	 * @return the started simulator
	 */
	public static NxCloudSimulator start(int latencyMillis) {
		return start(fastPath(), latencyMillis);
	}

	private static NxCloudSimulator.Builder fastPath() {
		return NxCloudSimulator.builder().port(0).fastPath().messageCapacity(1000);
	}

	private static NxCloudSimulator start(NxCloudSimulator.Builder builder, int latencyMillis) {
		NxCloudSimulator simulator = builder.build();
		if (latencyMillis > 0) {
			simulator.faults().on().respond(Fault.latency(Duration.ofMillis(latencyMillis)));
		}
		return simulator.start();
	}

}
