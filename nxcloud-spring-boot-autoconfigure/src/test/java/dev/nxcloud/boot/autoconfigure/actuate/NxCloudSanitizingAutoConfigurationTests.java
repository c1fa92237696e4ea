package dev.nxcloud.boot.autoconfigure.actuate;

import java.util.Map;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
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

}
