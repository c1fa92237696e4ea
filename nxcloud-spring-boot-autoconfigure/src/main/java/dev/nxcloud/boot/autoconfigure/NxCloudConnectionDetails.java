package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.whatsapp.NxCloudConnection;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details for a connection to an NxCloud account: the two base URLs, the credentials and the account's app, business
 * phone and tenant that requests use when they leave them out. The default is backed by {@code nxcloud.*}
 * properties; define a bean of this type (or let Testcontainers' {@code @ServiceConnection} do it) to supply them
 * another way.
 */
public interface NxCloudConnectionDetails extends ConnectionDetails, NxCloudConnection {

	/**
	 * The app key applied to requests that leave it out.
	 * @return the app key, or {@code null} for none
	 */
	default @Nullable String getAppKey() {
		return null;
	}

	/**
	 * The sending business phone applied to requests that leave it out.
	 * @return the phone, digits with country code, or {@code null} for none
	 */
	default @Nullable String getBusinessPhone() {
		return null;
	}

	/**
	 * The SaaS tenant applied to requests that leave it out.
	 * @return the tenant, or {@code null} for none
	 */
	default @Nullable Long getTenantId() {
		return null;
	}

}
