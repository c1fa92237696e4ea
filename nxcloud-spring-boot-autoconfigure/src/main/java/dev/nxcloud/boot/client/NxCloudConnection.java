package dev.nxcloud.boot.client;

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

}
