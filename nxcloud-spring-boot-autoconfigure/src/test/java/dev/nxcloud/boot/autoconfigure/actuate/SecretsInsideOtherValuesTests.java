package dev.nxcloud.boot.autoconfigure.actuate;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudConnectionDetails;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.actuate.web.WebFluxEndpointManagementContextConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configured secret is masked inside any value of the {@code env} and {@code configprops} web endpoints that
 * contains it, whatever its key, with {@code show-values=always}; values without a secret stay visible.
 */
class SecretsInsideOtherValuesTests {

	/** Shown by every application below: masking everything would fail the tests as surely as leaking a secret. */
	private static final String PLAIN = "-Dplain.option=visible-41";

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, NxCloudAutoConfiguration.class,
				NxCloudSanitizingAutoConfiguration.class, EndpointAutoConfiguration.class,
				JacksonEndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class,
				WebFluxAutoConfiguration.class, WebFluxEndpointManagementContextConfiguration.class))
		.withUserConfiguration(AppConfiguration.class)
		.withPropertyValues("management.endpoints.web.exposure.include=env,configprops",
				"management.endpoint.env.show-values=always", "management.endpoint.configprops.show-values=always",
				"nxcloud.access-key=visibleAccessKey-42")
		.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("plainEnvironment", Map.of("PLAIN_OPTIONS", PLAIN))));

	/** Each secret the starter has, configured as an application would: by its property or by a bean. */
	enum Secret {

		ACCESS("nxcloud.access-secret", "accessCore7Qk2"),

		WEBHOOK("nxcloud.webhook.access-secret", "webhookCore8Rm3"),

		PROXY("nxcloud.http.proxy.password", "proxyCore9Sn4"),

		CONNECTION_DETAILS("vault.nxcloud-secret", "detailsCore6Tp5");

		private final String property;

		private final String value;

		Secret(String property, String value) {
			this.property = property;
			this.value = value;
		}

		ReactiveWebApplicationContextRunner configure(ReactiveWebApplicationContextRunner runner) {
			return switch (this) {
				case ACCESS, WEBHOOK -> runner.withPropertyValues(this.property + "=" + this.value);
				case PROXY -> runner.withPropertyValues(this.property + "=" + this.value,
						"nxcloud.http.proxy.host=proxy.example.com", "nxcloud.http.proxy.port=3128",
						"nxcloud.http.proxy.username=visibleProxyUser-43");
				case CONNECTION_DETAILS -> runner.withBean(NxCloudConnectionDetails.class,
						() -> new VaultConnectionDetails(() -> this.value));
			};
		}

	}

	/** The places where a secret passed to the application turns up under another key. */
	enum Form {

		/** {@code java -jar app.jar --nxcloud.access-secret=…}: the JVM's own record of its command line. */
		SUN_JAVA_COMMAND("sun.java.command", (option) -> new MapPropertySource("launcher",
				Map.of("sun.java.command", "app.jar --server.port=8080 --" + option))),

		/** {@code SPRING_APPLICATION_JSON='{"nxcloud.access-secret":"…"}'}, the environment variable. */
		SPRING_APPLICATION_JSON("SPRING_APPLICATION_JSON",
				(option) -> new SystemEnvironmentPropertySource("environment", Map.of("SPRING_APPLICATION_JSON",
						"{\"" + option.replace("=", "\":\"") + "\",\"server.port\":8080}"))),

		/** {@code java -Dspring.application.json='{"nxcloud.access-secret":"…"}' -jar app.jar}. */
		SPRING_APPLICATION_JSON_PROPERTY("spring.application.json",
				(option) -> new MapPropertySource("launcherProperties", Map.of("spring.application.json",
						"{\"" + option.replace("=", "\":\"") + "\"}"))),

		/** {@code JAVA_TOOL_OPTIONS='-Dnxcloud.access-secret=…'}, or any variable holding JVM options. */
		JVM_OPTIONS("JAVA_TOOL_OPTIONS", (option) -> new SystemEnvironmentPropertySource("environment",
				Map.of("JAVA_TOOL_OPTIONS", "-Xmx256m -D" + option + " -Dfile.encoding=UTF-8")));

		private final String key;

		private final Function<String, PropertySource<?>> source;

		Form(String key, Function<String, PropertySource<?>> source) {
			this.key = key;
			this.source = source;
		}

	}

	static Iterable<Arguments> everySecretInEveryForm() {
		return Arrays.stream(Secret.values())
			.flatMap((secret) -> Arrays.stream(Form.values()).map((form) -> Arguments.of(secret, form)))
			.toList();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everySecretInEveryForm")
	void aValueThatContainsASecretIsMaskedInEnv(Secret secret, Form form) {
		secret.configure(this.runner)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(form.source.apply(secret.property + "=" + secret.value)))
			.run((context) -> {
				WebTestClient client = client(context);
				client.get()
					.uri("/actuator/env/{name}", form.key)
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.property.value")
					.isEqualTo("******");
				String env = body(client, "/actuator/env");
				assertThat(env).contains(form.key, "PLAIN_OPTIONS", PLAIN, "visibleAccessKey-42")
					.doesNotContain(secret.value);
				assertThat(body(client, "/actuator/configprops")).contains("visibleAccessKey-42")
					.doesNotContain(secret.value);
			});
	}

	@ParameterizedTest
	@EnumSource
	void aValueThatContainsASecretIsMaskedInConfigprops(Secret secret) {
		secret.configure(this.runner)
			.withPropertyValues("app.proxy-url=http://user:" + secret.value + "@proxy.example.com:3128",
					"app.note=visibleNote-44")
			.run((context) -> {
				WebTestClient client = client(context);
				client.get()
					.uri("/actuator/configprops/app")
					.exchange()
					.expectStatus()
					.isOk()
					.expectBody()
					.jsonPath("$.contexts.*.beans.*.properties.proxyUrl")
					.isEqualTo("******")
					.jsonPath("$.contexts.*.beans.*.properties.note")
					.isEqualTo("visibleNote-44")
					.jsonPath("$.contexts.*.beans.*.inputs.proxyUrl.value")
					.isEqualTo("******");
				assertThat(body(client, "/actuator/configprops")).contains("visibleNote-44", "visibleAccessKey-42")
					.doesNotContain(secret.value);
				assertThat(body(client, "/actuator/env")).contains("app.proxy-url", "visibleNote-44", PLAIN)
					.doesNotContain(secret.value);
			});
	}

	@Test
	void aSecretIsRecognisedPercentEncodedOrJsonEscaped() {
		String secret = "p@ss/w\"rd-é-Core5Uv6";
		this.runner.withPropertyValues("nxcloud.http.proxy.host=proxy.example.com", "nxcloud.http.proxy.port=3128",
				"nxcloud.http.proxy.username=visibleProxyUser-43")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("environment",
						Map.of("NXCLOUD_HTTP_PROXY_PASSWORD", secret, "HTTPS_PROXY",
								"http://visibleProxyUser-43:p%40ss%2Fw%22rd-%C3%A9-Core5Uv6@proxy.example.com:3128",
								"SPRING_APPLICATION_JSON",
								"{\"nxcloud\":{\"http\":{\"proxy\":{\"password\":\"p@ss\\/w\\\"rd-\\u00e9-Core5Uv6\"}}}}"))))
			.run((context) -> {
				WebTestClient client = client(context);
				for (String key : new String[] { "HTTPS_PROXY", "SPRING_APPLICATION_JSON" }) {
					client.get()
						.uri("/actuator/env/{name}", key)
						.exchange()
						.expectBody()
						.jsonPath("$.property.value")
						.isEqualTo("******");
				}
				assertThat(body(client, "/actuator/env")).contains(PLAIN).doesNotContain("Core5Uv6");
			});
	}

	@Test
	void aSecretChangedInTheEnvironmentAfterStartIsRecognised() {
		Map<String, Object> settings = new HashMap<>(Map.of("nxcloud.access-secret", "firstCore4Wx7"));
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("changing", settings)))
			.run((context) -> {
				settings.put("nxcloud.access-secret", "secondCore3Yz8");
				settings.put("new.command", "app.jar --nxcloud.access-secret=secondCore3Yz8");
				settings.put("old.command", "app.jar --nxcloud.access-secret=firstCore4Wx7");
				WebTestClient client = client(context);
				assertThat(body(client, "/actuator/env")).doesNotContain("secondCore3Yz8", "firstCore4Wx7")
					.contains("new.command", PLAIN);
				assertThat(context.getBean(NxCloudConnectionDetails.class).getAccessSecret())
					.as("the client still signs with the secret bound at start-up, so it stays masked too")
					.isEqualTo("firstCore4Wx7");
			});
	}

	@Test
	void aSecretThatConnectionDetailsChangeAfterStartIsRecognised() {
		AtomicReference<String> vault = new AtomicReference<>("firstCore2Ab9");
		this.runner.withBean(NxCloudConnectionDetails.class, () -> new VaultConnectionDetails(vault::get))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("commands", Map.of("old.command", "--token=firstCore2Ab9",
						"new.command", "--token=secondCore1Cd0"))))
			.run((context) -> {
				vault.set("secondCore1Cd0");
				String env = body(client(context), "/actuator/env");
				assertThat(env).doesNotContain("secondCore1Cd0").contains("--token=firstCore2Ab9");
			});
	}

	@Test
	void aShortSecretIsStillMaskedAndAnEmptyOneMasksNothing() {
		this.runner.withPropertyValues("nxcloud.access-secret=7", "nxcloud.webhook.access-secret=")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("app", Map.of("app.port", "8087", "app.name", "visibleName-x"))))
			.run((context) -> {
				WebTestClient client = client(context);
				client.get()
					.uri("/actuator/env/app.port")
					.exchange()
					.expectBody()
					.jsonPath("$.property.value")
					.isEqualTo("******");
				client.get()
					.uri("/actuator/env/app.name")
					.exchange()
					.expectBody()
					.jsonPath("$.property.value")
					.isEqualTo("visibleName-x");
			});
	}

	private static WebTestClient client(ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context).build();
	}

	/** The body of a {@code GET} that must answer {@code 200}. */
	static String body(WebTestClient client, String path) {
		String body = client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotNull();
		return body;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AppProperties.class)
	static class AppConfiguration {

	}

	/** An application's own settings, one of which holds a URL with the secret in it. */
	@ConfigurationProperties("app")
	static class AppProperties {

		private @Nullable String proxyUrl;

		private @Nullable String note;

		public @Nullable String getProxyUrl() {
			return this.proxyUrl;
		}

		public void setProxyUrl(@Nullable String proxyUrl) {
			this.proxyUrl = proxyUrl;
		}

		public @Nullable String getNote() {
			return this.note;
		}

		public void setNote(@Nullable String note) {
			this.note = note;
		}

	}

	/** Connection details of the application's own, with the secret from somewhere the environment does not see. */
	record VaultConnectionDetails(Supplier<String> accessSecret) implements NxCloudConnectionDetails {

		@Override
		public String getApiUrl() {
			return "https://api2.nxcloud.com";
		}

		@Override
		public String getSaasUrl() {
			return "https://api.nxcloud.com";
		}

		@Override
		public String getAccessKey() {
			return "visibleAccessKey-42";
		}

		@Override
		public String getAccessSecret() {
			return this.accessSecret.get();
		}

	}

}
