package dev.nxcloud.boot.autoconfigure.health;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfo;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore;
import dev.nxcloud.boot.health.NxCloudHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.CompositeReactiveHealthContributorConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code nxcloud} health contributor: one {@link NxCloudHealthIndicator} per
 * {@link NxCloudPhoneService} bean, a composite keyed by bean name when there are several, each reporting the send
 * rate limiter's and the webhook delivery store's state too.
 */
@AutoConfiguration(after = NxCloudAutoConfiguration.class)
@ConditionalOnClass({ ReactiveHealthIndicator.class, ConditionalOnEnabledHealthIndicator.class,
		NxCloudPhoneService.class })
@ConditionalOnBean(NxCloudPhoneService.class)
@ConditionalOnEnabledHealthIndicator("nxcloud")
@EnableConfigurationProperties(NxCloudHealthProperties.class)
public final class NxCloudHealthContributorAutoConfiguration
		extends CompositeReactiveHealthContributorConfiguration<NxCloudHealthIndicator, NxCloudPhoneService> {

	NxCloudHealthContributorAutoConfiguration(NxCloudHealthProperties properties,
			ObjectProvider<NxCloudSendRateLimiter> sendRateLimiter, ObjectProvider<WebhookDeliveryStore> deliveries) {
		super((phoneService) -> new NxCloudHealthIndicator(phoneService, properties.getBusinessPhones(),
				qualityRatingStatuses(properties), stores(sendRateLimiter, deliveries), properties.getTimeout(),
				properties.getTimeToLive(), Clock.systemUTC()));
	}

	private static List<NxCloudHealthIndicator.Store> stores(ObjectProvider<NxCloudSendRateLimiter> sendRateLimiter,
			ObjectProvider<WebhookDeliveryStore> deliveries) {
		List<NxCloudHealthIndicator.Store> stores = new ArrayList<>();
		sendRateLimiter.ifUnique((limiter) -> stores.add(NxCloudHealthIndicator.Store.of("rate-limit", limiter)));
		deliveries.ifUnique((store) -> stores.add(NxCloudHealthIndicator.Store.of("webhook-deduplication", store)));
		return stores;
	}

	@Bean
	@ConditionalOnMissingBean(name = { "nxcloudHealthIndicator", "nxcloudHealthContributor" })
	ReactiveHealthContributor nxcloudHealthContributor(ConfigurableListableBeanFactory beanFactory) {
		return createContributor(beanFactory, NxCloudPhoneService.class);
	}

	private static Map<PhoneInfo.QualityRating, Status> qualityRatingStatuses(NxCloudHealthProperties properties) {
		Map<PhoneInfo.QualityRating, Status> statuses = new EnumMap<>(PhoneInfo.QualityRating.class);
		statuses.put(PhoneInfo.QualityRating.YELLOW, status(properties.getQualityRating().getYellow()));
		statuses.put(PhoneInfo.QualityRating.RED, status(properties.getQualityRating().getRed()));
		return statuses;
	}

	private static Status status(String code) {
		return new Status(code.trim().toUpperCase(Locale.ROOT));
	}

}
