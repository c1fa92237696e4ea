package dev.nxcloud.sample;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudConnectionDetails;
import dev.nxcloud.simulator.NxCloudSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedSimulatorConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NxCloudAutoConfiguration.class))
		.withUserConfiguration(EmbeddedSimulatorConfiguration.class);

	@Test
	void withoutCredentialsTheSimulatorStartsAndOnlyItGetsTheDemoCredentials() {
		this.runner.run((context) -> {
			NxCloudSimulator simulator = context.getBean(NxCloudSimulator.class);
			NxCloudConnectionDetails details = context.getBean(NxCloudConnectionDetails.class);
			assertThat(details.getApiUrl()).isEqualTo(simulator.baseUrl()).startsWith("http://127.0.0.1:");
			assertThat(details.getSaasUrl()).isEqualTo(simulator.baseUrl());
			assertThat(details.getAccessKey()).isEqualTo(simulator.demoAccount().accessKey());
		});
	}

	@Test
	void explicitSettingsWinAndNoSimulatorStarts() {
		this.runner
			.withPropertyValues("nxcloud.access-key=mykey", "nxcloud.access-secret=mysecret",
					"nxcloud.api-url=http://127.0.0.1:7001", "nxcloud.saas-url=http://127.0.0.1:7002")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(NxCloudSimulator.class);
				NxCloudConnectionDetails details = context.getBean(NxCloudConnectionDetails.class);
				assertThat(details.getApiUrl()).isEqualTo("http://127.0.0.1:7001");
				assertThat(details.getSaasUrl()).isEqualTo("http://127.0.0.1:7002");
				assertThat(details.getAccessKey()).isEqualTo("mykey");
			});
	}

	@Test
	void credentialsAloneTalkToTheRealNxCloudHostsNotTheSimulator() {
		this.runner.withPropertyValues("nxcloud.access-key=mykey", "nxcloud.access-secret=mysecret")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(NxCloudSimulator.class);
				assertThat(context.getBean(NxCloudConnectionDetails.class).getApiUrl())
					.isEqualTo("https://api2.nxcloud.com");
			});
	}

	@Test
	void aNativeImageIncludesTheSimulatorsDemoSeed() {
		RuntimeHints hints = new RuntimeHints();
		new EmbeddedSimulatorConfiguration.SimulatorHints().registerHints(hints, getClass().getClassLoader());
		assertThat(NxCloudSimulator.class.getResource("demo-seed.json")).isNotNull();
		assertThat(RuntimeHintsPredicates.resource().forResource("dev/nxcloud/simulator/demo-seed.json")).accepts(hints);
	}

}
