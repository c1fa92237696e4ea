package dev.nxcloud.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.NxCloudSigner.SignedHeaders;
import dev.nxcloud.whatsapp.NxCloudValidation;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * Checks the signature NxCloud puts on callbacks when the app has callback signing configured: headers
 * {@code accesskey}, {@code action}, {@code biztype}, {@code ts} and {@code sign} (matched case-insensitively), the
 * signature being NxCloud's request signature over the raw body with the account's access secret. The signature is
 * compared in constant time, and {@code ts} must be within the allowed clock skew. Instances are immutable and
 * thread-safe.
 */
public final class NxCloudWebhookVerifier {

	private final NxCloudSigner signer;

	private final Supplier<Credentials> credentials;

	private final Duration maxClockSkew;

	private final Clock clock;

	/**
	 * Create a verifier.
	 * @param signer the signer, with the algorithm callbacks are signed with
	 * @param credentials supplies the credentials to verify with; asked on every callback, so they may become known
	 * late
	 * @param maxClockSkew how far {@code ts} may be from now, either way; zero or negative to not check {@code ts}
	 * @param clock the clock {@code ts} is compared with
	 */
	public NxCloudWebhookVerifier(NxCloudSigner signer, Supplier<Credentials> credentials, Duration maxClockSkew,
			Clock clock) {
		Assert.notNull(signer, "signer must not be null");
		Assert.notNull(credentials, "credentials must not be null");
		Assert.notNull(maxClockSkew, "maxClockSkew must not be null");
		Assert.notNull(clock, "clock must not be null");
		this.signer = signer;
		this.credentials = credentials;
		this.maxClockSkew = maxClockSkew;
		this.clock = clock;
	}

	/**
	 * Verify a callback.
	 * @param headers the request headers
	 * @param body the raw request body
	 * @return the outcome; only {@link Verification#VALID} means the callback may be trusted
	 * @throws dev.nxcloud.whatsapp.error.NxCloudValidationException if the headers or the body are {@code null}
	 */
	public Verification verify(HttpHeaders headers, byte[] body) {
		NxCloudValidation.requireNonNull("headers", headers);
		NxCloudValidation.requireNonNull("body", body);
		String accessKey = headers.getFirst("accesskey");
		String action = headers.getFirst("action");
		String bizType = headers.getFirst("biztype");
		String ts = headers.getFirst("ts");
		String sign = headers.getFirst("sign");
		if (accessKey == null || action == null || bizType == null || ts == null || sign == null || sign.isEmpty()) {
			return Verification.MISSING_SIGNATURE;
		}
		Credentials credentials = this.credentials.get();
		String secret = credentials.accessSecret();
		if (secret == null || secret.isEmpty()) {
			return Verification.NO_SECRET;
		}
		if (credentials.accessKey() != null && !constantTimeEquals(credentials.accessKey(), accessKey)) {
			return Verification.WRONG_ACCESS_KEY;
		}
		if (!this.signer.verify(new SignedHeaders(accessKey, action, bizType, ts), body, secret, sign)) {
			return Verification.INVALID_SIGNATURE;
		}
		return withinClockSkew(ts) ? Verification.VALID : Verification.EXPIRED;
	}

	private boolean withinClockSkew(String ts) {
		if (this.maxClockSkew.isZero() || this.maxClockSkew.isNegative()) {
			return true;
		}
		long millis;
		try {
			millis = Long.parseLong(ts.trim());
		}
		catch (NumberFormatException ex) {
			return false;
		}
		if (millis < 0) {
			return false;
		}
		if (millis < 100_000_000_000L) {
			// ten digits or fewer: seconds rather than NxCloud's usual milliseconds
			millis *= 1000L;
		}
		long skew = Math.abs(this.clock.millis() - millis);
		return skew <= this.maxClockSkew.toMillis();
	}

	private static boolean constantTimeEquals(String expected, String actual) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The credentials a callback is verified with.
	 *
	 * @param accessKey the access key the callback must name in its {@code accesskey} header, or {@code null} to
	 * accept whichever it names
	 * @param accessSecret the access secret, or {@code null} when none is configured (every callback is then
	 * refused)
	 */
	public record Credentials(@Nullable String accessKey, @Nullable String accessSecret) {

		@Override
		public String toString() {
			return "Credentials[accessKey=" + this.accessKey + ", accessSecret="
					+ ((this.accessSecret != null) ? "******" : null) + "]";
		}

	}

	/**
	 * The outcome of verifying a callback. The descriptions are safe to log: they name no header value.
	 */
	public enum Verification {

		/** The signature is valid and {@code ts} is recent. */
		VALID("valid"),
		/** A signature header is missing. */
		MISSING_SIGNATURE("a signature header (accesskey, action, biztype, ts, sign) is missing"),
		/** No access secret is configured to verify with. */
		NO_SECRET("no access secret is configured to verify it with"),
		/** The callback names another account's access key. */
		WRONG_ACCESS_KEY("it names another access key"),
		/** The signature does not match. */
		INVALID_SIGNATURE("the signature does not match"),
		/** The signature matches but {@code ts} is too far from now. */
		EXPIRED("its ts is outside the allowed clock skew");

		private final String description;

		Verification(String description) {
			this.description = description;
		}

		/**
		 * A description that is safe to log.
		 * @return the description
		 */
		public String description() {
			return this.description;
		}

	}

}
