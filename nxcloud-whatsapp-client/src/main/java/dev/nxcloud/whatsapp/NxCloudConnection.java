package dev.nxcloud.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * Where NxCloud is and who the client is: the two base URLs and the account's credentials. Read on every call, so an
 * implementation may supply values that become known late (for example from a test container).
 */
public interface NxCloudConnection {

	/**
	 * Base URL of the WhatsApp API host (createApp, otp, getPhone, mt), for example
	 * {@code https://api2.nxcloud.com}.
	 * @return the base URL
	 */
	String getApiUrl();

	/**
	 * Base URL of the SaaS host (templates, flows, media, template send), for example
	 * {@code https://api.nxcloud.com}.
	 * @return the base URL
	 */
	String getSaasUrl();

	/**
	 * The account's access key, sent in the {@code accessKey} header.
	 * @return the access key, or {@code null} when not configured
	 */
	@Nullable String getAccessKey();

	/**
	 * The account's access secret; it is only ever used to compute signatures.
	 * @return the access secret, or {@code null} when not configured
	 */
	@Nullable String getAccessSecret();

	/** NxCloud's WhatsApp API host. */
	String DEFAULT_API_URL = "https://api2.nxcloud.com";

	/** NxCloud's SaaS host. */
	String DEFAULT_SAAS_URL = "https://api.nxcloud.com";

	/**
	 * A connection to NxCloud's own hosts.
	 * @param accessKey the access key
	 * @param accessSecret the access secret
	 * @return the connection
	 */
	static NxCloudConnection of(String accessKey, String accessSecret) {
		return of(DEFAULT_API_URL, DEFAULT_SAAS_URL, accessKey, accessSecret);
	}

	/**
	 * A connection to the given hosts, for example a simulator's.
	 * @param apiUrl the WhatsApp API host's base URL
	 * @param saasUrl the SaaS host's base URL
	 * @param accessKey the access key, or {@code null} when not configured
	 * @param accessSecret the access secret, or {@code null} when not configured
	 * @return the connection
	 */
	static NxCloudConnection of(String apiUrl, String saasUrl, @Nullable String accessKey,
			@Nullable String accessSecret) {
		return new FixedConnection(apiUrl, saasUrl, accessKey, accessSecret);
	}

}
