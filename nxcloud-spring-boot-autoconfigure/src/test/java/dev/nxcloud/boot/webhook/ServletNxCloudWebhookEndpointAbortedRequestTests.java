package dev.nxcloud.boot.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudWebhookAutoConfiguration;
import dev.nxcloud.whatsapp.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A body that does not arrive whole, sent over a socket to the Spring MVC endpoint on a real embedded Tomcat: the
 * container's stream fails while it is read.
 */
class ServletNxCloudWebhookEndpointAbortedRequestTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
		.withUserConfiguration(WebMvc.class, ReactiveNxCloudWebhookEndpointAbortedRequestTests.Listener.class)
		.withPropertyValues("nxcloud.webhook.enabled=true");

	@Test
	void aBodyCutShortIsOneDebugLineAndNoEvent() {
		assertAbortedQuietly("Content-Length: 1000\r\n\r\n{\"st");
	}

	@Test
	void aMalformedChunkSizeIsOneDebugLineAndNoEvent() {
		assertAbortedQuietly("Transfer-Encoding: chunked\r\n\r\n5\r\n{\"st}\r\nzz\r\n");
	}

	private void assertAbortedQuietly(String headersAndBody) {
		this.runner.run((context) -> {
			try (TomcatServer server = TomcatServer.start(context);
					LogCapture everything = LogCapture.everything();
					LogCapture endpoint = LogCapture.of(ServletNxCloudWebhookEndpoint.class)) {
				for (int i = 0; i < 3; i++) {
					send(server.port(), "POST /nxcloud/webhook HTTP/1.1\r\nHost: localhost\r\n"
							+ "Content-Type: application/json\r\n" + headersAndBody);
				}
				await().untilAsserted(() -> assertThat(endpoint.lines()).hasSize(3));
				assertThat(endpoint.lines()).allSatisfy((line) -> assertThat(line).startsWith("DEBUG Ignored an "
						+ "incomplete NxCloud webhook request"));
				assertThat(everything.events()).noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
					.noneMatch((event) -> event.getThrowableProxy() != null);
				assertThat(context.getBean(ReactiveNxCloudWebhookEndpointAbortedRequestTests.Listener.class).events)
					.isEmpty();
			}
		});
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
	@EnableWebMvc
	static class WebMvc {

	}

}
