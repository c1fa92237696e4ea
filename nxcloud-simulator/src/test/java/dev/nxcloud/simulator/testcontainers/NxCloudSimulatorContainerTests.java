package dev.nxcloud.simulator.testcontainers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.nxcloud.simulator.DemoAccount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the container copies into its image and what it reports, without Docker.
 */
class NxCloudSimulatorContainerTests {

	@Test
	void runtimeClasspathHoldsTheSimulatorAndItsLibraries() {
		List<Path> entries = NxCloudSimulatorContainer.runtimeClasspath();
		assertThat(entries).doesNotHaveDuplicates().allMatch(Files::exists);
		assertThat(entries).anyMatch((entry) -> Files.isDirectory(entry)
				&& Files.exists(entry.resolve("dev/nxcloud/simulator/SimulatorMain.class")));
		assertThat(entries.stream().map((entry) -> entry.getFileName().toString()))
			.anyMatch((name) -> name.startsWith("reactor-netty-http-"))
			.anyMatch((name) -> name.startsWith("reactor-netty-core-"))
			.anyMatch((name) -> name.startsWith("reactor-core-"))
			.anyMatch((name) -> name.startsWith("reactive-streams-"))
			.anyMatch((name) -> name.startsWith("netty-transport-"))
			.anyMatch((name) -> name.startsWith("netty-codec-http-"))
			.anyMatch((name) -> name.startsWith("jackson-databind-"))
			.anyMatch((name) -> name.startsWith("jackson-core-"))
			.anyMatch((name) -> name.startsWith("jackson-annotations-"))
			.anyMatch((name) -> name.startsWith("slf4j-api-"))
			.anyMatch((name) -> name.startsWith("jspecify-"))
			.noneMatch((name) -> name.startsWith("spring-") || name.startsWith("junit-")
					|| name.startsWith("testcontainers-"));
	}

	@Test
	void reportsTheDemoAccount() {
		NxCloudSimulatorContainer container = new NxCloudSimulatorContainer();
		assertThat(container.getDemoAccount()).isEqualTo(DemoAccount.DEFAULT);
		assertThat(container.getAccessKey()).isEqualTo(DemoAccount.DEFAULT.accessKey());
		assertThat(container.getAccessSecret()).isEqualTo(DemoAccount.DEFAULT.accessSecret());
		assertThat(container.getAppKey()).isEqualTo(DemoAccount.DEFAULT.appKey());
		assertThat(container.getBusinessPhone()).isEqualTo(DemoAccount.DEFAULT.businessPhone());
		assertThat(container.getTenantId()).isEqualTo(DemoAccount.DEFAULT.tenantId());
	}

	@Test
	void hostNetworkCanBeChosenInCode() {
		assertThat(new NxCloudSimulatorContainer().withHostNetwork(true).isHostNetwork()).isTrue();
		assertThat(new NxCloudSimulatorContainer().withHostNetwork(false).isHostNetwork()).isFalse();
	}

}
