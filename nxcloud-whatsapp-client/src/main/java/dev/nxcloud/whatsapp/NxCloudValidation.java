package dev.nxcloud.whatsapp;

import java.net.URI;
import java.net.URISyntaxException;

import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Checks shared by every request, applied before any network call. Each failure names the wire field and the rule.
 */
public final class NxCloudValidation {

	private NxCloudValidation() {
	}

	/**
	 * Require a non-blank text.
	 * @param field the wire field name
	 * @param value the value
	 * @return the value
	 * @throws NxCloudValidationException if it is {@code null} or blank
	 */
	public static String requireText(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new NxCloudValidationException(field, "is required");
		}
		return value;
	}

	/**
	 * Require a phone number as NxCloud wants it: digits only, country code first, no {@code +}, 7 to 15 digits
	 * (E.164).
	 * @param field the wire field name
	 * @param value the value
	 * @return the value
	 * @throws NxCloudValidationException if it is missing or malformed
	 */
	public static String requirePhone(String field, @Nullable String value) {
		requireText(field, value);
		if (value.startsWith("+")) {
			throw new NxCloudValidationException(field, "must be digits with the country code and no '+' (got '" + value + "')");
		}
		if (!value.chars().allMatch((c) -> c >= '0' && c <= '9') || value.length() < 7 || value.length() > 15) {
			throw new NxCloudValidationException(field,
					"must be 7 to 15 digits including the country code (E.164 without '+'; got '" + value + "')");
		}
		return value;
	}

	/**
	 * Require an absolute {@code http} or {@code https} URL with a host.
	 * @param field the wire field name
	 * @param value the value
	 * @return the value
	 * @throws NxCloudValidationException if it is missing or not such a URL
	 */
	public static String requireHttpUrl(String field, @Nullable String value) {
		requireText(field, value);
		try {
			URI uri = new URI(value);
			if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null) {
				return value;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new NxCloudValidationException(field, "must be an http or https URL (got '" + value + "')");
	}

	/**
	 * Check an optional text: absent is fine, present must not be blank.
	 * @param field the wire field name
	 * @param value the value, or {@code null}
	 * @return the value
	 * @throws NxCloudValidationException if it is present and blank
	 */
	public static @Nullable String optionalText(String field, @Nullable String value) {
		return (value != null) ? requireText(field, value) : null;
	}

	/**
	 * Check an optional URL: absent is fine, present must be an absolute {@code http} or {@code https} URL.
	 * @param field the wire field name
	 * @param value the value, or {@code null}
	 * @return the value
	 * @throws NxCloudValidationException if it is present and not such a URL
	 */
	public static @Nullable String optionalHttpUrl(String field, @Nullable String value) {
		return (value != null) ? requireHttpUrl(field, value) : null;
	}

}
