package dev.nxcloud.boot.fleet;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudRedisAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudWebhookAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.health.NxCloudHealthContributorAutoConfiguration;
import dev.nxcloud.boot.redis.LocalRedis;
import dev.nxcloud.boot.redis.RedisLink;
import dev.nxcloud.boot.redis.RedisSendRateLimiter;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.error.NxCloudRateLimitUnavailableException;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableReactiveWebApplicationContext;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.InstanceOfAssertFactories.map;
import static org.awaitility.Awaitility.await;

/**
 * Redis goes away in the middle of a run of two instances, and comes back: while it is away, sends fail before
 * anything is sent (none unpaced, none lost: the caller knows and may send again) and callbacks are answered 503
 * without being handed over (NxCloud delivers them again), and the {@code nxcloud} health is DOWN; once it is back,
 * both work again and the redelivery is handled once.
 */
@EnabledIf("dev.nxcloud.boot.redis.LocalRedis#availableOrRequired")
class FleetRedisOutageTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start();

	private final DemoAccount demo = this.simulator.demoAccount();

	private final RedisLink redis = new RedisLink(LocalRedis.port());

	private final List<String> handed = new CopyOnWriteArrayList<>();

	private final AtomicInteger instances = new AtomicInteger();

	private final ReactiveWebApplicationContextRunner instance = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, NxCloudRedisAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, NxCloudHealthContributorAutoConfiguration.class))
		.withUserConfiguration(FleetWebhookTests.WebFlux.class)
		.withPropertyValues("nxcloud.api-url=" + this.simulator.baseUrl(),
				"nxcloud.saas-url=" + this.simulator.baseUrl(), "nxcloud.access-key=" + this.demo.accessKey(),
				"nxcloud.access-secret=" + this.demo.accessSecret(), "nxcloud.app-key=" + this.demo.appKey(),
				"nxcloud.business-phone=" + this.demo.businessPhone(), "nxcloud.retry.enabled=false",
				"nxcloud.rate-limit.store=redis", "nxcloud.rate-limit.messages-per-second=1000",
				"nxcloud.rate-limit.burst=1000", "nxcloud.webhook.enabled=true",
				"nxcloud.webhook.verify-signature=true", "nxcloud.webhook.deduplication.store=redis",
				"management.health.nxcloud.time-to-live=0s", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + this.redis.port(), "spring.data.redis.timeout=500ms")
		.withBean(FleetWebhookTests.Listener.class,
				() -> new FleetWebhookTests.Listener("instance-" + this.instances.incrementAndGet(), this.handed));

	@AfterEach
	void close() {
		this.redis.close();
		this.simulator.close();
	}

	@Test
	void whileRedisIsAwaySendsFailUnsentAndCallbacksAreAnswered503ThenBothWorkAgain() {
		List<RecordingServer.Recorded> callbacks = Callbacks.fromNxCloud(this.simulator);
		Fleet.run(this.instance, 2, (fleet) -> {
			AssertableReactiveWebApplicationContext a = fleet.get(0);
			AssertableReactiveWebApplicationContext b = fleet.get(1);
			assertThat(a).getBean(NxCloudSendRateLimiter.class).isInstanceOf(RedisSendRateLimiter.class);
			assertThat(send(a).block(TIMEOUT)).isEqualTo("sent");
			assertThat(Callbacks.deliver(a, callbacks.get(0))).isEqualTo(200);
			assertThat(health(a).getStatus()).isEqualTo(Status.UP);
			int accepted = this.simulator.messages().size();

			this.redis.cut();
			for (AssertableReactiveWebApplicationContext instance : fleet) {
				assertThatExceptionOfType(NxCloudRateLimitUnavailableException.class)
					.isThrownBy(() -> send(instance).block(TIMEOUT))
					.satisfies((ex) -> assertThat(ex.mayHaveReachedNxCloud()).isFalse())
					.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
			}
			assertThat(this.simulator.messages()).as("nothing sent unpaced").hasSize(accepted);
			assertThat(Callbacks.deliver(b, callbacks.get(1))).isEqualTo(503);
			assertThat(this.handed).as("nothing handed over unchecked").hasSize(1);
			Health down = health(b);
			assertThat(down.getStatus()).isEqualTo(Status.DOWN);
			assertThat(down.getDetails()).containsEntry("reason",
					"the rate-limit store (redis) cannot be reached; "
							+ "the webhook-deduplication store (redis) cannot be reached");
			assertThat(down.getDetails().get("stores")).asInstanceOf(
					map(String.class, Object.class))
				.hasEntrySatisfying("rate-limit",
						(store) -> assertThat(store).asInstanceOf(
								map(String.class, Object.class))
							.containsEntry("type", "redis")
							.containsEntry("reachable", false));

			this.redis.restore();
			await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> send(a).onErrorResume(
					NxCloudRateLimitUnavailableException.class, (ex) -> Mono.just("not sent")).block(TIMEOUT)
				.equals("sent"));
			assertThat(send(b).block(TIMEOUT)).isEqualTo("sent");
			assertThat(this.simulator.messages()).as("only the sends that got their slot").hasSize(accepted + 2);
			assertThat(Callbacks.deliver(a, callbacks.get(1))).isEqualTo(200);
			assertThat(Callbacks.deliver(b, callbacks.get(1))).isEqualTo(200);
			assertThat(Callbacks.deliver(b, callbacks.get(0))).isEqualTo(200);
			assertThat(this.handed).hasSize(2).last().asString().startsWith("instance-1 ").endsWith(":delivered");
			assertThat(health(b).getStatus()).isEqualTo(Status.UP);
		});
	}

	private static Mono<String> send(AssertableReactiveWebApplicationContext instance) {
		return instance.getBean(NxCloudMessageService.class)
			.send(Message.text("8613800000000", "during the outage"))
			.thenReturn("sent");
	}

	private static Health health(AssertableReactiveWebApplicationContext instance) {
		return instance.getBean("nxcloudHealthContributor", ReactiveHealthIndicator.class).health().block(TIMEOUT);
	}

}
