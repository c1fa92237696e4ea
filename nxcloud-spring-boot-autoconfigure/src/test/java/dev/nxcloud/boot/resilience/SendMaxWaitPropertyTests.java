package dev.nxcloud.boot.resilience;

import java.time.Duration;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.whatsapp.error.NxCloudRateLimitExceededException;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nxcloud.rate-limit.max-wait} bounds how long a send waits for its phone's slot: one whose slot is further
 * away fails at once, nothing sent, with a message naming the property.
 */
class SendMaxWaitPropertyTests {

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start();

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void aSendWhoseSlotIsFurtherThanMaxWaitFailsAtOnceNamingTheProperty() {
		DemoAccount demo = this.simulator.demoAccount();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					NxCloudAutoConfiguration.class))
			.withPropertyValues("nxcloud.api-url=" + this.simulator.baseUrl(),
					"nxcloud.saas-url=" + this.simulator.baseUrl(), "nxcloud.access-key=" + demo.accessKey(),
					"nxcloud.access-secret=" + demo.accessSecret(), "nxcloud.app-key=" + demo.appKey(),
					"nxcloud.business-phone=" + demo.businessPhone(),
					// one send every 1,000 s: the second's slot is far beyond the longest wait
					"nxcloud.rate-limit.messages-per-second=0.001", "nxcloud.rate-limit.max-wait=5s")
			.run((context) -> {
				NxCloudMessageService messages = context.getBean(NxCloudMessageService.class);
				messages.send(Message.text("8613800000001", "first")).block(Duration.ofSeconds(10));
				StepVerifier.create(messages.send(Message.text("8613800000002", "second")))
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudRateLimitExceededException.class)
						.hasMessageContaining("'nxcloud.rate-limit.max-wait' (PT5S)")
						.hasMessageContaining("nothing was sent"))
					.verify(Duration.ofSeconds(10));
			});
		assertThat(this.simulator.requests()).hasSize(1);
	}

}
