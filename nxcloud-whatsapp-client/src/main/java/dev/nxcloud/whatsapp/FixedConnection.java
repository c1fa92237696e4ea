package dev.nxcloud.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * A connection whose values never change; its {@code toString()} leaves the secret out.
 */
record FixedConnection(String apiUrl, String saasUrl, @Nullable String accessKey,
		@Nullable String accessSecret) implements NxCloudConnection {

	@Override
	public String getApiUrl() {
		return this.apiUrl;
	}

	@Override
	public String getSaasUrl() {
		return this.saasUrl;
	}

	@Override
	public @Nullable String getAccessKey() {
		return this.accessKey;
	}

	@Override
	public @Nullable String getAccessSecret() {
		return this.accessSecret;
	}

	@Override
	public String toString() {
		return "NxCloudConnection[apiUrl=" + this.apiUrl + ", saasUrl=" + this.saasUrl + ", accessKey="
				+ this.accessKey + "]";
	}

}
