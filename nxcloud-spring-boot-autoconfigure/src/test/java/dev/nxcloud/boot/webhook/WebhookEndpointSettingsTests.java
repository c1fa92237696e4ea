package dev.nxcloud.boot.webhook;

import java.time.Duration;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudWebhookAutoConfiguration;
import dev.nxcloud.whatsapp.webhook.InMemoryWebhookDeliveryStore;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookDecoder;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvents;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The endpoint's settings are checked before it is mapped: a body limit out of range fails start-up naming the
 * property, and the endpoints refuse what they cannot work with.
 */
class WebhookEndpointSettingsTests {

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
		.withUserConfiguration(WebhookHostileCorpusTests.WebFlux.class)
		.withPropertyValues("nxcloud.webhook.enabled=true");

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
		.withUserConfiguration(WebhookHostileCorpusTests.WebMvc.class)
		.withPropertyValues("nxcloud.webhook.enabled=true");

	@Test
	void aBodyLimitOutOfRangeFailsStartUpNamingThePropertyAndItsRange() {
		// 2GB once wrapped to a negative int, 4GB to zero
		for (String size : new String[] { "2GB", "4GB", "1025MB", "0B", "-1B" }) {
			assertStartUpFails(this.reactive, size);
			assertStartUpFails(this.servlet, size);
		}
	}

	@Test
	void theLargestBodyLimitInRangeStartsUp() {
		this.reactive.withPropertyValues("nxcloud.webhook.max-body-size=1GB")
			.run((context) -> assertThat(context).hasNotFailed().hasBean("nxCloudWebhookRouterFunction"));
		this.servlet.withPropertyValues("nxcloud.webhook.max-body-size=1B")
			.run((context) -> assertThat(context).hasNotFailed().hasBean("nxCloudWebhookRouterFunction"));
	}

	private static void assertStartUpFails(AbstractApplicationContextRunner<?, ?, ?> runner, String size) {
		runner.withPropertyValues("nxcloud.webhook.max-body-size=" + size)
			.run((context) -> assertThat(context).getFailure()
				.as(size)
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("nxcloud.webhook.max-body-size")
				.hasMessageContaining("it must be between 1B and 1GB"));
	}

	@Test
	void withoutMicrometerOrAMeterRegistryTheEndpointStillRefusesAndNothingIsCounted() {
		this.reactive.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(NxCloudWebhookHandler.class)
				.doesNotHaveBean("nxCloudWebhookRefusalCounter"));
		this.reactive.withPropertyValues("nxcloud.webhook.verify-signature=true").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MeterRegistry.class);
			WebTestClient.bindToApplicationContext(context)
				.build()
				.post()
				.uri("/nxcloud/webhook")
				.bodyValue("{}")
				.exchange()
				.expectStatus()
				.isUnauthorized();
		});
	}

	@Test
	void theEndpointsRefuseNullCollaboratorsAndABodyLimitAnArrayCannotHold() {
		NxCloudWebhookHandler handler = new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), null, (event) -> {
		}, new NxCloudWebhookEvents(), new InMemoryWebhookDeliveryStore(10, java.time.Clock.systemUTC()),
				Duration.ofMinutes(5), Duration.ofDays(7));
		assertThatIllegalArgumentException().isThrownBy(() -> new ServletNxCloudWebhookEndpoint(null, 1))
			.withMessage("handler must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServletNxCloudWebhookEndpoint(handler, Integer.MAX_VALUE))
			.withMessage("maxBodySize must be between 1 and 2147483646 (got 2147483647)");
		assertThatIllegalArgumentException().isThrownBy(() -> new ServletNxCloudWebhookEndpoint(handler, 0))
			.withMessage("maxBodySize must be between 1 and 2147483646 (got 0)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReactiveNxCloudWebhookEndpoint(handler, null, 1))
			.withMessage("scheduler must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ReactiveNxCloudWebhookEndpoint(handler, Schedulers.immediate(), -1))
			.withMessage("maxBodySize must be between 1 and 2147483646 (got -1)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ServletNxCloudWebhookEndpoint(handler, 1).routerFunction(""))
			.withMessage("path must not be empty");
		assertThat(new ServletNxCloudWebhookEndpoint(handler, Integer.MAX_VALUE - 1).routerFunction("/hook"))
			.isNotNull();
	}

}
