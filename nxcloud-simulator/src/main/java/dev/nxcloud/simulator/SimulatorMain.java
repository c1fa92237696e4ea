package dev.nxcloud.simulator;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import dev.nxcloud.simulator.state.Account;
import org.jspecify.annotations.Nullable;

/**
 * Runs the simulator standalone: {@code java -jar nxcloud-simulator-VERSION-exec.jar [--port 8090] [--seed file.json]}.
 * With {@code --seed} the file replaces the demo seed; with {@code --add-seed} it is loaded after the demo seed.
 * {@code --host} chooses the bind address (default {@code 127.0.0.1}); only a simulator inside a container needs
 * {@code --host 0.0.0.0}. {@code --tls-cert} and {@code --tls-key} (PEM files: a certificate chain and its unencrypted
 * PKCS#8 private key) make it serve HTTPS.
 */
public final class SimulatorMain {

	private SimulatorMain() {
	}

	/**
	 * Starts the simulator and waits until the process is stopped.
	 * @param args {@code --port N}, {@code --host ADDRESS}, {@code --seed FILE}, {@code --add-seed FILE},
	 * {@code --tls-cert FILE --tls-key FILE}, {@code --help}
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		NxCloudSimulator.Builder builder = NxCloudSimulator.builder().port(8090);
		@Nullable Path tlsCertificate = null;
		@Nullable Path tlsKey = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (takesValue(arg) && i + 1 >= args.length) {
				usage("Missing value for " + arg);
				return;
			}
			switch (arg) {
				case "--port" -> builder.port(Integer.parseInt(args[++i]));
				case "--host" -> builder.host(args[++i]);
				case "--seed" -> builder.demoSeed(false).seed(Path.of(args[++i]));
				case "--add-seed" -> builder.seed(Path.of(args[++i]));
				case "--tls-cert" -> tlsCertificate = Path.of(args[++i]);
				case "--tls-key" -> tlsKey = Path.of(args[++i]);
				case "--help", "-h" -> {
					usage(null);
					return;
				}
				default -> {
					usage("Unknown argument " + arg);
					return;
				}
			}
		}
		if ((tlsCertificate == null) != (tlsKey == null)) {
			usage("--tls-cert and --tls-key go together");
			return;
		}
		if (tlsCertificate != null && tlsKey != null) {
			builder.tls(tlsCertificate, tlsKey);
		}
		NxCloudSimulator simulator = builder.build().start();
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}, "nxcloud-simulator-shutdown"));
		System.out.println("NxCloud simulator listening on " + simulator.baseUrl()
				+ " (serves /api/wa/... and /saas/wa/...; bound to " + simulator.host() + ")");
		if (simulator.hasDemoSeed()) {
			DemoAccount demo = simulator.demoAccount();
			System.out.println("  accessKey:     " + demo.accessKey());
			System.out.println("  accessSecret:  " + demo.accessSecret());
			System.out.println("  appkey:        " + demo.appKey() + " (app_id " + demo.appId() + ")");
			System.out.println("  business_phone " + demo.businessPhone());
			System.out.println("  tenant_id:     " + demo.tenantId());
		}
		else {
			for (Account account : simulator.state().accounts()) {
				System.out.println("  accessKey " + account.accessKey() + " / accessSecret " + account.accessSecret());
			}
		}
		System.out.println("Press Ctrl+C to stop.");
		stopped.await();
	}

	private static boolean takesValue(String arg) {
		return arg.equals("--port") || arg.equals("--host") || arg.equals("--seed") || arg.equals("--add-seed")
				|| arg.equals("--tls-cert") || arg.equals("--tls-key");
	}

	private static void usage(@Nullable String error) {
		if (error != null) {
			System.err.println(error);
		}
		System.err.println("Usage: java -jar nxcloud-simulator-exec.jar [--port 8090] [--host 127.0.0.1]"
				+ " [--seed seed.json | --add-seed seed.json] [--tls-cert cert.pem --tls-key key.pem]");
	}

}
