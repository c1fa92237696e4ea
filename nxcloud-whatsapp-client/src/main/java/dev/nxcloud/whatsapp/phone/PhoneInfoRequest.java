package dev.nxcloud.whatsapp.phone;

import java.util.Arrays;
import java.util.List;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Which business phones to query ({@code getPhone}). A {@code null} list or phone is refused at once with an
 * {@link NxCloudValidationException} naming it ({@code business_phones[0]}); the phones are checked when sent.
 *
 * @param appKey the app whose phones to query; {@code null} for the client's default app key
 * @param businessPhones the phones to query, digits with country code; empty for all of the app's phones
 */
public record PhoneInfoRequest(@Nullable String appKey, List<String> businessPhones) {

	/**
	 * Create a request.
	 * @param appKey the app, or {@code null} for the configured default
	 * @param businessPhones the phones, empty for all
	 * @throws NxCloudValidationException if the list or one of its phones is {@code null}
	 */
	public PhoneInfoRequest {
		businessPhones = NxCloudValidation.requireElements("business_phones", businessPhones);
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
	 * @throws NxCloudValidationException if the array or one of its phones is {@code null}
	 */
	public static PhoneInfoRequest of(String... businessPhones) {
		NxCloudValidation.requireNonNull("business_phones", businessPhones);
		return new PhoneInfoRequest(null, Arrays.asList(businessPhones));
	}

	/**
	 * This request for another app.
	 * @param appKey the app key
	 * @return a new request
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public PhoneInfoRequest withAppKey(String appKey) {
		NxCloudValidation.requireNonNull("appkey", appKey);
		return new PhoneInfoRequest(appKey, this.businessPhones);
	}

}
