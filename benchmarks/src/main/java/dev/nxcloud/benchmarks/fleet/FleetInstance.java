package dev.nxcloud.benchmarks.fleet;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.OperatingSystemMXBean;
import dev.nxcloud.benchmarks.BenchmarkRequests;
import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudRedisAutoConfiguration;
import dev.nxcloud.boot.redis.RedisSendRateLimiter;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.error.NxCloudMetaException;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import org.HdrHistogram.Histogram;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * One instance of the fleet, in a JVM of its own: an application context with the starter's auto-configuration
 * (and, for the Redis store, Spring Boot's Redis auto-configuration), whose only settings are properties.
 * <p>
 * It makes a few sends to warm up, prints {@code READY}, waits for a line on its standard input, then offers template sends at a fixed rate for
 * the window, each through the auto-configured {@link NxCloudMessageService} (so each takes a slot of the
 * auto-configured {@link NxCloudSendRateLimiter} first; retries off, so every 130429 is counted once). Sends still
 * waiting for their slot when the window ends are cancelled. It then acquires slots of a phone that is never paced
 * in practice (a rate of a million per second), one after the other, to measure what acquiring a slot costs when
 * there is no wait: latency and CPU per acquisition. It prints one {@link FleetResult} line and exits.
 * <p>
 * Arguments: the simulator's base URL, the store ({@code memory} or {@code redis}), the Redis port (ignored for
 * {@code memory}), the phone's rate and burst, the sends offered per second, the window in seconds, the number of
 * probe acquisitions, and whether this instance resets the shared buckets ({@code true} for one instance).
 */
public final class FleetInstance {

	/** The phone the probe acquires slots of: paced at a rate it never reaches. */
	static final String PROBE_PHONE = "15550009999";

	/** Sends each instance makes before the window; the harness waits for their slots to pass before starting it. */
	static final int WARM_UP_SENDS = 3;

	private static final TemplateMessage MESSAGE = BenchmarkRequests.templateMessage();

	private FleetInstance() {
	}

	/**
	 * Run one instance.
	 * @param args see the class description
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		String baseUrl = args[0];
		String store = args[1];
		int redisPort = Integer.parseInt(args[2]);
		double rate = Double.parseDouble(args[3]);
		int burst = Integer.parseInt(args[4]);
		double offered = Double.parseDouble(args[5]);
		Duration window = Duration.ofMillis((long) (Double.parseDouble(args[6]) * 1000));
		int probes = Integer.parseInt(args[7]);
		boolean resetBuckets = Boolean.parseBoolean(args[8]);
		try (AnnotationConfigApplicationContext context = context(baseUrl, store, redisPort, rate, burst)) {
			NxCloudSendRateLimiter limiter = context.getBean(NxCloudSendRateLimiter.class);
			if (limiter instanceof RedisSendRateLimiter && resetBuckets) {
				context.getBean(ReactiveStringRedisTemplate.class)
					.delete(RedisSendRateLimiter.KEY_PREFIX + BenchmarkRequests.ACCOUNT.businessPhone(),
							RedisSendRateLimiter.KEY_PREFIX + PROBE_PHONE)
					.block(Duration.ofSeconds(10));
			}
			warmUp(context.getBean(NxCloudMessageService.class));
			probe(limiter, Math.min(probes, 500));
			System.out.println("READY");
			System.out.flush();
			new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			FleetResult result = offer(context.getBean(NxCloudMessageService.class), offered, window);
			long cpuBefore = cpuNanos();
			Histogram latencies = probe(limiter, probes);
			result = result.withProbe(probes, cpuNanos() - cpuBefore, latencies.getValueAtPercentile(50),
					latencies.getValueAtPercentile(99));
			System.out.println(result.line());
			System.out.flush();
		}
		System.exit(0);
	}

	private static AnnotationConfigApplicationContext context(String baseUrl, String store, int redisPort, double rate,
			int burst) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		Map<String, Object> properties = BenchmarkRequests.starterProperties(baseUrl);
		properties.put("nxcloud.retry.enabled", "false");
		properties.put("nxcloud.rate-limit.store", store);
		properties.put("nxcloud.rate-limit.messages-per-second", Double.toString(rate));
		properties.put("nxcloud.rate-limit.burst", Integer.toString(burst));
		// longer than any slot of the window is away, so that no send is refused for waiting: the limiter paces all
		properties.put("nxcloud.rate-limit.max-wait", "1h");
		properties.put("nxcloud.rate-limit.phones." + PROBE_PHONE + ".messages-per-second", "1000000");
		properties.put("nxcloud.rate-limit.phones." + PROBE_PHONE + ".burst", "1000000");
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", Integer.toString(redisPort));
		properties.put("spring.data.redis.timeout", "2s");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fleet", properties));
		context.register(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, NxCloudAutoConfiguration.class);
		if (store.equals("redis")) {
			context.register(DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
					NxCloudRedisAutoConfiguration.class);
		}
		context.refresh();
		return context;
	}

	/**
	 * Offer sends at a fixed rate for the window and count how those that completed within it were answered.
	 */
	private static FleetResult offer(NxCloudMessageService messages, double offered, Duration window)
			throws InterruptedException {
		AtomicLong admitted = new AtomicLong();
		AtomicLong throttled = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		AtomicLong issued = new AtomicLong();
		long cpuBefore = cpuNanos();
		Disposable sends = Flux.interval(Duration.ofNanos((long) (1e9 / offered)))
			.take((long) (offered * window.toMillis() / 1000))
			.flatMap((tick) -> {
				issued.incrementAndGet();
				return messages.sendTemplate(MESSAGE).doOnSuccess((sent) -> admitted.incrementAndGet()).onErrorResume((ex) -> {
					(isThrottled(ex) ? throttled : failed).incrementAndGet();
					return Mono.empty();
				});
			}, Integer.MAX_VALUE)
			.subscribe();
		Thread.sleep(window.toMillis());
		sends.dispose();
		return new FleetResult(issued.get(), admitted.get(), throttled.get(), failed.get(), cpuNanos() - cpuBefore, 0, 0,
				0, 0);
	}

	/** A few sends, whatever their answers, so that the window does not pay for the first connection and JIT. */
	private static void warmUp(NxCloudMessageService messages) {
		for (int i = 0; i < WARM_UP_SENDS; i++) {
			messages.sendTemplate(MESSAGE).onErrorResume((ex) -> Mono.empty()).block(Duration.ofSeconds(30));
		}
	}

	private static boolean isThrottled(Throwable ex) {
		return ex instanceof NxCloudMetaException meta && meta.getMetaError() != null
				&& Integer.valueOf(130429).equals(meta.getMetaError().code());
	}

	/** Acquire slots of the probe phone one after the other; the latency of each, in nanoseconds. */
	private static Histogram probe(NxCloudSendRateLimiter limiter, int count) {
		Histogram latencies = new Histogram(3);
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			limiter.acquire(PROBE_PHONE, Duration.ofSeconds(10)).block(Duration.ofSeconds(10));
			latencies.recordValue(System.nanoTime() - start);
		}
		return latencies;
	}

	private static long cpuNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

}
