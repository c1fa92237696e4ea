package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.whatsapp.NxCloudSetting;

/**
 * Names each client setting as the property that sets it, so that what a Boot user reads names the property.
 */
final class NxCloudPropertyNames {

	private NxCloudPropertyNames() {
	}

	/**
	 * The names for a client made from the builder bean for another account: the properties set its HTTP, signing
	 * and retry settings, the builder call its account.
	 * @param setting the setting
	 * @return its name
	 */
	static String ofSharedSettings(NxCloudSetting setting) {
		return switch (setting) {
			case SIGN_ALGORITHM, RESPONSE_TIMEOUT, UPLOAD_TIMEOUT, MAX_ATTEMPTS, MAX_BACKOFF, SEND_MAX_WAIT -> of(setting);
			case ACCESS_KEY, ACCESS_SECRET, APP_KEY, BUSINESS_PHONE, TENANT_ID -> setting.builderCall();
		};
	}

	/**
	 * The names for the client of the {@code nxcloud.*} account, which the properties configure entirely.
	 * @param setting the setting
	 * @return its name
	 */
	static String of(NxCloudSetting setting) {
		return switch (setting) {
			case ACCESS_KEY -> "'nxcloud.access-key' (or define an NxCloudConnectionDetails bean)";
			case ACCESS_SECRET -> "'nxcloud.access-secret' (or define an NxCloudConnectionDetails bean)";
			case APP_KEY -> "'nxcloud.app-key'";
			case BUSINESS_PHONE -> "'nxcloud.business-phone'";
			case TENANT_ID -> "'nxcloud.tenant-id'";
			case SIGN_ALGORITHM -> "'nxcloud.sign-algorithm'";
			case RESPONSE_TIMEOUT -> "'nxcloud.response-timeout'";
			case UPLOAD_TIMEOUT -> "'nxcloud.upload-timeout'";
			case MAX_ATTEMPTS -> "'nxcloud.retry.max-attempts'";
			case MAX_BACKOFF -> "'nxcloud.retry.max-backoff'";
			case SEND_MAX_WAIT -> "'nxcloud.rate-limit.max-wait'";
		};
	}

}
