package dev.nxcloud.whatsapp.resilience;

import java.net.ConnectException;
import java.time.Duration;

import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudRetryPolicy;
import dev.nxcloud.whatsapp.NxCloudSetting;
import dev.nxcloud.whatsapp.error.MetaError;
import dev.nxcloud.whatsapp.error.NxCloudApiException;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
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
		assertThat(this.exact.allowsRetry(serverFailure("getPhone"))).isTrue();
		assertThat(this.exact.allowsRetry(timeout("listFlows"))).isTrue();
		assertThat(this.exact.allowsRetry(NxCloudApiException.from("getPhone", 1003, null, null, null, NxCloudSetting::builderCall)))
			.isFalse();
		assertThat(this.exact.allowsRetry(serverFailure("sendMessage"))).isFalse();
		assertThat(this.exact.allowsRetry(timeout("sendOtp"))).isFalse();
		assertThat(this.exact.allowsRetry(new NxCloudConnectException("uploadMedia", new ConnectException("refused"))))
			.isTrue();
		assertThat(this.exact.allowsRetry(timeout("deleteTemplate"))).isFalse();
		assertThat(this.exact.allowsRetry(new IllegalStateException())).isFalse();
	}

	@Test
	void theRetryHintNeverRepeatsASendThatMayHaveReachedNxCloud() {
		for (NxCloudOperation operation : NxCloudOperation.values()) {
			NxCloudException timeout = timeout(operation.operationName());
			NxCloudException codeMinusOne = serverFailure(operation.operationName());
			NxCloudException refused = new NxCloudConnectException(operation.operationName(),
					new ConnectException("refused"));
			assertThat(timeout.mayHaveReachedNxCloud()).isTrue();
			assertThat(codeMinusOne.mayHaveReachedNxCloud()).isTrue();
			assertThat(refused.mayHaveReachedNxCloud()).isFalse();
			assertThat(timeout.isTransient()).isTrue();
			assertThat(timeout.isRetryable()).as(operation.name()).isEqualTo(operation.isReadOnly());
			assertThat(codeMinusOne.isRetryable()).as(operation.name()).isEqualTo(operation.isReadOnly());
			assertThat(refused.isRetryable()).as(operation.name()).isTrue();
		}
		assertThat(new NxCloudValidationException("to", "is required").mayHaveReachedNxCloud()).isFalse();
	}

	@Test
	void aDefiniteRejectionTookNoEffectAndIsNotRetried() {
		for (int code : new int[] { 1003, 9000, 9003, 10005 }) {
			NxCloudException rejected = NxCloudApiException.from("sendMessage", code, null, null, null,
					NxCloudSetting::builderCall);
			assertThat(rejected.mayHaveReachedNxCloud()).as("code %d", code).isFalse();
			assertThat(rejected.isRetryable()).as("code %d", code).isFalse();
		}
		NxCloudException throttled = NxCloudApiException.from("sendMessage", 9099, null, null,
				new MetaError(130429, "Rate limit hit", null, null, null), NxCloudSetting::builderCall);
		assertThat(throttled.isTransient()).isTrue();
		assertThat(throttled.mayHaveReachedNxCloud()).isTrue();
		assertThat(throttled.isRetryable()).isFalse();
		NxCloudException undocumented = NxCloudApiException.from("sendMessage", 12345, null, null, null,
				NxCloudSetting::builderCall);
		assertThat(undocumented.mayHaveReachedNxCloud()).as("an undocumented code says nothing certain").isTrue();
		assertThat(undocumented.isRetryable()).isFalse();
	}

	private static NxCloudException serverFailure(String operation) {
		return NxCloudApiException.from(operation, -1, null, null, null, NxCloudSetting::builderCall);
	}

	private static NxCloudException timeout(String operation) {
		return new NxCloudTimeoutException(operation, Duration.ofSeconds(1), "responseTimeout", null);
	}

}
