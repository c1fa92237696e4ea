package dev.nxcloud.benchmarks.load;

import java.util.Map;

import dev.nxcloud.benchmarks.BenchmarkRequests;
import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.whatsapp.bulk.NxCloudBulkSender;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.otp.NxCloudOtpService;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import reactor.core.publisher.Mono;

import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The starter as an application gets it: the auto-configured {@link NxCloudMessageService} bean, sending the template
 * message. The only bean the application adds is a {@link ReactorResourceFactory} whose connection pool is as large
 * as the benchmark's concurrency, the same pool the bare client gets.
 */
public final class StarterClient implements AutoCloseable {

	private final AnnotationConfigApplicationContext context;

	private final NxCloudMessageService messages;

	private final TemplateMessage message = BenchmarkRequests.templateMessage();

	/**
	 * Start an application context against a simulator.
	 * @param baseUrl the simulator's base URL
	 * @param maxConnections the size of the connection pool; 0 or less for Spring Boot's defaults (no
	 * {@link ReactorResourceFactory} bean of the application's own)
	 */
	public StarterClient(String baseUrl, int maxConnections) {
		this.context = new AnnotationConfigApplicationContext();
		Map<String, Object> properties = BenchmarkRequests.starterProperties(baseUrl);
		properties.put("nxcloud.response-timeout", "30s");
		this.context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("benchmark", properties));
		if (maxConnections > 0) {
			this.context.registerBean(ReactorResourceFactory.class, () -> resourceFactory(maxConnections));
		}
		this.context.register(HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, NxCloudAutoConfiguration.class);
		this.context.refresh();
		this.messages = this.context.getBean(NxCloudMessageService.class);
	}

	private static ReactorResourceFactory resourceFactory(int maxConnections) {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.setConnectionProvider(BareReactorNettyClient.connectionProvider("starter", maxConnections));
		return factory;
	}

	/**
	 * Send the template message once.
	 * @return {@code true} when NxCloud answered with a message id
	 */
	public Mono<Boolean> send() {
		return this.messages.sendTemplate(this.message).map((sent) -> sent.messageId() != null);
	}

	/**
	 * A bulk sender over the auto-configured services.
	 * @param concurrency the most sends in flight
	 * @return the bulk sender
	 */
	public NxCloudBulkSender bulkSender(int concurrency) {
		return new NxCloudBulkSender(this.messages, this.context.getBean(NxCloudOtpService.class), concurrency);
	}

	/**
	 * The auto-configured message service.
	 * @return the service bean
	 */
	public NxCloudMessageService messages() {
		return this.messages;
	}

	@Override
	public void close() {
		this.context.close();
	}

}
