package dev.nxcloud.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Reads an answer's {@code Retry-After} header (RFC 9110 §10.2.3): a number of seconds, or an HTTP date, which is
 * measured from the client's clock.
 */
final class RetryAfter {

	private static final int MAX_SECONDS_DIGITS = 18;

	private RetryAfter() {
	}

	/**
	 * The wait the header asks for.
	 * @param headers the answer's headers
	 * @param clock the clock a date is measured from
	 * @return the wait, zero for a date already past; {@code null} when there is no header or it is neither a
	 * number of seconds nor a date
	 */
	static @Nullable Duration of(HttpHeaders headers, Clock clock) {
		String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.length() <= MAX_SECONDS_DIGITS && trimmed.chars().allMatch(Character::isDigit)) {
			return Duration.ofSeconds(Long.parseLong(trimmed));
		}
		try {
			Duration untilDate = Duration.between(clock.instant(),
					Instant.ofEpochMilli(headers.getFirstDate(HttpHeaders.RETRY_AFTER)));
			return untilDate.isNegative() ? Duration.ZERO : untilDate;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
