package dev.nxcloud.boot.autoconfigure;

import java.util.stream.Stream;

import dev.nxcloud.whatsapp.NxCloudClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Invalid {@code nxcloud.http.*} settings, and settings the application's connector cannot apply, fail at start-up
 * with a message naming the property.
 */
class NxCloudHttpSettingsValidationTests {

	private final ApplicationContextRunner runner = NxCloudHttpContextRunners.withHttpClients();

	static Stream<Arguments> invalidSettings() {
		String host = "nxcloud.http.proxy.host=proxy.example.com";
		return Stream.of(
				arguments(new String[] { "nxcloud.http.proxy.port=3128" }, "nxcloud.http.proxy.host",
						"required when nxcloud.http.proxy.port is set"),
				arguments(new String[] { "nxcloud.http.proxy.type=socks5", "nxcloud.http.proxy.username=u" },
						"nxcloud.http.proxy.host",
						"required when nxcloud.http.proxy.type, nxcloud.http.proxy.username is set"),
				arguments(new String[] { host }, "nxcloud.http.proxy.port", "from 1 to 65535"),
				arguments(new String[] { host, "nxcloud.http.proxy.port=0" }, "nxcloud.http.proxy.port",
						"from 1 to 65535"),
				arguments(new String[] { host, "nxcloud.http.proxy.port=65536" }, "nxcloud.http.proxy.port",
						"from 1 to 65535"),
				arguments(new String[] { host, "nxcloud.http.proxy.port=3128", "nxcloud.http.proxy.password=p4ss" },
						"nxcloud.http.proxy.username", "required when nxcloud.http.proxy.password is set"),
				arguments(new String[] { "nxcloud.http.pool.max-connections=0" }, "nxcloud.http.pool.max-connections",
						"at least 1"),
				arguments(new String[] { "nxcloud.http.pool.max-pending-acquires=-1" },
						"nxcloud.http.pool.max-pending-acquires", "at least 1"),
				arguments(new String[] { "nxcloud.http.pool.pending-acquire-timeout=0s" },
						"nxcloud.http.pool.pending-acquire-timeout", "longer than 0"),
				arguments(new String[] { "nxcloud.http.pool.max-idle-time=-1s" }, "nxcloud.http.pool.max-idle-time",
						"longer than 0"),
				arguments(new String[] { "nxcloud.http.pool.max-life-time=0ms" }, "nxcloud.http.pool.max-life-time",
						"longer than 0"),
				arguments(new String[] { "spring.http.clients.reactive.connector=jdk",
						"nxcloud.http.pool.max-idle-time=30s", "nxcloud.http.pool.max-connections=8" },
						"nxcloud.http.pool.max-connections", "JdkClientHttpConnectorBuilder"));
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("invalidSettings")
	void failsAtStartUpNamingTheProperty(String[] properties, String property, String reason) {
		this.runner.withPropertyValues(properties)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOfSatisfying(InvalidConfigurationPropertyValueException.class,
						(ex) -> assertThat(ex.getName()).isEqualTo(property))
				.hasMessageContaining(reason)
				.hasMessageNotContaining("p4ss"));
	}

	@Test
	void aConnectorBuilderOfTheApplicationsOwnTakesNoProxy() {
		this.runner.withBean(ClientHttpConnectorBuilder.class, () -> (settings) -> new ReactorClientHttpConnector())
			.withPropertyValues("nxcloud.http.proxy.host=proxy.example.com", "nxcloud.http.proxy.port=3128")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("nxcloud.http.proxy.host")
				.hasMessageContaining("cannot set a proxy"));
	}

	@Test
	void aClientBuilderOfTheApplicationsOwnLeavesNxCloudHttpUnmadeAndUnchecked() {
		this.runner.withBean(NxCloudClient.Builder.class, NxCloudClient::builder)
			.withPropertyValues("nxcloud.http.pool.max-connections=0", "nxcloud.http.proxy.port=3128")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NxCloudHttpConnector.class)
				.hasSingleBean(NxCloudClient.class));
	}

	@Test
	void validSettingsStart() {
		this.runner
			.withPropertyValues("nxcloud.http.proxy.type=socks5", "nxcloud.http.proxy.host=proxy.example.com",
					"nxcloud.http.proxy.port=1080", "nxcloud.http.proxy.username=u",
					"nxcloud.http.proxy.non-proxy-hosts=localhost,*.internal", "nxcloud.http.pool.max-connections=8",
					"nxcloud.http.pool.max-pending-acquires=100", "nxcloud.http.pool.pending-acquire-timeout=5s",
					"nxcloud.http.pool.max-idle-time=30s", "nxcloud.http.pool.max-life-time=5m")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				NxCloudHttpProperties http = context.getBean(NxCloudHttpProperties.class);
				assertThat(http.getProxy().getType()).isEqualTo(NxCloudHttpProperties.Proxy.Type.SOCKS5);
				assertThat(http.getProxy().getNonProxyHosts()).containsExactly("localhost", "*.internal");
				assertThat(http.getPool().getMaxLifeTime()).hasMinutes(5);
			});
	}

}
