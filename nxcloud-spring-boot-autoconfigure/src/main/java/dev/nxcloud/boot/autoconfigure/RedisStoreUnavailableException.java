package dev.nxcloud.boot.autoconfigure;

/**
 * A property selects the Redis store, but the application cannot give the starter a reactive Redis connection.
 */
class RedisStoreUnavailableException extends RuntimeException {

	private final String property;

	private final Missing missing;

	RedisStoreUnavailableException(String property, Missing missing) {
		super("'" + property + "' is 'redis', but " + missing.reason + ": " + missing.remedy + ", or set '" + property
				+ "=memory'");
		this.property = property;
		this.missing = missing;
	}

	String getProperty() {
		return this.property;
	}

	Missing getMissing() {
		return this.missing;
	}

	/**
	 * What the application lacks, and how to add it.
	 */
	enum Missing {

		SPRING_DATA_REDIS("Spring Data Redis is not on the classpath",
				"add 'spring-boot-starter-data-redis' to the application",
				"Add org.springframework.boot:spring-boot-starter-data-redis to the application: it brings Spring "
						+ "Data Redis and Lettuce, and connects to the Redis that 'spring.data.redis.*' names."),

		REACTIVE_CONNECTION("the application has no reactive Redis connection (no ReactiveRedisConnectionFactory bean)",
				"the Redis stores need the reactive connection Spring Boot makes with Lettuce, its default client "
						+ "(Jedis has none): add 'io.lettuce:lettuce-core' to the application",
				"Spring Data Redis is on the classpath, but the Redis stores need a reactive connection, and Spring "
						+ "Boot makes one only with Lettuce, its default client (Jedis has no reactive support). Add "
						+ "io.lettuce:lettuce-core to the application (spring-boot-starter-data-redis brings it unless "
						+ "excluded) and leave 'spring.data.redis.client-type' unset or 'lettuce'.");

		private final String reason;

		private final String remedy;

		private final String action;

		Missing(String reason, String remedy, String action) {
			this.reason = reason;
			this.remedy = remedy;
			this.action = action;
		}

		String reason() {
			return this.reason;
		}

		String action() {
			return this.action;
		}

	}

}
