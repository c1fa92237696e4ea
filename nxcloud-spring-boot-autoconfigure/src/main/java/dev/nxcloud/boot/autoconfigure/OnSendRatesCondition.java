package dev.nxcloud.boot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when sends are paced: {@code nxcloud.rate-limit.messages-per-second} is set, or a rate for one phone under
 * {@code nxcloud.rate-limit.phones}.
 */
class OnSendRatesCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		boolean paced = Binder.get(context.getEnvironment())
			.bind("nxcloud.rate-limit", NxCloudProperties.RateLimit.class)
			.map(SendRates::anyPaced)
			.orElse(false);
		return paced ? ConditionOutcome.match("nxcloud.rate-limit sets a rate")
				: ConditionOutcome.noMatch("nxcloud.rate-limit sets no rate");
	}

}
