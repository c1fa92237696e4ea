package dev.nxcloud.boot.testcontainers;

import java.util.List;

import dev.nxcloud.simulator.testcontainers.NxCloudSimulatorContainer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Registration and back-off of {@link NxCloudSimulatorContainerConnectionDetailsFactory}, without Docker.
 */
class NxCloudSimulatorContainerConnectionDetailsFactoryTests {

	@Test
	void isRegisteredAsAConnectionDetailsFactory() {
		List<ConnectionDetailsFactory> factories = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(ConnectionDetailsFactory.class, SpringFactoriesLoader.FailureHandler.handleMessage((message, ex) -> {
				// other modules' factories may need classes this test does not have
			}));
		assertThat(factories).hasAtLeastOneElementOfType(NxCloudSimulatorContainerConnectionDetailsFactory.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void backsOffWithoutTheSimulatorContainer() {
		ContainerConnectionSource<NxCloudSimulatorContainer> source = mock(ContainerConnectionSource.class);
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();
		thread.setContextClassLoader(new FilteredClassLoader(NxCloudSimulatorContainer.class));
		try {
			assertThat(new NxCloudSimulatorContainerConnectionDetailsFactory().getConnectionDetails(source)).isNull();
		}
		finally {
			thread.setContextClassLoader(original);
		}
		verifyNoInteractions(source);
	}

}
