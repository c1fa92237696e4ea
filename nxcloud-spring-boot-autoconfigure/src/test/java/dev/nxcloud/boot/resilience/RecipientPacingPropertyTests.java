package dev.nxcloud.boot.resilience;

import java.time.Duration;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudClientBuilderCustomizer;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.RecordedRequest;
import dev.nxcloud.whatsapp.error.NxCloudMetaException;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.testsupport.VirtualWaits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nxcloud.rate-limit.per-recipient-interval} keeps the application's sends under the simulator's pair rate,
 * with the client's waits and the simulator's clock on one virtual time.
 */
class RecipientPacingPropertyTests {

	private static final String RECIPIENT = "8613800000001";

	private final VirtualWaits waits = new VirtualWaits();

	private final NxCloudSimulator simulator = NxCloudSimulator.builder()
		.port(0)
		.clock(this.waits.clock())
		.pairRate(Duration.ofSeconds(6))
		.build()
		.start();

	@AfterEach
	void close() {
		this.simulator.close();
		this.waits.dispose();
	}

	private ApplicationContextRunner runner() {
		DemoAccount demo = this.simulator.demoAccount();
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					NxCloudAutoConfiguration.class))
			.withBean(NxCloudClientBuilderCustomizer.class,
					() -> (builder) -> builder.scheduler(this.waits).clock(this.waits.clock()))
			.withPropertyValues("nxcloud.api-url=" + this.simulator.baseUrl(),
					"nxcloud.saas-url=" + this.simulator.baseUrl(), "nxcloud.access-key=" + demo.accessKey(),
					"nxcloud.access-secret=" + demo.accessSecret(), "nxcloud.app-key=" + demo.appKey(),
					"nxcloud.business-phone=" + demo.businessPhone(), "nxcloud.retry.enabled=false");
	}

	@Test
	void sendsToOneRecipientWaitForTheirTurn() {
		runner().withPropertyValues("nxcloud.rate-limit.per-recipient-interval=6s").run((context) -> {
			NxCloudMessageService messages = context.getBean(NxCloudMessageService.class);
			StepVerifier.create(Flux.merge(messages.send(Message.text(RECIPIENT, "first")),
					messages.send(Message.text(RECIPIENT, "second"))))
				.expectNextCount(1)
				.then(() -> assertThat(this.waits.waits()).containsExactly(Duration.ofSeconds(6)))
				.then(() -> this.waits.advance(Duration.ofSeconds(6)))
				.expectNextCount(1)
				.expectComplete()
				.verify(Duration.ofSeconds(10));
		});
		assertThat(this.simulator.requests()).extracting(RecordedRequest::code).containsExactly(0, 0);
	}

	@Test
	void withoutThePropertySendsAreNotPacedPerRecipient() {
		runner().run((context) -> {
			NxCloudMessageService messages = context.getBean(NxCloudMessageService.class);
			StepVerifier.create(Flux.concat(messages.send(Message.text(RECIPIENT, "first")),
					messages.send(Message.text(RECIPIENT, "second"))))
				.expectNextCount(1)
				.expectErrorSatisfies((ex) -> assertThat(((NxCloudMetaException) ex).getMetaError().code())
					.isEqualTo(131056))
				.verify(Duration.ofSeconds(10));
		});
		assertThat(this.waits.waits()).isEmpty();
	}

}
