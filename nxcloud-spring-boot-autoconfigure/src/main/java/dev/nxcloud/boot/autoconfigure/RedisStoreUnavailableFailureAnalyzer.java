package dev.nxcloud.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says what to add when a property selects the Redis store and the application has no reactive Redis connection:
 * Spring Data Redis when it is absent, Lettuce when Spring Data Redis is there without a reactive connection.
 */
class RedisStoreUnavailableFailureAnalyzer extends AbstractFailureAnalyzer<RedisStoreUnavailableException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RedisStoreUnavailableException cause) {
		return new FailureAnalysis("'" + cause.getProperty() + "' is 'redis', but " + cause.getMissing().reason() + ".",
				cause.getMissing().action() + " Or set '" + cause.getProperty()
						+ "=memory' to keep the state in each instance.",
				cause);
	}

}
