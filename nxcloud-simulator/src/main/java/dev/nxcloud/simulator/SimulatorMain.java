package dev.nxcloud.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.CountDownLatch;

import dev.nxcloud.simulator.state.Account;
import org.jspecify.annotations.Nullable;

/**
 * Runs the simulator standalone: {@code java -jar nxcloud-simulator-VERSION-exec.jar [--port 8090] [--seed file.json]}.
 * With {@code --seed} the file replaces the demo seed; with {@code --add-seed} it is loaded after the demo seed.
 * {@code --host} chooses the bind address (default {@code 127.0.0.1}); only a simulator inside a container needs
 * {@code --host 0.0.0.0}. {@code --tls-cert} and {@code --tls-key} (PEM files: a certificate chain and its unencrypted
 * PKCS#8 private key) make it serve HTTPS. {@code --phone-rate 80} (with an optional {@code --phone-burst N}) and
 * {@code --pair-rate 6s} enforce WhatsApp's limits (see {@link NxCloudSimulator.Builder#phoneRate(double, int)} and
 * {@link NxCloudSimulator.Builder#pairRate(Duration)}).
 */
public final class SimulatorMain {

	private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m)");

	private SimulatorMain() {
	}

	/**
	 * Starts the simulator and waits until the process is stopped.
	 * @param args {@code --port N}, {@code --host ADDRESS}, {@code --seed FILE}, {@code --add-seed FILE},
	 * {@code --tls-cert FILE --tls-key FILE}, {@code --phone-rate PER_SECOND [--phone-burst N]},
	 * {@code --pair-rate DURATION}, {@code --help}
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		NxCloudSimulator.@Nullable Builder builder;
		try {
			builder = builder(args);
		}
		catch (IllegalArgumentException ex) {
			usage(ex.getMessage());
			return;
		}
		if (builder == null) {
			usage(null);
			return;
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

	/**
	 * The simulator the arguments describe.
	 * @return the builder, or {@code null} when the arguments ask for help
	 * @throws IllegalArgumentException naming the argument that is wrong
	 */
	static NxCloudSimulator.@Nullable Builder builder(String[] args) {
		NxCloudSimulator.Builder builder = NxCloudSimulator.builder().port(8090);
		@Nullable Path tlsCertificate = null;
		@Nullable Path tlsKey = null;
		@Nullable Double phoneRate = null;
		@Nullable Integer phoneBurst = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (takesValue(arg) && i + 1 >= args.length) {
				throw new IllegalArgumentException("Missing value for " + arg);
			}
			switch (arg) {
				case "--port" -> builder.port(integer(arg, args[++i]));
				case "--host" -> builder.host(args[++i]);
				case "--seed" -> builder.demoSeed(false).seed(Path.of(args[++i]));
				case "--add-seed" -> builder.seed(Path.of(args[++i]));
				case "--tls-cert" -> tlsCertificate = Path.of(args[++i]);
				case "--tls-key" -> tlsKey = Path.of(args[++i]);
				case "--phone-rate" -> phoneRate = number(arg, args[++i]);
				case "--phone-burst" -> phoneBurst = integer(arg, args[++i]);
				case "--pair-rate" -> builder.pairRate(duration(arg, args[++i]));
				case "--help", "-h" -> {
					return null;
				}
				default -> throw new IllegalArgumentException("Unknown argument " + arg);
			}
		}
		if ((tlsCertificate == null) != (tlsKey == null)) {
			throw new IllegalArgumentException("--tls-cert and --tls-key go together");
		}
		if (tlsCertificate != null && tlsKey != null) {
			builder.tls(tlsCertificate, tlsKey);
		}
		if (phoneBurst != null && phoneRate == null) {
			throw new IllegalArgumentException("--phone-burst needs --phone-rate");
		}
		if (phoneRate != null && phoneBurst != null) {
			builder.phoneRate(phoneRate, phoneBurst);
		}
		else if (phoneRate != null) {
			builder.phoneRate(phoneRate);
		}
		return builder;
	}

	private static int integer(String option, String value) {
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a whole number, not " + value);
		}
	}

	private static double number(String option, String value) {
		try {
			return Double.parseDouble(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a number, not " + value);
		}
	}

	/** {@code 6s}, {@code 500ms}, {@code 1m} or ISO-8601 ({@code PT6S}). */
	private static Duration duration(String option, String value) {
		Matcher simple = SIMPLE_DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
		if (simple.matches()) {
			long amount = Long.parseLong(simple.group(1));
			return switch (simple.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				default -> Duration.ofMinutes(amount);
			};
		}
		try {
			return Duration.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(option + " needs a duration such as 6s, 500ms or PT6S, not " + value);
		}
	}

	private static boolean takesValue(String arg) {
		return arg.equals("--port") || arg.equals("--host") || arg.equals("--seed") || arg.equals("--add-seed")
				|| arg.equals("--tls-cert") || arg.equals("--tls-key") || arg.equals("--phone-rate")
				|| arg.equals("--phone-burst") || arg.equals("--pair-rate");
	}

	private static void usage(@Nullable String error) {
		if (error != null) {
			System.err.println(error);
		}
		System.err.println("Usage: java -jar nxcloud-simulator-exec.jar [--port 8090] [--host 127.0.0.1]"
				+ " [--seed seed.json | --add-seed seed.json] [--tls-cert cert.pem --tls-key key.pem]"
				+ " [--phone-rate 80 [--phone-burst 80]] [--pair-rate 6s]");
		System.err.println("  --phone-rate  sends per second and business phone; beyond it 9099 with Meta's 130429");
		System.err.println("  --phone-burst sends admitted at once (default: one second's worth)");
		System.err.println("  --pair-rate   one message per recipient per duration; a second one sooner is 131056");
	}

}
