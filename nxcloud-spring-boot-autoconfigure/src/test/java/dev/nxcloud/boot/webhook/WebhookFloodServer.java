package dev.nxcloud.boot.webhook;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudWebhookAutoConfiguration;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvent;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.reactive.config.EnableWebFlux;

/**
 * The starter's WebFlux webhook endpoint, as an application with the default settings runs it (signature checking
 * off, the in-memory delivery store, the 1 MB body limit), on a Reactor Netty server on a random loopback port, in a
 * JVM of its own that {@link WebhookFloodTests} starts with a small heap. It prints {@code PORT <port>} once it
 * listens, then answers each line on its standard input: {@code report} prints {@code HEAP <bytes used after a full
 * GC> EVENTS <events handed over>}, {@code exit} stops it.
 */
public final class WebhookFloodServer {

	private WebhookFloodServer() {
	}

	public static void main(String[] args) {
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
			.withUserConfiguration(WebFlux.class, Counter.class)
			.withPropertyValues("nxcloud.webhook.enabled=true")
			.run((context) -> {
				ReactorNettyServer server = ReactorNettyServer.start(context);
				System.out.println("PORT " + server.port());
				BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
				for (String command = commands.readLine(); command != null && !command.equals("exit"); command = commands
					.readLine()) {
					System.gc();
					System.out.println("HEAP " + ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
							+ " EVENTS " + context.getBean(Counter.class).events.get());
				}
				server.close();
			});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	static class WebFlux {

	}

	static class Counter {

		final AtomicLong events = new AtomicLong();

		@EventListener
		void on(NxCloudWebhookEvent event) {
			this.events.incrementAndGet();
		}

	}

}
