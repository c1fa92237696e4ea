package dev.nxcloud.boot.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudClientSettings;
import dev.nxcloud.whatsapp.NxCloudRetryPolicy;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.NxCloudSigningFilter;
import dev.nxcloud.whatsapp.bulk.NxCloudBulkSender;
import dev.nxcloud.whatsapp.flow.DefaultNxCloudFlowService;
import dev.nxcloud.whatsapp.flow.NxCloudFlowService;
import dev.nxcloud.whatsapp.integrator.DefaultNxCloudIntegratorService;
import dev.nxcloud.whatsapp.integrator.NxCloudIntegratorService;
import dev.nxcloud.whatsapp.media.DefaultNxCloudMediaService;
import dev.nxcloud.whatsapp.media.NxCloudMediaService;
import dev.nxcloud.whatsapp.message.DefaultNxCloudMessageService;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationConvention;
import dev.nxcloud.whatsapp.otp.DefaultNxCloudOtpService;
import dev.nxcloud.whatsapp.otp.NxCloudOtpService;
import dev.nxcloud.whatsapp.phone.DefaultNxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.template.DefaultNxCloudTemplateService;
import dev.nxcloud.whatsapp.template.NxCloudTemplateService;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration for the NxCloud WhatsApp client: connection details from {@code nxcloud.*}, the signing filter,
 * the {@link NxCloudClient} and one service bean per endpoint group. Every bean backs off when the application
 * defines its own.
 */
@AutoConfiguration(after = { WebClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class })
@ConditionalOnClass(WebClient.class)
@EnableConfigurationProperties(NxCloudProperties.class)
public final class NxCloudAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(NxCloudConnectionDetails.class)
	PropertiesNxCloudConnectionDetails nxCloudConnectionDetails(NxCloudProperties properties) {
		return new PropertiesNxCloudConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudSigningFilter nxCloudSigningFilter(NxCloudConnectionDetails connectionDetails,
			NxCloudProperties properties) {
		return new NxCloudSigningFilter(connectionDetails, new NxCloudSigner(properties.getSignAlgorithm()),
				Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudClient nxCloudClient(ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ResourceLoader resourceLoader,
			NxCloudSigningFilter signingFilter, NxCloudConnectionDetails connectionDetails,
			NxCloudProperties properties, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<NxCloudClientObservationConvention> observationConvention) {
		NxCloudClientSettings clientSettings = clientSettings(properties);
		Duration longestResponse = (clientSettings.uploadTimeout().compareTo(clientSettings.responseTimeout()) > 0)
				? clientSettings.uploadTimeout() : clientSettings.responseTimeout();
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
			.withTimeouts(properties.getConnectTimeout(), longestResponse);
		WebClient webClient = webClientBuilder.getIfAvailable(WebClient::builder)
			.clientConnector(connectorBuilder
				.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(resourceLoader.getClassLoader()))
				.build(settings))
			.filter(signingFilter)
			.build();
		NxCloudDefaults defaults = new NxCloudDefaults(properties.getAppKey(), properties.getBusinessPhone(),
				properties.getTenantId());
		return new NxCloudClient(webClient, connectionDetails, defaults, clientSettings,
				observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP), observationConvention.getIfUnique());
	}

	private static NxCloudClientSettings clientSettings(NxCloudProperties properties) {
		NxCloudProperties.Retry retry = properties.getRetry();
		NxCloudRetryPolicy retryPolicy = retry.isEnabled() ? new NxCloudRetryPolicy(retry.getMaxAttempts(),
				retry.getInitialBackoff(), retry.getMaxBackoff(), retry.getJitter()) : NxCloudRetryPolicy.NONE;
		Double messagesPerSecond = properties.getRateLimit().getMessagesPerSecond();
		NxCloudSendRateLimiter rateLimiter = (messagesPerSecond != null)
				? new NxCloudSendRateLimiter(messagesPerSecond) : null;
		return new NxCloudClientSettings(properties.getResponseTimeout(), properties.getUploadTimeout(),
				retryPolicy, rateLimiter);
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudPhoneService nxCloudPhoneService(NxCloudClient client) {
		return new DefaultNxCloudPhoneService(client);
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudMessageService nxCloudMessageService(NxCloudClient client) {
		return new DefaultNxCloudMessageService(client);
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudOtpService nxCloudOtpService(NxCloudClient client) {
		return new DefaultNxCloudOtpService(client);
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudIntegratorService nxCloudIntegratorService(NxCloudClient client) {
		return new DefaultNxCloudIntegratorService(client);
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudTemplateService nxCloudTemplateService(NxCloudClient client) {
		return new DefaultNxCloudTemplateService(client);
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudFlowService nxCloudFlowService(NxCloudClient client) {
		return new DefaultNxCloudFlowService(client);
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudMediaService nxCloudMediaService(NxCloudClient client) {
		return new DefaultNxCloudMediaService(client);
	}

	@Bean
	@ConditionalOnMissingBean
	NxCloudBulkSender nxCloudBulkSender(NxCloudMessageService messages, NxCloudOtpService otp,
			NxCloudProperties properties) {
		return new NxCloudBulkSender(messages, otp, properties.getBulk().getConcurrency());
	}

}
