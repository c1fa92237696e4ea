package dev.nxcloud.boot.fleet;

import java.time.Duration;
import java.util.List;

import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * NxCloud's status callbacks, as the simulator sends them, delivered to an instance's webhook endpoint.
 */
final class Callbacks {

	static final String PATH = "/nxcloud/webhook";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String[] SIGNATURE_HEADERS = { "accesskey", "action", "biztype", "ts", "sign" };

	private Callbacks() {
	}

	/**
	 * A message is sent to the simulator with a {@code dr_webhook} here, and the simulator posts its signed statuses
	 * (sent, delivered, read), which a test can then deliver to instances, as NxCloud would, again and again.
	 * @param simulator the simulator
	 * @return the callbacks in the order they came
	 */
	static List<RecordingServer.Recorded> fromNxCloud(NxCloudSimulator simulator) {
		DemoAccount demo = simulator.demoAccount();
		try (RecordingServer hook = new RecordingServer()) {
			TestClients.builder(simulator.baseUrl())
				.connection(TestClients.connection(simulator.baseUrl(), demo.accessKey(), demo.accessSecret()))
				.appKey(demo.appKey())
				.businessPhone(demo.businessPhone())
				.build()
				.messages()
				.send(Message.text("8613800000000", "hello fleet").withDrWebhook(hook.baseUrl() + PATH))
				.block(TIMEOUT);
			await().atMost(TIMEOUT).until(() -> hook.requests().size() == 3);
			return hook.requests();
		}
	}

	/**
	 * The id of the message a callback reports on.
	 * @param callback the callback
	 * @return the message id
	 */
	static String messageId(RecordingServer.Recorded callback) {
		String body = callback.bodyText();
		int start = body.indexOf("\"id\":\"") + 6;
		return body.substring(start, body.indexOf('"', start));
	}

	/**
	 * Deliver a callback to an instance, WebFlux or Spring MVC, with NxCloud's signature headers.
	 * @param instance the instance
	 * @param callback the callback
	 * @return the status the instance answered with
	 */
	static int deliver(ApplicationContext instance, RecordingServer.Recorded callback) {
		HttpHeaders headers = new HttpHeaders();
		for (String name : SIGNATURE_HEADERS) {
			headers.set(name, callback.header(name));
		}
		if (instance instanceof WebApplicationContext servlet) {
			try {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(servlet).build();
				return mvc
					.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).headers(headers).content(callback.body()))
					.andReturn()
					.getResponse()
					.getStatus();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}
		return WebTestClient.bindToApplicationContext(instance)
			.build()
			.post()
			.uri(PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((h) -> h.addAll(headers))
			.bodyValue(callback.body())
			.exchange()
			.returnResult(Void.class)
			.getStatus()
			.value();
	}

}
