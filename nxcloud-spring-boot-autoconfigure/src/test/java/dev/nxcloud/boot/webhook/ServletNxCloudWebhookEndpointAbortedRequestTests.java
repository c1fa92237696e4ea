package dev.nxcloud.boot.webhook;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;

import ch.qos.logback.classic.Level;
import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudWebhookAutoConfiguration;
import dev.nxcloud.whatsapp.testsupport.LogCapture;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A body that ends before its declared length: the servlet container's stream fails while it is read.
 */
class ServletNxCloudWebhookEndpointAbortedRequestTests {

	@Test
	void aBodyCutShortIsOneDebugLineAndNoAnswer() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
			.withUserConfiguration(ReactiveNxCloudWebhookEndpointAbortedRequestTests.Listener.class)
			.withBean(org.springframework.web.servlet.config.annotation.DelegatingWebMvcConfiguration.class)
			.withPropertyValues("nxcloud.webhook.enabled=true")
			.run((context) -> {
				try (LogCapture everything = LogCapture.everything();
						LogCapture endpoint = LogCapture.of(ServletNxCloudWebhookEndpoint.class)) {
					MvcResult result = MockMvcBuilders.webAppContextSetup(context)
						.build()
						.perform(post("/nxcloud/webhook").header("Content-Length", "1000")
							.with((request) -> new MockHttpServletRequest(request.getServletContext(), "POST",
									"/nxcloud/webhook") {
								@Override
								public ServletInputStream getInputStream() {
									return new CutShort();
								}
							}))
						.andReturn();
					assertThat(result.getResponse().isCommitted()).isFalse();
					assertThat(result.getResponse().getContentAsByteArray()).isEmpty();
					assertThat(endpoint.lines()).singleElement().asString().startsWith("DEBUG Ignored an incomplete");
					assertThat(everything.events()).noneMatch((event) -> event.getLevel().isGreaterOrEqual(Level.WARN));
					assertThat(context.getBean(ReactiveNxCloudWebhookEndpointAbortedRequestTests.Listener.class).events)
						.isEmpty();
				}
			});
	}

	/** Five bytes, then the connection is gone. */
	private static final class CutShort extends ServletInputStream {

		private final ByteArrayInputStream bytes = new ByteArrayInputStream("{\"sta".getBytes());

		@Override
		public int read() throws IOException {
			int next = this.bytes.read();
			if (next < 0) {
				throw new EOFException("Unexpected EOF read on the socket");
			}
			return next;
		}

		@Override
		public boolean isFinished() {
			return false;
		}

		@Override
		public boolean isReady() {
			return true;
		}

		@Override
		public void setReadListener(ReadListener listener) {
			throw new UnsupportedOperationException();
		}

	}

}
