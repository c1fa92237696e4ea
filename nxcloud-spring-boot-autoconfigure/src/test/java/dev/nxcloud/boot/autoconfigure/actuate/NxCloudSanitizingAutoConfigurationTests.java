package dev.nxcloud.boot.autoconfigure.actuate;

import java.util.Locale;
import java.util.Map;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudHttpProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudSanitizingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, NxCloudAutoConfiguration.class,
				NxCloudSanitizingAutoConfiguration.class, EndpointAutoConfiguration.class,
				EnvironmentEndpointAutoConfiguration.class, ConfigurationPropertiesReportEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always", "spring.jmx.enabled=true",
				"management.endpoints.jmx.exposure.include=env,configprops");

	@Test
	void theProxyPasswordIsMaskedInEnvAndConfigprops() {
		JsonMapper json = JsonMapper.builder().build();
		this.runner
			.withPropertyValues("nxcloud.http.proxy.host=proxy.example.com", "nxcloud.http.proxy.port=3128",
					"nxcloud.http.proxy.username=nx-user", "nxcloud.http.proxy.password=propertyPassword42")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("environment",
						Map.of("NXCLOUD_HTTP_PROXY_PASSWORD", "environmentPassword43"))))
			.run((context) -> {
				String env = json.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				String configprops = json.writeValueAsString(
						context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
				assertThat(env).contains("nxcloud.http.proxy.password", "NXCLOUD_HTTP_PROXY_PASSWORD", "nx-user")
					.doesNotContain("propertyPassword42", "environmentPassword43");
				assertThat(configprops).contains("nxcloud.http", "nx-user", "******")
					.doesNotContain("propertyPassword42", "environmentPassword43");
			});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "nxcloud.http.proxy[password], properties", "nxcloud.http.proxy.PASSWORD, properties",
			"nxcloud.http.proxy.pass-word, properties", "NXCLOUD_HTTP_PROXY_PASSWORD, environment",
			"nxcloud_http_proxy_password, environment", "NXCLOUD_WEBHOOK_ACCESSSECRET, environment",
			"nxcloud.webhook.access[secret], properties" })
	void everyFormOfASecretsKeyIsMasked(String key, String source) {
		JsonMapper json = JsonMapper.builder().build();
		String secret = "relaxedSecret44";
		this.runner
			.withPropertyValues("nxcloud.http.proxy.host=proxy.example.com", "nxcloud.http.proxy.port=3128",
					"nxcloud.http.proxy.username=nx-user")
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(source.equals("environment")
						? new SystemEnvironmentPropertySource("environment", Map.of(key, secret))
						: new MapPropertySource("properties", Map.of(key, secret))))
			.run((context) -> {
				assertThat(context.getEnvironment().getProperty(key)).isEqualTo(secret);
				String env = json.writeValueAsString(context.getBean(EnvironmentEndpoint.class).environment(null));
				String configprops = json.writeValueAsString(
						context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
				assertThat(env).contains(key).doesNotContain(secret);
				assertThat(configprops).contains("nx-user").doesNotContain(secret);
				if (key.toLowerCase(Locale.ROOT).contains("proxy")) {
					assertThat(context.getBean(NxCloudHttpProperties.class).getProxy().getPassword())
						.as("bound, so configprops shows it masked")
						.isEqualTo(secret);
				}
			});
	}

}
