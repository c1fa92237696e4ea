package dev.nxcloud.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.SendRate;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The pace of each business phone as {@code nxcloud.rate-limit.*} sets it, whichever store keeps the buckets: a
 * phone's own entry under {@code phones}, each of its values defaulting to the phone-wide one, else the phone-wide
 * rate and burst, else no pacing.
 */
final class SendRates implements Function<String, @Nullable SendRate> {

	private static final String PREFIX = "nxcloud.rate-limit.";

	private final @Nullable SendRate defaults;

	private final Map<String, SendRate> phones = new LinkedHashMap<>();

	/**
	 * Read the rates.
	 * @param rateLimit the properties
	 * @throws InvalidConfigurationPropertyValueException if a rate or burst is out of range, a phone has no rate, or
	 * a phone key is not a business phone as sends name it
	 */
	SendRates(NxCloudProperties.RateLimit rateLimit) {
		Double messagesPerSecond = rateLimit.getMessagesPerSecond();
		int burst = checkBurst(PREFIX + "burst", rateLimit.getBurst());
		this.defaults = (messagesPerSecond != null)
				? new SendRate(checkRate(PREFIX + "messages-per-second", messagesPerSecond), burst) : null;
		rateLimit.getPhones().forEach((phone, settings) -> {
			checkPhoneKey(phone);
			String prefix = PREFIX + "phones." + phone + ".";
			Double phoneRate = (settings.getMessagesPerSecond() != null) ? settings.getMessagesPerSecond()
					: messagesPerSecond;
			if (phoneRate == null) {
				throw new InvalidConfigurationPropertyValueException(prefix + "messages-per-second", null,
						"Required when '" + PREFIX + "messages-per-second' is not set");
			}
			Integer phoneBurst = settings.getBurst();
			this.phones.put(phone, new SendRate(checkRate(prefix + "messages-per-second", phoneRate),
					(phoneBurst != null) ? checkBurst(prefix + "burst", phoneBurst) : burst));
		});
	}

	/**
	 * Whether any phone is paced.
	 * @param rateLimit the properties
	 * @return whether a rate is set, for every phone or for one
	 */
	static boolean anyPaced(NxCloudProperties.RateLimit rateLimit) {
		return rateLimit.getMessagesPerSecond() != null || !rateLimit.getPhones().isEmpty();
	}

	/**
	 * The longest a send waits for its slot.
	 * @param rateLimit the properties
	 * @return the wait
	 * @throws InvalidConfigurationPropertyValueException if it is not positive
	 */
	static Duration maxWait(NxCloudProperties.RateLimit rateLimit) {
		return checkPositive(PREFIX + "max-wait", rateLimit.getMaxWait());
	}

	/**
	 * The shortest time between two sends to the same recipient.
	 * @param rateLimit the properties
	 * @return the interval, or {@code null} for no pacing per recipient
	 * @throws InvalidConfigurationPropertyValueException if it is set and not positive
	 */
	static @Nullable Duration perRecipientInterval(NxCloudProperties.RateLimit rateLimit) {
		Duration interval = rateLimit.getPerRecipientInterval();
		return (interval != null) ? checkPositive(PREFIX + "per-recipient-interval", interval) : null;
	}

	private static Duration checkPositive(String property, Duration duration) {
		if (duration.isNegative() || duration.isZero()) {
			throw new InvalidConfigurationPropertyValueException(property, duration, "Must be positive");
		}
		return duration;
	}

	@Override
	public @Nullable SendRate apply(String businessPhone) {
		return this.phones.getOrDefault(businessPhone, this.defaults);
	}

	private static void checkPhoneKey(String phone) {
		try {
			NxCloudValidation.requirePhone("business_phone", phone);
		}
		catch (NxCloudValidationException ex) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "phones", phone,
					"Keys are business phones as sends name them, which " + ex.getRule());
		}
	}

	private static double checkRate(String property, double messagesPerSecond) {
		if (!(messagesPerSecond > 0) || Double.isInfinite(messagesPerSecond)) {
			throw new InvalidConfigurationPropertyValueException(property, messagesPerSecond,
					"Must be a positive number of sends per second");
		}
		return messagesPerSecond;
	}

	private static int checkBurst(String property, int burst) {
		if (burst < 1) {
			throw new InvalidConfigurationPropertyValueException(property, burst, "Must be at least 1");
		}
		return burst;
	}

}
