package dev.nxcloud.whatsapp;

import java.util.function.Function;

import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a request's account values are resolved: the request's own value, else the client's default,
 * else a {@link NxCloudValidationException} that names the wire field and the setting that supplies the default.
 * The value resolved is checked as well, whichever supplied it: an app key of at most {@value #MAX_APP_KEY_LENGTH}
 * characters, a business phone as a phone number, a tenant id of at least 1.
 */
public final class RequestDefaults {

	/**
	 * The most characters of an {@code appkey}. NxCloud documents none; its app keys are 8 characters
	 * ({@code KI92cew9} on the createApp page), so 256 is a generous bound that still keeps a careless value from
	 * going into every body.
	 */
	public static final int MAX_APP_KEY_LENGTH = 256;

	private final NxCloudDefaults values;

	private final Function<NxCloudSetting, String> settingNames;

	/**
	 * Create the resolver.
	 * @param values the client's defaults
	 * @param settingNames how to name the settings that supply them
	 */
	RequestDefaults(NxCloudDefaults values, Function<NxCloudSetting, String> settingNames) {
		this.values = values;
		this.settingNames = settingNames;
	}

	/**
	 * The client's defaults.
	 * @return the values
	 */
	public NxCloudDefaults values() {
		return this.values;
	}

	/**
	 * The app key to send with ({@code appkey}).
	 * @param requested the request's value, or {@code null}
	 * @return the request's value, else the default
	 * @throws NxCloudValidationException if neither is set, or the app key is longer than
	 * {@value #MAX_APP_KEY_LENGTH} characters
	 */
	public String appKey(@Nullable String requested) {
		return NxCloudValidation.maxLength("appkey",
				orDefault("appkey", requested, this.values.appKey(), NxCloudSetting.APP_KEY), MAX_APP_KEY_LENGTH);
	}

	/**
	 * The sending business phone, checked as a phone number.
	 * @param field the wire field that carries it ({@code business_phone}, or {@code phone} in a path)
	 * @param requested the request's value, or {@code null}
	 * @return the request's value, else the default
	 * @throws NxCloudValidationException if neither is set or the phone is malformed
	 */
	public String businessPhone(String field, @Nullable String requested) {
		return NxCloudValidation.requirePhone(field,
				orDefault(field, requested, this.values.businessPhone(), NxCloudSetting.BUSINESS_PHONE));
	}

	/**
	 * The sending business phone of a request that may go without one ({@code business_phone}).
	 * @param requested the request's value, or {@code null}
	 * @return the request's value, else the default, else {@code null}; checked as a phone when set
	 * @throws NxCloudValidationException if the phone is malformed
	 */
	public @Nullable String optionalBusinessPhone(@Nullable String requested) {
		String phone = (requested != null) ? requested : this.values.businessPhone();
		return (phone != null) ? NxCloudValidation.requirePhone("business_phone", phone) : null;
	}

	/**
	 * The SaaS tenant ({@code tenant_id}).
	 * @param requested the request's value, or {@code null}
	 * @return the request's value, else the default
	 * @throws NxCloudValidationException if neither is set, or the tenant id is less than 1
	 */
	public long tenantId(@Nullable Long requested) {
		long tenantId = orDefault("tenant_id", requested, this.values.tenantId(), NxCloudSetting.TENANT_ID);
		if (tenantId < 1) {
			throw new NxCloudValidationException("tenant_id", "must be at least 1 (got " + tenantId + ")");
		}
		return tenantId;
	}

	private <T> T orDefault(String field, @Nullable T value, @Nullable T defaultValue, NxCloudSetting setting) {
		T resolved = (value != null) ? value : defaultValue;
		if (resolved == null || (resolved instanceof String text && text.isBlank())) {
			throw new NxCloudValidationException(field,
					"is required: set it on the request or set " + this.settingNames.apply(setting));
		}
		return resolved;
	}

}
