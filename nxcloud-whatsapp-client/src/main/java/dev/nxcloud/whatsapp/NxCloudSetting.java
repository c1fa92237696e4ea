package dev.nxcloud.whatsapp;

import java.util.function.Function;

/**
 * The settings of a client that its messages may tell the user to set. The client names each one through
 * {@link NxCloudClient.Builder#settingNames(Function)}: by default as the builder call that sets it, and in a Spring
 * Boot application as the property that does.
 */
public enum NxCloudSetting {

	/** The access key: {@link NxCloudClient.Builder#connection(NxCloudConnection)}. */
	ACCESS_KEY("connection"),

	/** The access secret: {@link NxCloudClient.Builder#connection(NxCloudConnection)}. */
	ACCESS_SECRET("connection"),

	/** The default app key: {@link NxCloudClient.Builder#appKey(String)}. */
	APP_KEY("appKey"),

	/** The default business phone: {@link NxCloudClient.Builder#businessPhone(String)}. */
	BUSINESS_PHONE("businessPhone"),

	/** The default SaaS tenant: {@link NxCloudClient.Builder#tenantId(Long)}. */
	TENANT_ID("tenantId"),

	/** The signature algorithm: {@link NxCloudClient.Builder#signAlgorithm(SignAlgorithm)}. */
	SIGN_ALGORITHM("signAlgorithm"),

	/** The timeout of one attempt: {@link NxCloudClient.Builder#responseTimeout(java.time.Duration)}. */
	RESPONSE_TIMEOUT("responseTimeout"),

	/** The timeout of one upload attempt: {@link NxCloudClient.Builder#uploadTimeout(java.time.Duration)}. */
	UPLOAD_TIMEOUT("uploadTimeout"),

	/** The most attempts per call: {@link NxCloudClient.Builder#retryPolicy(NxCloudRetryPolicy)}. */
	MAX_ATTEMPTS("retryPolicy"),

	/** The longest wait between two attempts: {@link NxCloudClient.Builder#retryPolicy(NxCloudRetryPolicy)}. */
	MAX_BACKOFF("retryPolicy"),

	/**
	 * The longest a send waits for its business phone's slot.
	 */
	SEND_MAX_WAIT("sendMaxWait");

	private final String builderMethod;

	NxCloudSetting(String builderMethod) {
		this.builderMethod = builderMethod;
	}

	/**
	 * How the client names this setting unless told otherwise: the builder call that sets it, for example
	 * {@code NxCloudClient.builder().appKey(…)}.
	 * @return the builder call
	 */
	public String builderCall() {
		return "NxCloudClient.builder()." + this.builderMethod + "(…)";
	}

}
