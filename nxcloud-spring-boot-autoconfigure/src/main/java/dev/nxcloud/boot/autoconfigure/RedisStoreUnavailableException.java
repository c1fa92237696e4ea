package dev.nxcloud.boot.autoconfigure;

/**
 * A property selects the Redis store, but the application cannot give the starter a Redis connection.
 */
class RedisStoreUnavailableException extends RuntimeException {

	private final String property;

	private final String reason;

	RedisStoreUnavailableException(String property, String reason) {
		super("'" + property + "' is 'redis', but " + reason + ": add 'spring-boot-starter-data-redis' to the "
				+ "application, or set '" + property + "=memory'");
		this.property = property;
		this.reason = reason;
	}

	String getProperty() {
		return this.property;
	}

	String getReason() {
		return this.reason;
	}

}
