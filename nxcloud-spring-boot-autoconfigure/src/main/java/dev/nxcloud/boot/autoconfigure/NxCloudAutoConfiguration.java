package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.whatsapp.InMemorySendRateLimiter;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudRetryPolicy;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.bulk.NxCloudBulkSender;
import dev.nxcloud.whatsapp.flow.NxCloudFlowService;
import dev.nxcloud.whatsapp.integrator.NxCloudIntegratorService;
import dev.nxcloud.whatsapp.media.NxCloudMediaService;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationConvention;
import dev.nxcloud.whatsapp.otp.NxCloudOtpService;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.template.NxCloudTemplateService;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Scope;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration for the NxCloud WhatsApp client: connection details from {@code nxcloud.*}, an HTTP connector
 * of NxCloud's own ({@code nxcloud.http.*} over the application's {@code spring.http.clients.*}), an
 * {@link NxCloudClient.Builder} configured from properties, the {@link NxCloudTime} bean if any, and
 * {@link NxCloudClientBuilderCustomizer} beans, the
 * {@link NxCloudClient} of the account and one service bean per endpoint group. Every bean backs off when the
 * application defines its own.
 */
@AutoConfiguration(after = { SslAutoConfiguration.class, WebClientAutoConfiguration.class,
		ReactiveHttpClientAutoConfiguration.class })
@ConditionalOnClass({ WebClient.class, NxCloudClient.class })
@EnableConfigurationProperties({ NxCloudProperties.class, NxCloudHttpProperties.class })
public final class NxCloudAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(NxCloudConnectionDetails.class)
	PropertiesNxCloudConnectionDetails nxCloudConnectionDetails(NxCloudProperties properties) {
		return new PropertiesNxCloudConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnSendRatesCondition.class)
	@ConditionalOnProperty(name = "nxcloud.rate-limit.store", havingValue = "memory", matchIfMissing = true)
	NxCloudSendRateLimiter nxCloudSendRateLimiter(NxCloudProperties properties) {
		return new InMemorySendRateLimiter(new SendRates(properties.getRateLimit()));
	}

	/**
	 * NxCloud's connector, for the builder below: not made, nor {@code nxcloud.http.*} checked, when the application
	 * defines its own builder.
	 */
	@Bean
	@ConditionalOnMissingBean(NxCloudClient.Builder.class)
	NxCloudHttpConnector nxCloudHttpConnector(ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ResourceLoader resourceLoader,
			NxCloudProperties properties, NxCloudHttpProperties http, ObjectProvider<SslBundles> sslBundles) {
		return new NxCloudHttpConnector(
				connectorBuilder.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader())),
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults), properties, http,
				sslBundles.getIfAvailable());
	}

	/**
	 * A new builder for each injection point, configured from {@code nxcloud.*} (all but the account: connection
	 * and defaults) and by every {@link NxCloudClientBuilderCustomizer}: the way to make a client for a second
	 * account with the application's HTTP, observation and retry settings.
	 */
	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	NxCloudClient.Builder nxCloudClientBuilder(ObjectProvider<WebClient.Builder> webClientBuilder,
			NxCloudHttpConnector httpConnector, NxCloudProperties properties,
			ObjectProvider<NxCloudSendRateLimiter> sendRateLimiter,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<NxCloudClientObservationConvention> observationConvention,
			ObjectProvider<NxCloudClientBuilderCustomizer> customizers, ObjectProvider<NxCloudTime> time) {
		NxCloudTime nxCloudTime = time.getIfUnique(NxCloudTime::system);
		WebClient.Builder webClient = webClientBuilder.getIfAvailable(WebClient::builder)
			.clone()
			.clientConnector(httpConnector.get());
		NxCloudClient.Builder builder = NxCloudClient.builder()
			.webClientBuilder(webClient)
			.signAlgorithm(properties.getSignAlgorithm())
			.clock(nxCloudTime.clock())
			.scheduler(nxCloudTime.scheduler())
			.responseTimeout(properties.getResponseTimeout())
			.uploadTimeout(properties.getUploadTimeout())
			.retryPolicy(retryPolicy(properties.getRetry()))
			.sendRateLimiter(sendRateLimiter.getIfUnique())
			.sendMaxWait(SendRates.maxWait(properties.getRateLimit()))
			.recipientPacing(SendRates.perRecipientInterval(properties.getRateLimit()))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfUnique())
			.settingNames(NxCloudPropertyNames::ofSharedSettings);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	private static NxCloudRetryPolicy retryPolicy(NxCloudProperties.Retry retry) {
		return retry.isEnabled() ? new NxCloudRetryPolicy(retry.getMaxAttempts(), retry.getInitialBackoff(),
				retry.getMaxBackoff(), retry.getJitter()) : NxCloudRetryPolicy.NONE;
	}

	/**
	 * The account's client: the connection details' connection and defaults (a default the details leave out comes
	 * from its property), with messages that name the {@code nxcloud.*} properties that configure it.
	 */
	@Bean
	@ConditionalOnMissingBean
	NxCloudClient nxCloudClient(NxCloudClient.Builder nxCloudClientBuilder, NxCloudConnectionDetails connectionDetails,
			NxCloudProperties properties) {
		return nxCloudClientBuilder.settingNames(NxCloudPropertyNames::of)
			.connection(connectionDetails)
			.appKey(firstNonNull(connectionDetails.getAppKey(), properties.getAppKey()))
			.businessPhone(firstNonNull(connectionDetails.getBusinessPhone(), properties.getBusinessPhone()))
			.tenantId(firstNonNull(connectionDetails.getTenantId(), properties.getTenantId()))
			.build();
	}

	private static <T> @Nullable T firstNonNull(@Nullable T value, @Nullable T fallback) {
		return (value != null) ? value : fallback;
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudPhoneService nxCloudPhoneService(NxCloudClient client) {
		return client.phones();
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudMessageService nxCloudMessageService(NxCloudClient client) {
		return client.messages();
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudOtpService nxCloudOtpService(NxCloudClient client) {
		return client.otp();
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudIntegratorService nxCloudIntegratorService(NxCloudClient client) {
		return client.integrator();
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudTemplateService nxCloudTemplateService(NxCloudClient client) {
		return client.templates();
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudFlowService nxCloudFlowService(NxCloudClient client) {
		return client.flows();
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudMediaService nxCloudMediaService(NxCloudClient client) {
		return client.media();
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudBulkSender nxCloudBulkSender(NxCloudMessageService messages, NxCloudOtpService otp,
			NxCloudProperties properties) {
		return new NxCloudBulkSender(messages, otp, properties.getBulk().getConcurrency());
	}

}
