package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.boot.autoconfigure.RedisStoreUnavailableException.Missing;
import dev.nxcloud.boot.redis.RedisSendRateLimiter;
import dev.nxcloud.boot.redis.RedisWebhookDeliveryStore;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * Auto-configuration of the Redis stores a fleet of instances shares: the send rate limiter when
 * {@code nxcloud.rate-limit.store=redis} (and a rate is set), the webhook delivery store when
 * {@code nxcloud.webhook.deduplication.store=redis} (and the webhook endpoint is on). Both use the application's
 * reactive Redis connection, the one Spring Boot configures with Lettuce from {@code spring.data.redis.*}; without
 * Spring Data Redis, or with it but without a reactive connection (Jedis has none), start-up fails with a message
 * saying what to add. The limiter reads the clock, and waits on the
 * scheduler, of the application's {@link NxCloudTime} bean if it has one.
 */
@AutoConfiguration(after = NxCloudAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass(NxCloudClient.class)
@EnableConfigurationProperties(NxCloudProperties.class)
public final class NxCloudRedisAutoConfiguration {

	private static final String RATE_LIMIT_STORE = "nxcloud.rate-limit.store";

	private static final String DEDUPLICATION_STORE = "nxcloud.webhook.deduplication.store";

	private static final String SPRING_DATA_REDIS = "org.springframework.data.redis.core.ReactiveStringRedisTemplate";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ReactiveStringRedisTemplate.class)
	static class RedisStoresConfiguration {

		@Bean
		@ConditionalOnMissingBean(NxCloudSendRateLimiter.class)
		@Conditional(OnSendRatesCondition.class)
		@ConditionalOnProperty(name = RATE_LIMIT_STORE, havingValue = "redis")
		RedisSendRateLimiter nxCloudSendRateLimiter(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
				NxCloudProperties properties, ObjectProvider<NxCloudTime> time) {
			NxCloudTime nxCloudTime = time.getIfUnique(NxCloudTime::system);
			return new RedisSendRateLimiter(redis(connectionFactory, RATE_LIMIT_STORE),
					new SendRates(properties.getRateLimit()), nxCloudTime.clock(), nxCloudTime.scheduler());
		}

		@Bean
		@ConditionalOnMissingBean(WebhookDeliveryStore.class)
		@ConditionalOnWebApplication
		@ConditionalOnBooleanProperty("nxcloud.webhook.enabled")
		@ConditionalOnProperty(name = DEDUPLICATION_STORE, havingValue = "redis")
		RedisWebhookDeliveryStore nxCloudWebhookDeliveryStore(
				ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory) {
			return new RedisWebhookDeliveryStore(redis(connectionFactory, DEDUPLICATION_STORE));
		}

		private static ReactiveStringRedisTemplate redis(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
				String property) {
			return new ReactiveStringRedisTemplate(connectionFactory.getIfAvailable(() -> {
				throw new RedisStoreUnavailableException(property, Missing.REACTIVE_CONNECTION);
			}));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(SPRING_DATA_REDIS)
	static class SpringDataRedisMissingConfiguration {

		@Bean
		@Conditional(OnSendRatesCondition.class)
		@ConditionalOnProperty(name = RATE_LIMIT_STORE, havingValue = "redis")
		InitializingBean nxCloudRateLimitStoreCheck() {
			return () -> {
				throw new RedisStoreUnavailableException(RATE_LIMIT_STORE, Missing.SPRING_DATA_REDIS);
			};
		}

		@Bean
		@ConditionalOnWebApplication
		@ConditionalOnBooleanProperty("nxcloud.webhook.enabled")
		@ConditionalOnProperty(name = DEDUPLICATION_STORE, havingValue = "redis")
		InitializingBean nxCloudWebhookDeduplicationStoreCheck() {
			return () -> {
				throw new RedisStoreUnavailableException(DEDUPLICATION_STORE, Missing.SPRING_DATA_REDIS);
			};
		}

	}

}
