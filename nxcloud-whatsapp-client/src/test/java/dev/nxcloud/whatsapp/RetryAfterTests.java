package dev.nxcloud.whatsapp;

import java.time.Duration;

import dev.nxcloud.whatsapp.testsupport.SteppedClock;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	/** 2026-01-01T00:00:00Z. */
	private final SteppedClock clock = new SteppedClock();

	private Duration retryAfter(String value) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Retry-After", value);
		return RetryAfter.of(headers, this.clock);
	}

	@Test
	void secondsAreTheWait() {
		assertThat(retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
		assertThat(retryAfter(" 120 ")).isEqualTo(Duration.ofMinutes(2));
		assertThat(retryAfter("0")).isEqualTo(Duration.ZERO);
	}

	@Test
	void aDateIsMeasuredFromTheClientsClock() {
		assertThat(retryAfter("Thu, 01 Jan 2026 00:00:03 GMT")).isEqualTo(Duration.ofSeconds(3));
		assertThat(retryAfter("Thursday, 01-Jan-26 00:01:00 GMT")).as("RFC 850, obsolete").isEqualTo(Duration.ofMinutes(1));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(retryAfter("Thu, 01 Jan 2026 00:00:03 GMT")).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void aDateAlreadyPastAsksForNoWait() {
		assertThat(retryAfter("Wed, 31 Dec 2025 23:59:00 GMT")).isEqualTo(Duration.ZERO);
	}

	@Test
	void anythingElseIsIgnored() {
		assertThat(RetryAfter.of(new HttpHeaders(), this.clock)).isNull();
		assertThat(retryAfter("")).isNull();
		assertThat(retryAfter("-5")).isNull();
		assertThat(retryAfter("1.5")).isNull();
		assertThat(retryAfter("soon")).isNull();
		assertThat(retryAfter("99999999999999999999")).isNull();
	}

}
