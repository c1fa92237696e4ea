package dev.nxcloud.boot.autoconfigure;

import java.time.Duration;

import dev.nxcloud.boot.redis.LocalRedis;
import dev.nxcloud.boot.redis.RedisSendRateLimiter;
import dev.nxcloud.boot.redis.RedisWebhookDeliveryStore;
import dev.nxcloud.whatsapp.InMemorySendRateLimiter;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.webhook.InMemoryWebhookDeliveryStore;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Choosing where the limiter and the delivery store keep their state: memory by default, Redis through the
 * application's Spring Data Redis connection when asked, and a start-up failure that says what to add when Redis is
 * asked for and cannot be had.
 */
class NxCloudRedisAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(NxCloudAutoConfiguration.class,
			NxCloudWebhookAutoConfiguration.class, NxCloudRedisAutoConfiguration.class, DataRedisAutoConfiguration.class,
			DataRedisReactiveAutoConfiguration.class);

	private static final String PACED = "nxcloud.rate-limit.messages-per-second=80";

	private static final Duration LONG_WAIT = Duration.ofHours(1);

	private static final String REDIS_RATE_LIMIT = "nxcloud.rate-limit.store=redis";

	private static final String[] REDIS_WEBHOOK = { "nxcloud.webhook.enabled=true",
			"nxcloud.webhook.deduplication.store=redis" };

	private static final FilteredClassLoader WITHOUT_SPRING_DATA_REDIS = new FilteredClassLoader(
			"org.springframework.data.redis");

	private static final FilteredClassLoader WITHOUT_LETTUCE = new FilteredClassLoader("io.lettuce");

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CONFIGURATIONS);

	private final ReactiveWebApplicationContextRunner webRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS);

	@Test
	void memoryByDefault() {
		this.runner.withPropertyValues(PACED)
			.run((context) -> assertThat(context).getBean(NxCloudSendRateLimiter.class)
				.isInstanceOf(InMemorySendRateLimiter.class));
		this.webRunner.withPropertyValues("nxcloud.webhook.enabled=true")
			.run((context) -> assertThat(context).getBean(WebhookDeliveryStore.class)
				.isInstanceOf(InMemoryWebhookDeliveryStore.class));
	}

	@Test
	void redisWhenAskedForOverTheApplicationsConnection() {
		this.runner.withPropertyValues(PACED, REDIS_RATE_LIMIT).run((context) -> {
			assertThat(context).hasSingleBean(NxCloudSendRateLimiter.class)
				.getBean(NxCloudSendRateLimiter.class)
				.isInstanceOf(RedisSendRateLimiter.class);
		});
		this.webRunner.withPropertyValues(REDIS_WEBHOOK).run((context) -> {
			assertThat(context).hasSingleBean(WebhookDeliveryStore.class)
				.getBean(WebhookDeliveryStore.class)
				.isInstanceOf(RedisWebhookDeliveryStore.class);
		});
	}

	@Test
	void redisStoresAreOnlyMadeWhereTheyAreUsed() {
		this.runner.withPropertyValues(REDIS_RATE_LIMIT)
			.run((context) -> assertThat(context).doesNotHaveBean(NxCloudSendRateLimiter.class));
		this.runner.withPropertyValues(REDIS_WEBHOOK)
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookDeliveryStore.class));
		this.webRunner.withPropertyValues("nxcloud.webhook.deduplication.store=redis")
			.run((context) -> assertThat(context).doesNotHaveBean(WebhookDeliveryStore.class));
	}

	@Test
	void beansOfTheApplicationWin() {
		NxCloudSendRateLimiter own = (phone, maxWait) -> Mono.just(true);
		this.runner.withPropertyValues(PACED, REDIS_RATE_LIMIT)
			.withBean(NxCloudSendRateLimiter.class, () -> own)
			.run((context) -> assertThat(context).getBean(NxCloudSendRateLimiter.class).isSameAs(own));
	}

	@Test
	void redisWithoutSpringDataRedisStopsStartUpSayingWhatToAdd() {
		this.runner.withClassLoader(WITHOUT_SPRING_DATA_REDIS).withPropertyValues(PACED, REDIS_RATE_LIMIT)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(RedisStoreUnavailableException.class)
					.hasMessage("'nxcloud.rate-limit.store' is 'redis', but Spring Data Redis is not on the classpath: "
							+ "add 'spring-boot-starter-data-redis' to the application, or set "
							+ "'nxcloud.rate-limit.store=memory'");
				FailureAnalysis analysis = new RedisStoreUnavailableFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.isEqualTo("'nxcloud.rate-limit.store' is 'redis', but Spring Data Redis is not on the classpath.");
				assertThat(analysis.getAction()).startsWith(
						"Add org.springframework.boot:spring-boot-starter-data-redis to the application: it brings "
								+ "Spring Data Redis and Lettuce, and connects to the Redis that 'spring.data.redis.*' names.")
					.endsWith("Or set 'nxcloud.rate-limit.store=memory' to keep the state in each instance.");
			});
		this.webRunner.withClassLoader(WITHOUT_SPRING_DATA_REDIS).withPropertyValues(REDIS_WEBHOOK)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("'nxcloud.webhook.deduplication.store' is 'redis', but Spring Data Redis is "
						+ "not on the classpath"));
	}

	@Test
	void withoutSpringDataRedisTheMemoryStoresStillWork() {
		this.runner.withClassLoader(WITHOUT_SPRING_DATA_REDIS).withPropertyValues(PACED)
			.run((context) -> assertThat(context).getBean(NxCloudSendRateLimiter.class)
				.isInstanceOf(InMemorySendRateLimiter.class));
		this.webRunner.withClassLoader(WITHOUT_SPRING_DATA_REDIS).withPropertyValues("nxcloud.webhook.enabled=true")
			.run((context) -> assertThat(context).getBean(WebhookDeliveryStore.class)
				.isInstanceOf(InMemoryWebhookDeliveryStore.class));
	}

	@Test
	void redisWithSpringDataRedisButNoReactiveConnectionStopsStartUpAskingForLettuce() {
		this.runner.withClassLoader(WITHOUT_LETTUCE).withPropertyValues(PACED, REDIS_RATE_LIMIT).run((context) -> {
			assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(RedisStoreUnavailableException.class)
				.hasMessage("'nxcloud.rate-limit.store' is 'redis', but the application has no reactive Redis "
						+ "connection (no ReactiveRedisConnectionFactory bean): the Redis stores need the reactive "
						+ "connection Spring Boot makes with Lettuce, its default client (Jedis has none): add "
						+ "'io.lettuce:lettuce-core' to the application, or set 'nxcloud.rate-limit.store=memory'");
			FailureAnalysis analysis = new RedisStoreUnavailableFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("'nxcloud.rate-limit.store' is 'redis', but the "
					+ "application has no reactive Redis connection (no ReactiveRedisConnectionFactory bean).");
			assertThat(analysis.getAction())
				.startsWith("Spring Data Redis is on the classpath, but the Redis stores need a reactive connection, "
						+ "and Spring Boot makes one only with Lettuce, its default client (Jedis has no reactive "
						+ "support). Add io.lettuce:lettuce-core to the application")
				.doesNotContain("Add org.springframework.boot:spring-boot-starter-data-redis")
				.endsWith("Or set 'nxcloud.rate-limit.store=memory' to keep the state in each instance.");
		});
		this.webRunner.withClassLoader(WITHOUT_LETTUCE).withPropertyValues(REDIS_WEBHOOK)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("'nxcloud.webhook.deduplication.store' is 'redis', but the application has no "
						+ "reactive Redis connection")
				.hasMessageContaining("Lettuce"));
	}

	@Test
	void invalidRatesStopStartUpNamingTheProperty() {
		assertInvalid("nxcloud.rate-limit.burst", "Must be at least 1", PACED, "nxcloud.rate-limit.burst=0");
		assertInvalid("nxcloud.rate-limit.messages-per-second", "Must be a positive number of sends per second",
				"nxcloud.rate-limit.messages-per-second=0");
		assertInvalid("nxcloud.rate-limit.phones.15550000001.messages-per-second",
				"Must be a positive number of sends per second",
				"nxcloud.rate-limit.phones.15550000001.messages-per-second=-20");
		assertInvalid("nxcloud.rate-limit.phones.15550000001.messages-per-second",
				"Required when 'nxcloud.rate-limit.messages-per-second' is not set",
				"nxcloud.rate-limit.phones.15550000001.burst=5");
		assertInvalid("nxcloud.rate-limit.phones.15550000001.burst", "Must be at least 1", PACED,
				"nxcloud.rate-limit.phones.15550000001.burst=0", REDIS_RATE_LIMIT);
		assertInvalid("nxcloud.rate-limit.max-wait", "Must be positive", PACED, "nxcloud.rate-limit.max-wait=0s");
		assertInvalid("nxcloud.rate-limit.per-recipient-interval", "Must be positive",
				"nxcloud.rate-limit.per-recipient-interval=0s");
	}

	@Test
	void aPhoneKeyThatIsNotDigitsOnlyStopsStartUpNamingTheKey() {
		assertInvalidPhoneKey("+15550000001", "must be digits with the country code and no '+'",
				"nxcloud.rate-limit.phones[+15550000001].messages-per-second=5");
		assertInvalidPhoneKey("1555 000 0001", "must be 7 to 15 digits including the country code", PACED,
				"nxcloud.rate-limit.phones[1555 000 0001].burst=5");
	}

	private void assertInvalidPhoneKey(String key, String rule, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
				assertThat(ex.getName()).isEqualTo("nxcloud.rate-limit.phones");
				assertThat(ex.getValue()).isEqualTo(key);
				assertThat(ex).hasMessageContaining("nxcloud.rate-limit.phones")
					.hasMessageContaining("'" + key + "'")
					.hasMessageContaining(rule);
			}));
	}

	private void assertInvalid(String property, String reason, String... properties) {
		this.runner.withPropertyValues(properties).run((context) -> assertThat(context).getFailure()
			.rootCause()
			.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class, (ex) -> {
				assertThat(ex.getName()).isEqualTo(property);
				assertThat(ex.getReason()).isEqualTo(reason);
			}));
	}

	@Test
	void aRateForOnePhoneAlonePacesThatPhoneAlone() {
		this.runner.withPropertyValues("nxcloud.rate-limit.phones.15550000001.messages-per-second=1")
			.run((context) -> {
				NxCloudSendRateLimiter limiter = context.getBean(NxCloudSendRateLimiter.class);
				StepVerifier.withVirtualTime(() -> Flux.just("15550000002", "15550000002", "15550000001", "15550000001")
					.concatMap((phone) -> limiter.acquire(phone, LONG_WAIT).thenReturn(phone)))
					.expectNext("15550000002", "15550000002", "15550000001")
					.expectNoEvent(Duration.ofMillis(999))
					.thenAwait(Duration.ofMillis(1))
					.expectNext("15550000001")
					.verifyComplete();
			});
	}

	@Test
	@EnabledIf("dev.nxcloud.boot.redis.LocalRedis#availableOrRequired")
	void theRedisBucketsTakeTheirRateAndBurstFromTheProperties() {
		String phone = LocalRedis.uniquePhone();
		String fast = LocalRedis.uniquePhone();
		this.runner
			.withPropertyValues(REDIS_RATE_LIMIT, "spring.data.redis.port=" + LocalRedis.port(),
					"spring.data.redis.host=127.0.0.1", "nxcloud.rate-limit.messages-per-second=0.001",
					"nxcloud.rate-limit.burst=3", "nxcloud.rate-limit.phones." + fast + ".burst=10")
			.run((context) -> {
				NxCloudSendRateLimiter limiter = context.getBean(NxCloudSendRateLimiter.class);
				Flux.concat(limiter.acquire(phone, LONG_WAIT), limiter.acquire(phone, LONG_WAIT), limiter.acquire(fast, LONG_WAIT)).blockLast(
						Duration.ofSeconds(10));
				ReactiveStringRedisTemplate redis = context.getBean(ReactiveStringRedisTemplate.class);
				// one token refills in 1000 s: what the two sends took is still missing
				assertThat(tokens(redis, phone)).isCloseTo(1, offset(0.01));
				assertThat(tokens(redis, fast)).isCloseTo(9, offset(0.01));
			});
	}

	private static double tokens(ReactiveStringRedisTemplate redis, String phone) {
		Object tokens = redis.opsForHash().get(RedisSendRateLimiter.KEY_PREFIX + phone, "tokens").block();
		return Double.parseDouble((String) tokens);
	}

}
