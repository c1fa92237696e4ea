package dev.nxcloud.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.SignAlgorithm;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookVerifier.Credentials;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookVerifier.Verification;
import dev.nxcloud.simulator.Signatures;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NxCloudWebhookVerifierTests {

	private static final long NOW = 1_700_000_000_000L;

	private static final byte[] BODY = "{\"statuses\":[{\"id\":\"m1\",\"status\":\"read\",\"note\":\"牛小信\"}]}"
		.getBytes(StandardCharsets.UTF_8);

	private final Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

	private NxCloudWebhookVerifier verifier(Credentials credentials) {
		return new NxCloudWebhookVerifier(new NxCloudSigner(SignAlgorithm.MD5), () -> credentials,
				Duration.ofMinutes(5), this.clock);
	}

	private final NxCloudWebhookVerifier verifier = verifier(new Credentials("key1", "secret1"));

	/** Headers as NxCloud sends them, signed independently of the starter's signer (the simulator's). */
	private static HttpHeaders signed(String ts, byte[] body, String secret, String algorithm) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("accesskey", "key1");
		headers.set("action", "dr");
		headers.set("biztype", "2");
		headers.set("ts", ts);
		headers.set("sign", Signatures.sign("key1", "dr", "2", ts, body, secret, algorithm));
		return headers;
	}

	private static HttpHeaders signed(byte[] body) {
		return signed(Long.toString(NOW), body, "secret1", Signatures.MD5);
	}

	@Test
	void aCallbackSignedWithTheSecretIsValid() {
		assertThat(this.verifier.verify(signed(BODY), BODY)).isEqualTo(Verification.VALID);
	}

	@Test
	void headerNamesAreMatchedCaseInsensitivelyAndTheSignatureInAnyCase() {
		HttpHeaders lower = signed(BODY);
		HttpHeaders mixed = new HttpHeaders();
		mixed.set("AccessKey", lower.getFirst("accesskey"));
		mixed.set("Action", lower.getFirst("action"));
		mixed.set("bizType", lower.getFirst("biztype"));
		mixed.set("TS", lower.getFirst("ts"));
		mixed.set("Sign", lower.getFirst("sign").toUpperCase(Locale.ROOT));
		assertThat(this.verifier.verify(mixed, BODY)).isEqualTo(Verification.VALID);
	}

	@Test
	void aTamperedBodyIsRefused() {
		byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("read", "sent")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(this.verifier.verify(signed(BODY), tampered)).isEqualTo(Verification.INVALID_SIGNATURE);
	}

	@Test
	void aTamperedHeaderIsRefused() {
		HttpHeaders headers = signed(BODY);
		headers.set("action", "mo");
		assertThat(this.verifier.verify(headers, BODY)).isEqualTo(Verification.INVALID_SIGNATURE);
	}

	@Test
	void anotherSecretIsRefused() {
		assertThat(this.verifier.verify(signed(Long.toString(NOW), BODY, "other", Signatures.MD5), BODY))
			.isEqualTo(Verification.INVALID_SIGNATURE);
	}

	@Test
	void aMissingHeaderIsRefused() {
		for (String header : new String[] { "accesskey", "action", "biztype", "ts", "sign" }) {
			HttpHeaders headers = signed(BODY);
			headers.remove(header);
			assertThat(this.verifier.verify(headers, BODY)).as(header).isEqualTo(Verification.MISSING_SIGNATURE);
		}
	}

	@Test
	void anotherAccountsAccessKeyIsRefusedButAnyIsAcceptedWhenNoneIsExpected() {
		HttpHeaders headers = signed(BODY);
		assertThat(verifier(new Credentials("key2", "secret1")).verify(headers, BODY))
			.isEqualTo(Verification.WRONG_ACCESS_KEY);
		assertThat(verifier(new Credentials(null, "secret1")).verify(headers, BODY)).isEqualTo(Verification.VALID);
	}

	@Test
	void withoutASecretEverythingIsRefused() {
		assertThat(verifier(new Credentials("key1", null)).verify(signed(BODY), BODY))
			.isEqualTo(Verification.NO_SECRET);
	}

	@Test
	void tsMustBeWithinTheClockSkewEitherWay() {
		long skew = Duration.ofMinutes(5).toMillis();
		assertThat(this.verifier.verify(signed(Long.toString(NOW - skew), BODY, "secret1", "md5"), BODY))
			.isEqualTo(Verification.VALID);
		assertThat(this.verifier.verify(signed(Long.toString(NOW + skew), BODY, "secret1", "md5"), BODY))
			.isEqualTo(Verification.VALID);
		assertThat(this.verifier.verify(signed(Long.toString(NOW - skew - 1), BODY, "secret1", "md5"), BODY))
			.isEqualTo(Verification.EXPIRED);
		assertThat(this.verifier.verify(signed(Long.toString(NOW + skew + 1), BODY, "secret1", "md5"), BODY))
			.isEqualTo(Verification.EXPIRED);
		assertThat(this.verifier.verify(signed("yesterday", BODY, "secret1", "md5"), BODY))
			.isEqualTo(Verification.EXPIRED);
	}

	@Test
	void tsInSecondsIsUnderstood() {
		assertThat(this.verifier.verify(signed(Long.toString(NOW / 1000), BODY, "secret1", "md5"), BODY))
			.isEqualTo(Verification.VALID);
		assertThat(this.verifier.verify(signed(Long.toString(NOW / 1000 - 3600), BODY, "secret1", "md5"), BODY))
			.isEqualTo(Verification.EXPIRED);
	}

	@Test
	void aZeroClockSkewDoesNotCheckTs() {
		NxCloudWebhookVerifier lenient = new NxCloudWebhookVerifier(new NxCloudSigner(SignAlgorithm.MD5),
				() -> new Credentials("key1", "secret1"), Duration.ZERO, this.clock);
		assertThat(lenient.verify(signed("1", BODY, "secret1", "md5"), BODY)).isEqualTo(Verification.VALID);
	}

	@Test
	void sha256WhenConfigured() {
		NxCloudWebhookVerifier sha256 = new NxCloudWebhookVerifier(new NxCloudSigner(SignAlgorithm.SHA256),
				() -> new Credentials("key1", "secret1"), Duration.ofMinutes(5), this.clock);
		String ts = Long.toString(NOW);
		assertThat(sha256.verify(signed(ts, BODY, "secret1", Signatures.SHA256), BODY)).isEqualTo(Verification.VALID);
		assertThat(sha256.verify(signed(ts, BODY, "secret1", Signatures.MD5), BODY))
			.isEqualTo(Verification.INVALID_SIGNATURE);
	}

	@Test
	void credentialsAreAskedForOnEveryCallback() {
		String[] secret = { null };
		NxCloudWebhookVerifier late = new NxCloudWebhookVerifier(new NxCloudSigner(SignAlgorithm.MD5),
				() -> new Credentials("key1", secret[0]), Duration.ofMinutes(5), this.clock);
		assertThat(late.verify(signed(BODY), BODY)).isEqualTo(Verification.NO_SECRET);
		secret[0] = "secret1";
		assertThat(late.verify(signed(BODY), BODY)).isEqualTo(Verification.VALID);
	}

	@Test
	void credentialsDoNotShowTheSecret() {
		assertThat(new Credentials("key1", "secret1").toString()).doesNotContain("secret1");
	}

	@Test
	void nullCollaboratorsAndNullRequestsAreRefusedByName() {
		NxCloudSigner signer = new NxCloudSigner(SignAlgorithm.MD5);
		Duration skew = Duration.ofMinutes(5);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookVerifier(null, () -> null, skew, this.clock))
			.withMessage("signer must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new NxCloudWebhookVerifier(signer, null, skew, this.clock))
			.withMessage("credentials must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookVerifier(signer, () -> null, null, this.clock))
			.withMessage("maxClockSkew must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> new NxCloudWebhookVerifier(signer, () -> null, skew, null))
			.withMessage("clock must not be null");
		assertThatExceptionOfType(NxCloudValidationException.class).isThrownBy(() -> this.verifier.verify(null, BODY))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("headers"));
		assertThatExceptionOfType(NxCloudValidationException.class)
			.isThrownBy(() -> this.verifier.verify(signed(BODY), null))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("body"));
	}

}
