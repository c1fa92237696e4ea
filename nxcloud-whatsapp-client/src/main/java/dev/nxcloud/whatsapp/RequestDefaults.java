package dev.nxcloud.whatsapp;

import java.util.function.Function;

import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The one place where a request's account values are resolved: the request's own value, else the client's default,
 * else a {@link NxCloudValidationException} that names the wire field and the setting that supplies the default.
 * Phones are checked as well.
 */
public final class RequestDefaults {

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
	 * @throws NxCloudValidationException if neither is set
	 */
	public String appKey(@Nullable String requested) {
		return orDefault("appkey", requested, this.values.appKey(), NxCloudSetting.APP_KEY);
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
	 * @throws NxCloudValidationException if neither is set
	 */
	public long tenantId(@Nullable Long requested) {
		return orDefault("tenant_id", requested, this.values.tenantId(), NxCloudSetting.TENANT_ID);
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
