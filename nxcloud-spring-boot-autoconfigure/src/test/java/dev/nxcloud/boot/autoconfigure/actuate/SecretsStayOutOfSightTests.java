package dev.nxcloud.boot.autoconfigure.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.health.NxCloudHealthContributorAutoConfiguration;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.Endpoint;
import dev.nxcloud.simulator.Fault;
import dev.nxcloud.simulator.NxCloudSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives successful and failing calls with DEBUG logging of the client, WebClient and Reactor Netty, then scans
 * everything that could show a secret (captured logs, exception messages, health details, the env and configprops
 * endpoints configured to show values) for the access secret and every signature NxCloud received.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfSightTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final List<String> DEBUG_LOGGERS = List.of("dev.nxcloud",
			"org.springframework.web.reactive.function.client", "reactor.netty");

	private static final String WRONG_SECRET = "wrongSecretValue42";

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start();

	private final DemoAccount demo = this.simulator.demoAccount();

	private final LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());

	@BeforeEach
	void debugLogging() {
		DEBUG_LOGGERS.forEach((logger) -> this.loggingSystem.setLogLevel(logger, LogLevel.DEBUG));
	}

	@AfterEach
	void close() {
		DEBUG_LOGGERS.forEach((logger) -> this.loggingSystem.setLogLevel(logger, null));
		this.simulator.close();
	}

	private ApplicationContextRunner runner(String secret) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					NxCloudAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					NxCloudHealthContributorAutoConfiguration.class, NxCloudSanitizingAutoConfiguration.class,
					EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class))
			.withPropertyValues("nxcloud.retry.enabled=false", "nxcloud.api-url=" + this.simulator.baseUrl(),
					"nxcloud.saas-url=" + this.simulator.baseUrl(), "nxcloud.access-key=" + this.demo.accessKey(),
					"nxcloud.access-secret=" + secret, "nxcloud.app-key=" + this.demo.appKey(),
					"nxcloud.business-phone=" + this.demo.businessPhone(), "nxcloud.response-timeout=500ms",
					"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
					"spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=env,configprops");
	}

	@Test
	void secretAndSignaturesAppearNowhere(CapturedOutput output) {
		List<String> seen = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.noResponse());
		this.simulator.faults().on(Endpoint.MT).next(1).respond(Fault.httpStatus(503));
		runner(this.demo.accessSecret()).run((context) -> {
			NxCloudPhoneService phones = context.getBean(NxCloudPhoneService.class);
			NxCloudMessageService messages = context.getBean(NxCloudMessageService.class);
			seen.add(failureOf(phones.getPhones()));
			seen.add(String.valueOf(phones.getPhones().block(TIMEOUT)));
			seen.add(failureOf(messages.send(Message.text("8613800000000", "hello"))));
			seen.add(String.valueOf(messages.send(Message.text("8613800000000", "hello")).block(TIMEOUT)));
			seen.add(String.valueOf(context.getBean("nxcloudHealthContributor", ReactiveHealthIndicator.class)
				.health()
				.block(TIMEOUT)));
			seen.add(json.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null)));
			seen.add(json.writeValueAsString(
					context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties()));
		});
		runner(WRONG_SECRET).run((context) -> {
			seen.add(failureOf(context.getBean(NxCloudPhoneService.class).getPhones()));
			seen.add(String.valueOf(context.getBean("nxcloudHealthContributor", ReactiveHealthIndicator.class)
				.health()
				.block(TIMEOUT)));
			seen.add(json.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null)));
			seen.add(json.writeValueAsString(
					context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties()));
		});
		List<String> signatures = this.simulator.requests()
			.stream()
			.map((request) -> request.header("sign"))
			.filter(Objects::nonNull)
			.toList();
		assertThat(signatures).hasSizeGreaterThanOrEqualTo(7);
		// what was scanned is what was meant to be scanned
		assertThat(output).contains("NxCloud getPhone POST /api/wa/getPhone code 0")
			.contains("NxCloud getPhone POST /api/wa/getPhone failed")
			.contains("with code 1003")
			.contains("NxCloud sendMessage POST /api/wa/mt failed");
		assertThat(String.join("\n", seen)).contains("NxCloudTimeoutException")
			.contains("NxCloudHttpStatusException")
			.contains("NxCloudAuthenticationException")
			.contains("nxcloud.access-secret")
			.contains("accessSecret")
			.contains(this.demo.accessKey());
		List<String> secrets = new ArrayList<>(signatures);
		secrets.add(this.demo.accessSecret());
		secrets.add(WRONG_SECRET);
		for (String secret : secrets) {
			assertThat(output.getAll()).doesNotContain(secret);
			assertThat(seen).allSatisfy((text) -> assertThat(text).doesNotContain(secret));
		}
	}

	private static String failureOf(Mono<?> call) {
		Throwable error = call.then(Mono.<Throwable>empty()).onErrorResume(Mono::just).block(TIMEOUT);
		assertThat(error).isNotNull();
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			messages.append(cause).append('\n');
		}
		return messages.toString();
	}

}
