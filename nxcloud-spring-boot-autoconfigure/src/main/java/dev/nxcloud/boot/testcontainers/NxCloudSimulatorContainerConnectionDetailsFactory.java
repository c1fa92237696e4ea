package dev.nxcloud.boot.testcontainers;

import dev.nxcloud.boot.autoconfigure.NxCloudConnectionDetails;
import dev.nxcloud.simulator.testcontainers.NxCloudSimulatorContainer;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@link ContainerConnectionDetailsFactory} to create {@link NxCloudConnectionDetails} from a
 * {@link org.springframework.boot.testcontainers.service.connection.ServiceConnection @ServiceConnection}-annotated
 * {@link NxCloudSimulatorContainer}: both base URLs point at the simulator, and the credentials, app key, business
 * phone and tenant are its demo account's.
 */
class NxCloudSimulatorContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<NxCloudSimulatorContainer, NxCloudConnectionDetails> {

	NxCloudSimulatorContainerConnectionDetailsFactory() {
		super(ANY_CONNECTION_NAME, "dev.nxcloud.simulator.testcontainers.NxCloudSimulatorContainer",
				"org.springframework.web.reactive.function.client.WebClient", "dev.nxcloud.whatsapp.NxCloudClient");
	}

	@Override
	protected NxCloudConnectionDetails getContainerConnectionDetails(
			ContainerConnectionSource<NxCloudSimulatorContainer> source) {
		return new NxCloudSimulatorContainerConnectionDetails(source);
	}

	/**
	 * {@link NxCloudConnectionDetails} backed by a {@link ContainerConnectionSource}.
	 */
	static final class NxCloudSimulatorContainerConnectionDetails
			extends ContainerConnectionDetails<NxCloudSimulatorContainer> implements NxCloudConnectionDetails {

		private NxCloudSimulatorContainerConnectionDetails(
				ContainerConnectionSource<NxCloudSimulatorContainer> source) {
			super(source);
		}

		@Override
		public String getApiUrl() {
			return getContainer().getBaseUrl();
		}

		@Override
		public String getSaasUrl() {
			return getContainer().getBaseUrl();
		}

		@Override
		public String getAccessKey() {
			return getContainer().getAccessKey();
		}

		@Override
		public String getAccessSecret() {
			return getContainer().getAccessSecret();
		}

		@Override
		public String getAppKey() {
			return getContainer().getAppKey();
		}

		@Override
		public String getBusinessPhone() {
			return getContainer().getBusinessPhone();
		}

		@Override
		public Long getTenantId() {
			return getContainer().getTenantId();
		}

	}

}
