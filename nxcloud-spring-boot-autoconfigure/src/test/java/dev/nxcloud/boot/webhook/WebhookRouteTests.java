package dev.nxcloud.boot.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudWebhookAutoConfiguration;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The endpoint owns its path, as the README says: both stacks ask router functions before annotated controllers, so a
 * controller method of the application's own on the webhook's path is never reached, whatever its HTTP method.
 */
class WebhookRouteTests {

	@Test
	void inWebFluxTheEndpointAnswersEveryMethodOnItsPathBeforeAnyController() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
			.withUserConfiguration(WebFlux.class, Own.class, Listener.class)
			.withPropertyValues("nxcloud.webhook.enabled=true")
			.run((context) -> {
				WebTestClient client = WebTestClient.bindToApplicationContext(context).build();
				client.get().uri("/nxcloud/webhook").exchange().expectStatus().isEqualTo(405).expectHeader()
					.valueEquals("Allow", "POST");
				client.post()
					.uri("/nxcloud/webhook")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue("{}")
					.exchange()
					.expectStatus()
					.isOk();
				client.get().uri("/elsewhere").exchange().expectStatus().isOk().expectBody(String.class).isEqualTo("own");
				assertThat(context.getBean(Listener.class).events).hasSize(1);
			});
	}

	@Test
	void inSpringMvcTooTheEndpointAnswersEveryMethodOnItsPathBeforeAnyController() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
			.withUserConfiguration(WebMvc.class, Own.class, Listener.class)
			.withPropertyValues("nxcloud.webhook.enabled=true")
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				mvc.perform(get("/nxcloud/webhook")).andExpect(status().is(405)).andExpect(header().string("Allow", "POST"));
				mvc.perform(post("/nxcloud/webhook").content("{}")).andExpect(status().isOk());
				mvc.perform(get("/elsewhere")).andExpect(status().isOk()).andExpect(content().string("own"));
				assertThat(context.getBean(Listener.class).events).hasSize(1);
			});
	}

	@RestController
	static class Own {

		@GetMapping({ "/nxcloud/webhook", "/elsewhere" })
		String get() {
			return "own";
		}

	}

	static class Listener {

		final List<NxCloudWebhookEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(NxCloudWebhookEvent event) {
			this.events.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	static class WebFlux {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	static class WebMvc {

	}

}
