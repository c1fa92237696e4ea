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

	@Override
	public @Nullable String getAppKey() {
		return this.properties.getAppKey();
	}

	@Override
	public @Nullable String getBusinessPhone() {
		return this.properties.getBusinessPhone();
	}

	@Override
	public @Nullable Long getTenantId() {
		return this.properties.getTenantId();
	}

}
