package dev.nxcloud.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says what to add when a property selects the Redis store and the application has no Redis connection.
 */
class RedisStoreUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<RedisStoreUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RedisStoreUnavailableException cause) {
		return new FailureAnalysis("'" + cause.getProperty() + "' is 'redis', but " + cause.getReason() + ".",
				"Add org.springframework.boot:spring-boot-starter-data-redis to the application: it brings Spring "
						+ "Data Redis and Lettuce, and connects to the Redis that 'spring.data.redis.*' names. Or "
						+ "set '" + cause.getProperty() + "=memory' to keep the state in each instance.",
				cause);
	}

}
