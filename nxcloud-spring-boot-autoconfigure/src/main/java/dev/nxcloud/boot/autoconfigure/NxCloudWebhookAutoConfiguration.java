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
 * or a Spring MVC application, once {@code nxcloud.webhook.enabled} is {@code true}. With
 * {@code nxcloud.webhook.verify-signature}, callbacks are verified with the webhook's own credentials if configured,
 * else with the account's; an {@link NxCloudWebhookVerifier} bean of the application's own is used instead, with or
 * without that property, and an {@link NxCloudWebhookHandler} bean of its own replaces the handler. An endpoint
 * whose handler accepts unsigned callbacks says so with a warning when it is mapped, at start-up.
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
			ObjectProvider<NxCloudWebhookVerifier> verifier, ObjectProvider<NxCloudConnectionDetails> connectionDetails,
			ApplicationEventPublisher publisher, NxCloudWebhookEvents events, WebhookDeliveryStore deliveries) {
		return new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), verifier(properties, verifier, connectionDetails),
				publisher::publishEvent, events, deliveries, properties.getDeduplication().getClaimTimeout(),
				properties.getDeduplication().getTimeToLive());
	}

	/**
	 * The application's verifier bean, else one made from {@code nxcloud.webhook.*} when verification is on. The
	 * property is read here rather than by a condition, so that an application processed by Spring AOT reads it at
	 * start-up.
	 */
	private static @Nullable NxCloudWebhookVerifier verifier(NxCloudWebhookProperties properties,
			ObjectProvider<NxCloudWebhookVerifier> applicationVerifier,
			ObjectProvider<NxCloudConnectionDetails> connectionDetails) {
		NxCloudWebhookVerifier verifier = applicationVerifier.getIfAvailable();
		if (verifier != null || !properties.isVerifySignature()) {
			return verifier;
		}
		return new NxCloudWebhookVerifier(new NxCloudSigner(properties.getSignAlgorithm()),
				() -> credentials(properties, connectionDetails.getIfAvailable()), properties.getMaxClockSkew(),
				Clock.systemUTC());
	}

	/**
	 * Warn that the endpoint about to be mapped at the given path accepts callbacks without verifying them, if its
	 * handler does not verify signatures.
	 * @param handler the handler of the endpoint
	 * @param path the path the endpoint is mapped at
	 */
	static void warnIfUnverified(NxCloudWebhookHandler handler, String path) {
		if (!handler.verifiesSignatures()) {
			logger.warn("The NxCloud webhook endpoint POST " + path + " accepts callbacks without verifying their "
					+ "signature: anyone who can reach it can forge inbound messages and statuses. Configure a "
					+ "callback signing algorithm for the app in the NxCloud console and set "
					+ "'nxcloud.webhook.verify-signature=true' (an NxCloudWebhookHandler bean of your own needs an "
					+ "NxCloudWebhookVerifier to verify with)");
		}
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
