package dev.nxcloud.whatsapp.phone;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which business phones to query ({@code getPhone}).
 *
 * @param appKey the app whose phones to query; {@code null} for the client's default app key
 * @param businessPhones the phones to query, digits with country code; empty for all of the app's phones
 */
public record PhoneInfoRequest(@Nullable String appKey, List<String> businessPhones) {

	/**
	 * Create a request.
	 * @param appKey the app, or {@code null} for the configured default
	 * @param businessPhones the phones, empty for all
	 */
	public PhoneInfoRequest {
		businessPhones = List.copyOf(businessPhones);
	}

	/**
	 * Query all phones of the configured app.
	 * @return the request
	 */
	public static PhoneInfoRequest all() {
		return new PhoneInfoRequest(null, List.of());
	}

	/**
	 * Query the given phones of the configured app.
	 * @param businessPhones the phones
	 * @return the request
	 */
	public static PhoneInfoRequest of(String... businessPhones) {
		return new PhoneInfoRequest(null, List.of(businessPhones));
	}

	/**
	 * This request for another app.
	 * @param appKey the app key
	 * @return a new request
	 */
	public PhoneInfoRequest withAppKey(String appKey) {
		return new PhoneInfoRequest(appKey, this.businessPhones);
	}

}
