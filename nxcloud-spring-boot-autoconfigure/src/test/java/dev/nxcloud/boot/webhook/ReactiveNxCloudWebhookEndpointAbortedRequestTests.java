package dev.nxcloud.boot.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudWebhookAutoConfiguration;
import dev.nxcloud.whatsapp.testsupport.LogCapture;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.reactive.config.EnableWebFlux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests whose body never arrives whole, sent over a raw socket to a real Reactor Netty server.
 */
class ReactiveNxCloudWebhookEndpointAbortedRequestTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
		.withUserConfiguration(WebFlux.class, Listener.class)
		.withPropertyValues("nxcloud.webhook.enabled=true");

	@Test
	void aBodyCutShortIsOneDebugLineAndNoAnswer() {
		assertAbortedQuietly("Content-Length: 1000\r\n\r\n{\"st");
	}

	@Test
	void aMalformedChunkSizeIsOneDebugLineAndNoAnswer() {
		assertAbortedQuietly("Transfer-Encoding: chunked\r\n\r\n5\r\n{\"st}\r\nzz\r\n");
	}

	private void assertAbortedQuietly(String headersAndBody) {
		this.runner.run((context) -> {
			try (ReactorNettyServer server = ReactorNettyServer.start(context);
					LogCapture everything = LogCapture.everything();
					LogCapture endpoint = LogCapture.of(ReactiveNxCloudWebhookEndpoint.class)) {
				for (int i = 0; i < 3; i++) {
					send(server.port(), "POST /nxcloud/webhook HTTP/1.1\r\nHost: localhost\r\n"
							+ "Content-Type: application/json\r\n" + headersAndBody);
				}
				await().untilAsserted(() -> assertThat(endpoint.lines()).hasSize(3));
				assertThat(endpoint.lines()).allSatisfy((line) -> assertThat(line).startsWith("DEBUG "));
				assertThat(everything.events()).noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.ERROR))
					.noneMatch(ReactiveNxCloudWebhookEndpointAbortedRequestTests::isWarningWithStackTrace);
				assertThat(context.getBean(Listener.class).events).isEmpty();
			}
		});
	}

	private static boolean isWarningWithStackTrace(ILoggingEvent event) {
		return event.getLevel().isGreaterOrEqual(Level.WARN) && event.getThrowableProxy() != null;
	}

	private static void send(int port, String request) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port));
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	static class WebFlux {

	}

	static class Listener {

		final List<Object> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(NxCloudWebhookEvent event) {
			this.events.add(event);
		}

	}

}
