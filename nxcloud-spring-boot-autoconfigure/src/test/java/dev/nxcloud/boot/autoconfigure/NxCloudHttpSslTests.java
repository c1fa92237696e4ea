package dev.nxcloud.boot.autoconfigure;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.SSLHandshakeException;

import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.Endpoint;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.whatsapp.error.NxCloudTlsHandshakeException;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nxcloud.http.ssl.bundle} against the simulator serving HTTPS with a self-signed certificate for
 * {@code localhost} and {@code 127.0.0.1} ({@code src/test/resources/tls}).
 */
class NxCloudHttpSslTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final NxCloudSimulator simulator = NxCloudSimulator.builder()
		.port(0)
		.tls(fixture("tls/simulator-cert.pem"), fixture("tls/simulator-key.pem"))
		.build()
		.start();

	private final DemoAccount demo = this.simulator.demoAccount();

	private final ApplicationContextRunner runner = NxCloudHttpContextRunners.connectedTo(this.simulator)
		.withPropertyValues("spring.ssl.bundle.pem.simulator.truststore.certificate=classpath:tls/simulator-cert.pem");

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@ParameterizedTest(name = "{0} connector")
	@ValueSource(strings = { "reactor", "jdk" })
	void theBundleTrustsTheSimulatorForNxCloudCallsOnly(String connector) {
		assertThat(this.simulator.baseUrl()).startsWith("https://127.0.0.1:");
		this.runner
			.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
					"nxcloud.http.ssl.bundle=simulator")
			.run((context) -> {
				StepVerifier.create(context.getBean(NxCloudPhoneService.class).getPhones())
					.assertNext((phones) -> assertThat(phones.get(this.demo.businessPhone())).isPresent())
					.expectComplete()
					.verify(TIMEOUT);
				assertThat(this.simulator.requests(Endpoint.GET_PHONE)).singleElement().satisfies((request) -> {
					assertThat(request.header("sign")).isNotBlank();
					assertThat(request.code()).isZero();
				});
				StepVerifier
					.create(context.getBean(WebClient.Builder.class)
						.build()
						.post()
						.uri(this.simulator.baseUrl() + "/api/wa/getPhone")
						.retrieve()
						.bodyToMono(String.class))
					.expectErrorSatisfies((ex) -> assertThat(causes(ex)).first().isInstanceOf(WebClientRequestException.class))
					.verify(TIMEOUT);
			});
	}

	@ParameterizedTest(name = "{0} connector")
	@ValueSource(strings = { "reactor", "jdk" })
	void withoutTheBundleTheSimulatorIsRefused(String connector) {
		this.runner.withPropertyValues("spring.http.clients.reactive.connector=" + connector).run((context) -> {
			StepVerifier.create(context.getBean(NxCloudPhoneService.class).getPhones())
				.expectErrorSatisfies((ex) -> {
					assertThat(causes(ex)).first().isInstanceOf(NxCloudTlsHandshakeException.class);
					NxCloudTlsHandshakeException refused = (NxCloudTlsHandshakeException) ex;
					assertThat(refused.mayHaveReachedNxCloud()).isFalse();
					assertThat(refused.isRetryable()).isFalse();
				})
				.verify(TIMEOUT);
			assertThat(this.simulator.requests()).isEmpty();
		});
	}

	@Test
	void anUnknownBundleFailsAtStartUpNamingTheProperty() {
		this.runner.withPropertyValues("nxcloud.http.ssl.bundle=nowhere")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("nxcloud.http.ssl.bundle")
				.hasMessageContaining("'nowhere'")
				.hasMessageContaining("[simulator]"));
	}

	// the failure and its causes, asserting that the server's certificate was refused
	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		assertThat(causes).hasAtLeastOneElementOfType(SSLHandshakeException.class);
		return causes;
	}

	private static Path fixture(String name) {
		try {
			return Path.of(Objects.requireNonNull(NxCloudHttpSslTests.class.getClassLoader().getResource(name)).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
