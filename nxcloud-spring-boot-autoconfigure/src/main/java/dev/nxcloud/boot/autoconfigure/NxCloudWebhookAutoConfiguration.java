package dev.nxcloud.boot.autoconfigure;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.webhook.InMemoryWebhookDeliveryStore;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookDecoder;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvents;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookVerifier;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.util.unit.DataSize;

/**
 * Auto-configuration for the endpoint that receives NxCloud's callbacks ({@code nxcloud.webhook.*}), in a WebFlux
 * or a Spring MVC application, once {@code nxcloud.webhook.enabled} is {@code true}. With
 * {@code nxcloud.webhook.verify-signature}, callbacks are verified with the webhook's own credentials if configured,
 * else with the account's; an {@link NxCloudWebhookVerifier} bean of the application's own is used instead, with or
 * without that property, and an {@link NxCloudWebhookHandler} bean of its own replaces the handler. An endpoint
 * whose handler accepts unsigned callbacks says so with a warning when it is mapped, at start-up. With a Micrometer
 * {@link MeterRegistry} bean, refused callbacks are counted in {@value #REFUSED_METRIC}, tagged by {@code reason}.
 */
@AutoConfiguration(after = NxCloudAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnClass(NxCloudWebhookHandler.class)
@ConditionalOnBooleanProperty("nxcloud.webhook.enabled")
@EnableConfigurationProperties(NxCloudWebhookProperties.class)
@Import({ ReactiveNxCloudWebhookEndpointConfiguration.class, ServletNxCloudWebhookEndpointConfiguration.class })
public final class NxCloudWebhookAutoConfiguration {

	/**
	 * The counter of refused callbacks, tagged {@code reason} ({@code invalid_signature}, {@code missing_signature},
	 * and so on: {@link NxCloudWebhookHandler.Refusal#tag()}).
	 */
	public static final String REFUSED_METRIC = "nxcloud.webhook.refused";

	/** The largest {@code nxcloud.webhook.max-body-size}: far beyond any callback, and one byte more fits an array. */
	private static final DataSize LARGEST_MAX_BODY_SIZE = DataSize.ofGigabytes(1);

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
			ApplicationEventPublisher publisher, NxCloudWebhookEvents events, WebhookDeliveryStore deliveries,
			ObjectProvider<NxCloudTime> time, ObjectProvider<Consumer<NxCloudWebhookHandler.Refusal>> refusals) {
		return new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), verifier(properties, verifier, connectionDetails),
				publisher::publishEvent, events, deliveries, properties.getDeduplication().getClaimTimeout(),
				properties.getDeduplication().getTimeToLive(), time.getIfUnique(NxCloudTime::system).clock(),
				refusals.getIfUnique(() -> (refusal) -> {
				}));
	}

	/**
	 * The largest body the endpoint accepts, in bytes.
	 * @param properties the webhook properties
	 * @return {@code nxcloud.webhook.max-body-size} in bytes
	 * @throws InvalidConfigurationPropertyValueException if it is less than one byte or more than 1 GB
	 */
	static int maxBodySize(NxCloudWebhookProperties properties) {
		DataSize size = properties.getMaxBodySize();
		if (size == null || size.toBytes() < 1 || size.compareTo(LARGEST_MAX_BODY_SIZE) > 0) {
			throw new InvalidConfigurationPropertyValueException("nxcloud.webhook.max-body-size", size,
					"it must be between 1B and " + LARGEST_MAX_BODY_SIZE.toGigabytes() + "GB");
		}
		return Math.toIntExact(size.toBytes());
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class RefusalMetricsConfiguration {

		/** One counter per reason, registered once, if the application has a meter registry. */
		@Bean
		@ConditionalOnMissingBean(name = "nxCloudWebhookRefusalCounter")
		Consumer<NxCloudWebhookHandler.Refusal> nxCloudWebhookRefusalCounter(ObjectProvider<MeterRegistry> registry) {
			MeterRegistry meters = registry.getIfUnique();
			if (meters == null) {
				return (refusal) -> {
				};
			}
			Map<NxCloudWebhookHandler.Refusal, Counter> counters = new EnumMap<>(NxCloudWebhookHandler.Refusal.class);
			for (NxCloudWebhookHandler.Refusal refusal : NxCloudWebhookHandler.Refusal.values()) {
				counters.put(refusal, Counter.builder(REFUSED_METRIC)
					.description("Callbacks the NxCloud webhook endpoint refused")
					.tag("reason", refusal.tag())
					.register(meters));
			}
			return (refusal) -> counters.get(refusal).increment();
		}

	}

}
