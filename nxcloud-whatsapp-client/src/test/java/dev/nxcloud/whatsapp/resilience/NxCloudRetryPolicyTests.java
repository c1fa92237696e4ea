package dev.nxcloud.whatsapp.resilience;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudRetryPolicy;
import dev.nxcloud.whatsapp.NxCloudSetting;
import dev.nxcloud.whatsapp.error.MetaError;
import dev.nxcloud.whatsapp.error.NxCloudApiException;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.error.NxCloudHttpStatusException;
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
		NxCloudException undocumented = NxCloudApiException.from("sendMessage", 12345, null, null, null,
				NxCloudSetting::builderCall);
		assertThat(undocumented.mayHaveReachedNxCloud()).as("an undocumented code says nothing certain").isTrue();
		assertThat(undocumented.isRetryable()).isFalse();
	}

	@Test
	void aSendRefusedForGoingTooFastWasNotSentAndIsRetried() {
		for (NxCloudOperation operation : NxCloudOperation.values()) {
			for (NxCloudException refused : List.of(meta(operation, 130429), meta(operation, 131056),
					new NxCloudHttpStatusException(operation.operationName(), 429, null, null, null))) {
				assertThat(refused.isTransient()).isTrue();
				assertThat(refused.mayHaveReachedNxCloud()).as("%s: %s", operation, refused).isFalse();
				assertThat(refused.isRetryable()).as("%s: %s", operation, refused).isTrue();
				assertThat(this.exact.allowsRetry(refused)).isTrue();
			}
		}
	}

	@Test
	void otherTransientWhatsAppErrorsOfASendMayHaveBeenActedOnAndAreNotRetried() {
		for (int code : new int[] { 1, 2, 4, 17, 80007, 131000, 131016, 131048 }) {
			NxCloudException temporary = meta(NxCloudOperation.SEND_MESSAGE, code);
			assertThat(temporary.isTransient()).as("Meta code %d", code).isTrue();
			assertThat(temporary.mayHaveReachedNxCloud()).as("Meta code %d", code).isTrue();
			assertThat(temporary.isRetryable()).as("Meta code %d", code).isFalse();
			assertThat(meta(NxCloudOperation.GET_PHONE, code).isRetryable()).as("a read, Meta code %d", code).isTrue();
		}
		NxCloudException invalid = meta(NxCloudOperation.SEND_MESSAGE, 100);
		assertThat(invalid.isTransient()).isFalse();
		assertThat(invalid.mayHaveReachedNxCloud()).as("a definite rejection").isFalse();
		assertThat(invalid.isRetryable()).isFalse();
		assertThat(new NxCloudHttpStatusException("sendMessage", 503, null, null, null).isRetryable()).isFalse();
	}

	@Test
	void theWaitBeforeARetryIsTheOneTheAnswerAskedForExactlyElseTheBackoff() {
		NxCloudRetryPolicy jittered = new NxCloudRetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5), 0.5);
		NxCloudException tooManyRequests = new NxCloudHttpStatusException("sendMessage", 429, null, null, null);
		assertThat(jittered.delayBefore(1, tooManyRequests)).isBetween(Duration.ofMillis(50), Duration.ofMillis(150));
		tooManyRequests.withRetryAfter(Duration.ofSeconds(2));
		for (int retry = 1; retry <= 2; retry++) {
			assertThat(jittered.delayBefore(retry, tooManyRequests)).isEqualTo(Duration.ofSeconds(2));
		}
		assertThat(jittered.allowsRetry(tooManyRequests)).isTrue();
		assertThat(jittered.delayBefore(1, new IllegalStateException())).isBetween(Duration.ofMillis(50),
				Duration.ofMillis(150));
	}

	@Test
	void aWaitLongerThanTheLongestBackoffIsNotWaited() {
		NxCloudException tooManyRequests = new NxCloudHttpStatusException("sendMessage", 429, null, null, null)
			.withRetryAfter(Duration.ofMillis(501));
		assertThat(this.exact.allowsRetry(tooManyRequests)).isFalse();
		tooManyRequests.withRetryAfter(Duration.ofMillis(500));
		assertThat(this.exact.allowsRetry(tooManyRequests)).isTrue();
	}

	private static NxCloudException meta(NxCloudOperation operation, int metaCode) {
		return NxCloudApiException.from(operation.operationName(), 9099, "WhatsApp error", null,
				new MetaError(metaCode, "(#" + metaCode + ")", null, null, null), NxCloudSetting::builderCall);
	}

	private static NxCloudException serverFailure(String operation) {
		return NxCloudApiException.from(operation, -1, null, null, null, NxCloudSetting::builderCall);
	}

	private static NxCloudException timeout(String operation) {
		return new NxCloudTimeoutException(operation, Duration.ofSeconds(1), "responseTimeout", null);
	}

}
