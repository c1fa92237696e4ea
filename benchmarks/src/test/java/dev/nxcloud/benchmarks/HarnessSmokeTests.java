package dev.nxcloud.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.nxcloud.benchmarks.bulk.BulkSendHarness;
import dev.nxcloud.benchmarks.load.BareReactorNettyClient;
import dev.nxcloud.benchmarks.load.ClientProcess;
import dev.nxcloud.benchmarks.load.HandSignedRestClient;
import dev.nxcloud.benchmarks.load.LoadHarness;
import dev.nxcloud.benchmarks.load.StarterClient;
import dev.nxcloud.benchmarks.load.Window;
import dev.nxcloud.benchmarks.prepare.PreparationBenchmark;
import dev.nxcloud.benchmarks.prepare.PreparationRow;
import dev.nxcloud.simulator.NxCloudSimulator;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Each harness for a handful of calls against an in-process simulator: quick, and no benchmark is run.
 */
class HarnessSmokeTests {

	private static NxCloudSimulator simulator;

	@BeforeAll
	static void start() {
		simulator = SimulatorProcess.start(0);
	}

	@AfterAll
	static void stop() {
		simulator.close();
	}

	@Test
	void requestIsAboutOneKilobyteAndPlainMapperWritesTheSameBytes() {
		byte[] starter = BenchmarkRequests.starterBytes();
		byte[] plain = BenchmarkRequests.plainMapper().writeValueAsBytes(BenchmarkRequests.wireBody());
		assertThat(starter.length).isBetween(900, 1300);
		assertThat(plain).isEqualTo(starter);
	}

	@Test
	void preparationBenchmarksRun() {
		PreparationBenchmark benchmark = new PreparationBenchmark();
		benchmark.setUp();
		for (int i = 0; i < 5; i++) {
			assertThat(benchmark.starterMd5()).hasSize(32);
			assertThat(benchmark.starterSha256()).hasSize(64);
			assertThat(benchmark.bareMd5()).hasSize(16);
			assertThat(benchmark.bareSha256()).hasSize(32);
		}
	}

	@Test
	void everyClientSucceedsAgainstTheSimulator() {
		try (StarterClient starter = new StarterClient(simulator.baseUrl(), 4);
				BareReactorNettyClient bare = new BareReactorNettyClient(simulator.baseUrl(), 4);
				HandSignedRestClient restClient = new HandSignedRestClient(simulator.baseUrl())) {
			for (int i = 0; i < 5; i++) {
				assertThat(starter.send().block(Duration.ofSeconds(10))).isTrue();
				assertThat(bare.send().block(Duration.ofSeconds(10))).isTrue();
				assertThat(restClient.send()).isTrue();
			}
		}
	}

	@Test
	@EnabledForJreRange(min = JRE.JAVA_21)
	void restClientOnVirtualThreadsSucceedsAgainstTheSimulator() {
		assertThat(LoadHarness.unavailable(LoadHarness.REST_CLIENT_VIRTUAL)).isNull();
		try (HandSignedRestClient restClient = HandSignedRestClient.onVirtualThreads(simulator.baseUrl())) {
			for (int i = 0; i < 5; i++) {
				assertThat(restClient.send()).isTrue();
			}
		}
	}

	@Test
	@EnabledForJreRange(max = JRE.JAVA_20)
	void restClientOnVirtualThreadsIsUnavailableBeforeJava21() {
		assertThat(LoadHarness.unavailable(LoadHarness.REST_CLIENT_VIRTUAL)).contains("no virtual threads")
			.contains("Java 21");
		assertThat(LoadHarness.unavailable(LoadHarness.REST_CLIENT)).isNull();
	}

	@Test
	void loadHarnessMeasuresEveryClientThisJvmRunsInForksTakenInTurnAndWritesTheReport(@TempDir Path out)
			throws Exception {
		Set<String> clients = Set.of(LoadHarness.STARTER, LoadHarness.BARE_WEBCLIENT, LoadHarness.REST_CLIENT_VIRTUAL);
		LoadHarness harness = new LoadHarness(new LoadHarness.Settings(new int[] { 2 }, Duration.ofMillis(100),
				Duration.ofMillis(100), 2, clients, false, out.resolve("jfr"), 2));
		List<LoadHarness.Row> rows = harness.run(simulator.baseUrl(), 0, (line) -> { });
		assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).as("client JVMs left running")
			.isEmpty();
		boolean virtualThreads = LoadHarness.unavailable(LoadHarness.REST_CLIENT_VIRTUAL) == null;
		assertThat(rows).extracting(LoadHarness.Row::client)
			.containsExactlyInAnyOrderElementsOf(clients.stream()
				.filter((client) -> virtualThreads || !client.equals(LoadHarness.REST_CLIENT_VIRTUAL))
				.toList());
		try (Stream<Path> recordings = Files.list(out.resolve("jfr"))) {
			assertThat(recordings.map((path) -> path.getFileName().toString()))
				.hasSize(rows.size() * 2)
				.contains("0ms-c2-starter-round1.jfr", "0ms-c2-starter-round2.jfr", "0ms-c2-bare-WebClient-round1.jfr");
		}
		long firstFork = recordingPid(out.resolve("jfr/0ms-c2-starter-round1.jfr"));
		long secondFork = recordingPid(out.resolve("jfr/0ms-c2-starter-round2.jfr"));
		assertThat(List.of(firstFork, secondFork)).doesNotContain(ProcessHandle.current().pid());
		assertThat(firstFork).isNotEqualTo(secondFork);
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.window().calls()).isPositive();
			assertThat(row.window().errors()).isZero();
		});
		BulkSendHarness.Result bulk;
		try (StarterClient starter = new StarterClient(simulator.baseUrl(), 4)) {
			bulk = BulkSendHarness.run(starter.bulkSender(4), BenchmarkRequests.templateMessage(), 20, 4,
					Duration.ofMillis(1), (line) -> { });
		}
		assertThat(bulk.errors()).isZero();
		List<PreparationRow> preparation = List.of(new PreparationRow("starterMd5", 1100, 10, 3000, List.of(1100.0)),
				new PreparationRow("bareMd5", 1000, 10, 2000, List.of(1000.0)));
		new Report(preparation, rows, bulk, Duration.ofSeconds(1), 1000, List.of("a client: a reason"), 2, 2)
			.write(out);
		assertThat(Files.readString(out.resolve(Report.MARKDOWN))).contains("| 2 | starter |")
			.contains("| preparation ≤ 1.3× bare MD5 + Jackson | 1.10×")
			.contains("| throughput ≥ 0.90×, 0 ms | ")
			.contains("| throughput ≥ 0.98×, 50 ms | – | not measured |")
			.contains("Not run: a client: a reason.")
			.contains("runs in 2 new JVMs of its own")
			.contains("| starter ≥ 0.9× bare throughput at every concurrency | – | not measured |")
			.contains(Runtime.version().toString());
		assertThat(Files.readString(out.resolve(Report.CHART))).startsWith("<svg").endsWith("</svg>\n");
	}

	@Test
	void loadHarnessCanRunTheClientsInItsOwnJvm(@TempDir Path out) throws Exception {
		LoadHarness harness = new LoadHarness(new LoadHarness.Settings(new int[] { 2 }, Duration.ofMillis(100),
				Duration.ofMillis(100), 1, Set.of(LoadHarness.STARTER, LoadHarness.REST_CLIENT), false, out, 0));
		List<LoadHarness.Row> rows = harness.run(simulator.baseUrl(), 0, (line) -> { });
		assertThat(rows).extracting(LoadHarness.Row::client)
			.containsExactly(LoadHarness.STARTER, LoadHarness.REST_CLIENT);
		assertThat(rows).allSatisfy((row) -> assertThat(row.window().errors()).isZero());
		assertThat(recordingPid(out.resolve("0ms-c2-starter-round1.jfr"))).isEqualTo(ProcessHandle.current().pid());
	}

	@Test
	void windowIsHandedOverAsOneLineAndReadBackWhole() {
		Histogram latencies = new Histogram(3);
		latencies.recordValue(1_500_000);
		latencies.recordValue(2_500_000);
		latencies.recordValue(90_000_000);
		Window window = new Window(3, 1, 2_000_000_000L, latencies, 123_456, 78_900, "timeout\nafter 5 s");
		String line = window.encode();
		assertThat(line).doesNotContain("\n");
		Window read = Window.decode(line);
		assertThat(read).usingRecursiveComparison().ignoringFields("latencies").isEqualTo(window);
		assertThat(read.latencies()).isEqualTo(latencies);
		assertThat(Window.decode(new Window(0, 0, 1, new Histogram(3), 0, 0, null).encode()).firstError()).isNull();
	}

	private static long recordingPid(Path recording) throws IOException {
		try (RecordingFile file = new RecordingFile(recording)) {
			while (file.hasMoreEvents()) {
				RecordedEvent event = file.readEvent();
				if (event.getEventType().getName().equals("jdk.JVMInformation")) {
					return event.getLong("pid");
				}
			}
		}
		throw new AssertionError("No jdk.JVMInformation in " + recording);
	}

	@Test
	void harnessSettingsRefuseNoRoundsAndNegativeForksAndMeasureEachFork() {
		assertThat(settings(1, 3).rounds()).isEqualTo(3);
		assertThat(settings(2, 0).rounds()).isEqualTo(2);
		assertThatIllegalArgumentException().isThrownBy(() -> settings(0, 1)).withMessageContaining("rounds");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(2, -1)).withMessageContaining("forks");
	}

	@Test
	void clientJvmsGetPropertiesHeapAndGcOptionsButNoRecordingDebuggingOrLogging() {
		assertThat(List.of("-Dio.netty.leakDetection.level=disabled", "-Xmx2g", "-Xms1g", "-Xss512k",
				"-XX:+UseParallelGC"))
			.allMatch(ClientProcess::passedOn);
		assertThat(List.of("-XX:StartFlightRecording=filename=run.jfr", "-XX:FlightRecorderOptions=stackdepth=256",
				"-Xlog:gc:file=gc.log", "-Xrunjdwp:transport=dt_socket,server=y,address=5005", "-Xdebug",
				"-javaagent:agent.jar", "--enable-preview"))
			.noneMatch(ClientProcess::passedOn);
	}

	private static LoadHarness.Settings settings(int rounds, int forks) {
		return new LoadHarness.Settings(new int[] { 2 }, Duration.ofMillis(100), Duration.ofMillis(100), rounds,
				Set.of(LoadHarness.STARTER), false, null, forks);
	}

}
