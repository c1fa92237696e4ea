package dev.nxcloud.boot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link NxCloudConnectionDetails} backed by {@link NxCloudProperties}.
 */
class PropertiesNxCloudConnectionDetails implements NxCloudConnectionDetails {

	private final NxCloudProperties properties;

	PropertiesNxCloudConnectionDetails(NxCloudProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getApiUrl() {
		return this.properties.getApiUrl();
	}

	@Override
	public String getSaasUrl() {
		return this.properties.getSaasUrl();
	}

	@Override
	public @Nullable String getAccessKey() {
		return this.properties.getAccessKey();
	}

	@Override
	public @Nullable String getAccessSecret() {
		return this.properties.getAccessSecret();
	}

}
