package dev.nxcloud.boot.redis;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The Redis server the tests share: on loopback, at the port in {@value #PORT}, which {@code .ci/run} sets after
 * starting one. Without it the tests that need Redis are skipped, except where the build requires Redis
 * ({@value #REQUIRED}{@code =true}, set by {@code .ci/run}): there they fail. Tests keep apart by using keys of their
 * own (a {@linkplain #uniquePhone() phone} or an event id of their own), and flush nothing.
 */
public final class LocalRedis {

	static final String PORT = "NXCLOUD_REDIS_PORT";

	static final String REQUIRED = "NXCLOUD_REQUIRE_REDIS";

	private LocalRedis() {
	}

	/**
	 * Whether the tests that need Redis run.
	 * @return whether a Redis is there or must be
	 */
	public static boolean availableOrRequired() {
		return System.getenv(PORT) != null || Boolean.parseBoolean(System.getenv(REQUIRED));
	}

	/**
	 * The port of the tests' Redis.
	 * @return the port
	 */
	public static int port() {
		String port = System.getenv(PORT);
		if (port == null) {
			throw new IllegalStateException(REQUIRED + " is true but " + PORT + " is not set: start a Redis on "
					+ "127.0.0.1 and set " + PORT + " to its port (.ci/run does)");
		}
		return Integer.parseInt(port);
	}

	/**
	 * A business phone no other test (or earlier run) uses, so that its bucket is new.
	 * @return 15 digits
	 */
	public static String uniquePhone() {
		return "1555" + ThreadLocalRandom.current().nextLong(10_000_000_000L, 100_000_000_000L);
	}

	/**
	 * Connect to a Redis on loopback.
	 * @param port its port
	 * @return the connection, to close
	 */
	public static Connection connect(int port) {
		return new Connection(port);
	}

	/**
	 * A Lettuce connection and a template over it.
	 */
	public static final class Connection implements AutoCloseable {

		private final LettuceConnectionFactory factory;

		private final ReactiveStringRedisTemplate template;

		Connection(int port) {
			this.factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
					LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
			this.factory.afterPropertiesSet();
			this.factory.start();
			this.template = new ReactiveStringRedisTemplate(this.factory);
		}

		public ReactiveStringRedisTemplate template() {
			return this.template;
		}

		@Override
		public void close() {
			this.factory.destroy();
		}

	}

}
