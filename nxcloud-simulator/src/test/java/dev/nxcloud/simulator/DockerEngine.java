package dev.nxcloud.simulator;

import org.testcontainers.DockerClientFactory;

/**
 * Whether the Testcontainers tests run: when a Docker engine is available, and always where the build requires one
 * (`.ci/run` sets {@value #REQUIRED}), so that a missing engine fails CI instead of skipping the tests.
 */
final class DockerEngine {

	static final String REQUIRED = "NXCLOUD_REQUIRE_DOCKER";

	private DockerEngine() {
	}

	static boolean availableOrRequired() {
		return Boolean.parseBoolean(System.getenv(REQUIRED)) || DockerClientFactory.instance().isDockerAvailable();
	}

}
