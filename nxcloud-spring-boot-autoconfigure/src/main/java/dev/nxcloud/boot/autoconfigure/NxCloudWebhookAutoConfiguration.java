package dev.nxcloud.boot.autoconfigure;

import java.time.Clock;

import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.webhook.InMemoryWebhookDeliveryStore;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookDecoder;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvents;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookVerifier;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration for the endpoint that receives NxCloud's callbacks ({@code nxcloud.webhook.*}), in a WebFlux
 * or a Spring MVC application, once {@code nxcloud.webhook.enabled} is {@code true}. Callbacks are verified with the
 * webhook's own credentials if configured, else with the account's; an endpoint that accepts unsigned callbacks says
 * so with a warning at start-up.
 */
@AutoConfiguration(after = NxCloudAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnClass(NxCloudWebhookHandler.class)
@ConditionalOnBooleanProperty("nxcloud.webhook.enabled")
@EnableConfigurationProperties(NxCloudWebhookProperties.class)
@Import({ ReactiveNxCloudWebhookEndpointConfiguration.class, ServletNxCloudWebhookEndpointConfiguration.class })
public final class NxCloudWebhookAutoConfiguration {

	private static final Log logger = LogFactory.getLog(NxCloudWebhookAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	NxCloudWebhookEvents nxCloudWebhookEvents() {
		return new NxCloudWebhookEvents();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(name = "nxcloud.webhook.deduplication.store", havingValue = "memory", matchIfMissing = true)
	WebhookDeliveryStore nxCloudWebhookDeliveryStore(NxCloudWebhookProperties properties) {
		return new InMemoryWebhookDeliveryStore(properties.getDeduplication().getCapacity(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudWebhookHandler nxCloudWebhookHandler(NxCloudWebhookProperties properties,
			ObjectProvider<NxCloudConnectionDetails> connectionDetails, ApplicationEventPublisher publisher,
			NxCloudWebhookEvents events, WebhookDeliveryStore deliveries) {
		NxCloudWebhookVerifier verifier = null;
		if (properties.isVerifySignature()) {
			verifier = new NxCloudWebhookVerifier(new NxCloudSigner(properties.getSignAlgorithm()),
					() -> credentials(properties, connectionDetails.getIfAvailable()), properties.getMaxClockSkew(),
					Clock.systemUTC());
		}
		else {
			logger.warn("The NxCloud webhook endpoint POST " + properties.getPath() + " accepts callbacks without "
					+ "verifying their signature: anyone who can reach it can forge inbound messages and statuses. "
					+ "Configure a callback signing algorithm for the app in the NxCloud console and set "
					+ "'nxcloud.webhook.verify-signature=true'");
		}
		return new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), verifier, publisher::publishEvent, events,
				deliveries, properties.getDeduplication().getTimeToLive());
	}

	private static NxCloudWebhookVerifier.Credentials credentials(NxCloudWebhookProperties properties,
			@Nullable NxCloudConnectionDetails account) {
		if (properties.getAccessSecret() != null) {
			return new NxCloudWebhookVerifier.Credentials(properties.getAccessKey(), properties.getAccessSecret());
		}
		String accessKey = (properties.getAccessKey() != null) ? properties.getAccessKey()
				: (account != null) ? account.getAccessKey() : null;
		return new NxCloudWebhookVerifier.Credentials(accessKey, (account != null) ? account.getAccessSecret() : null);
	}

}
