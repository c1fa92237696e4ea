package dev.nxcloud.whatsapp.resilience;

import java.net.ConnectException;
import java.time.Duration;

import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudRetryPolicy;
import dev.nxcloud.whatsapp.error.NxCloudApiException;
import dev.nxcloud.whatsapp.error.NxCloudConnectException;
import dev.nxcloud.whatsapp.error.NxCloudTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudRetryPolicyTests {

	private final NxCloudRetryPolicy exact = new NxCloudRetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(500), 0);

	@Test
	void backoffDoublesUpToTheMaximum() {
		assertThat(this.exact.backoff(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(this.exact.backoff(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(this.exact.backoff(3)).isEqualTo(Duration.ofMillis(400));
		assertThat(this.exact.backoff(4)).isEqualTo(Duration.ofMillis(500));
		assertThat(this.exact.backoff(64)).isEqualTo(Duration.ofMillis(500));
	}

	@Test
	void jitterStaysWithinItsShare() {
		NxCloudRetryPolicy jittered = new NxCloudRetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2), 0.5);
		for (int i = 0; i < 1000; i++) {
			assertThat(jittered.backoff(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(300));
		}
	}

	@Test
	void readsRetryTransientFailuresSendsOnlyFailedConnections() {
		NxCloudApiException serverFailure = NxCloudApiException.from("x", -1, null, null, null);
		NxCloudApiException badSignature = NxCloudApiException.from("x", 1003, null, null, null);
		NxCloudTimeoutException timeout = new NxCloudTimeoutException("x", Duration.ofSeconds(1), null);
		NxCloudConnectException refused = new NxCloudConnectException("x", new ConnectException("refused"));
		assertThat(this.exact.allowsRetry(NxCloudOperation.GET_PHONE, serverFailure)).isTrue();
		assertThat(this.exact.allowsRetry(NxCloudOperation.LIST_FLOWS, timeout)).isTrue();
		assertThat(this.exact.allowsRetry(NxCloudOperation.GET_PHONE, badSignature)).isFalse();
		assertThat(this.exact.allowsRetry(NxCloudOperation.SEND_MESSAGE, serverFailure)).isFalse();
		assertThat(this.exact.allowsRetry(NxCloudOperation.SEND_OTP, timeout)).isFalse();
		assertThat(this.exact.allowsRetry(NxCloudOperation.UPLOAD_MEDIA, refused)).isTrue();
		assertThat(this.exact.allowsRetry(NxCloudOperation.DELETE_TEMPLATE, timeout)).isFalse();
		assertThat(this.exact.allowsRetry(NxCloudOperation.GET_PHONE, new IllegalStateException())).isFalse();
	}

}
