package dev.nxcloud.boot.autoconfigure;

import java.time.Duration;

import dev.nxcloud.whatsapp.SignAlgorithm;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the endpoint that receives NxCloud's callbacks ({@code nxcloud.webhook.*}).
 */
@ConfigurationProperties("nxcloud.webhook")
public class NxCloudWebhookProperties {

	/**
	 * Whether to expose the webhook endpoint in a web application. Off unless turned on; when on, turn
	 * 'nxcloud.webhook.verify-signature' on too, or anyone who finds the endpoint can forge callbacks.
	 */
	private boolean enabled;

	/**
	 * Path of the webhook endpoint, to which NxCloud POSTs callbacks. The endpoint owns the path: it answers other
	 * methods with 405, before any controller of the application's own mapped on the same path is asked.
	 */
	private String path = "/nxcloud/webhook";

	/**
	 * Whether to refuse callbacks without a valid signature (401). Turn on once callback signing is configured for
	 * the NxCloud app; while off (and no NxCloudWebhookVerifier bean is defined), the endpoint accepts forged
	 * callbacks and a warning says so at start-up.
	 */
	private boolean verifySignature;

	/**
	 * Access key that signed callbacks must name, when it differs from the account's 'nxcloud.access-key'.
	 */
	private @Nullable String accessKey;

	/**
	 * Access secret to verify callback signatures with, when it differs from the account's
	 * 'nxcloud.access-secret'. Never logged or exposed.
	 */
	private @Nullable String accessSecret;

	/**
	 * Hash callbacks are signed with: 'md5' (NxCloud's default) or 'sha256'.
	 */
	private SignAlgorithm signAlgorithm = SignAlgorithm.MD5;

	/**
	 * How far a signed callback's 'ts' may be from this application's clock, either way. Zero disables the check.
	 */
	private Duration maxClockSkew = Duration.ofMinutes(5);

	private final Deduplication deduplication = new Deduplication();

	/**
	 * Largest callback body accepted, from 1B to 1GB; a larger one is answered with 413 without being read further
	 * or handled.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public boolean isVerifySignature() {
		return this.verifySignature;
	}

	public void setVerifySignature(boolean verifySignature) {
		this.verifySignature = verifySignature;
	}

	public @Nullable String getAccessKey() {
		return this.accessKey;
	}

	public void setAccessKey(@Nullable String accessKey) {
		this.accessKey = accessKey;
	}

	public @Nullable String getAccessSecret() {
		return this.accessSecret;
	}

	public void setAccessSecret(@Nullable String accessSecret) {
		this.accessSecret = accessSecret;
	}

	public SignAlgorithm getSignAlgorithm() {
		return this.signAlgorithm;
	}

	public void setSignAlgorithm(SignAlgorithm signAlgorithm) {
		this.signAlgorithm = signAlgorithm;
	}

	public Duration getMaxClockSkew() {
		return this.maxClockSkew;
	}

	public void setMaxClockSkew(Duration maxClockSkew) {
		this.maxClockSkew = maxClockSkew;
	}

	public Deduplication getDeduplication() {
		return this.deduplication;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	/**
	 * How redeliveries of an event already handled are recognised ({@code nxcloud.webhook.deduplication.*}).
	 */
	public static class Deduplication {

		/**
		 * Where handled events are remembered: 'memory' (each instance on its own, forgotten on restart) or 'redis'
		 * (shared by every instance and kept across restarts, through the application's Spring Data Redis
		 * connection).
		 */
		private NxCloudStoreType store = NxCloudStoreType.MEMORY;

		/**
		 * How many recently handled events the in-memory store remembers. Zero disables the check. Not used by the
		 * Redis store, whose entries expire after the time to live.
		 */
		private int capacity = 10_000;

		/**
		 * How long a handled event is remembered; WhatsApp redelivers a callback for up to 7 days.
		 */
		private Duration timeToLive = Duration.ofDays(7);

		/**
		 * How long an event being handed over is claimed before its listeners succeed (it is then remembered for the
		 * time to live) or fail (it is then released). Redeliveries meanwhile are answered 503, so that NxCloud
		 * delivers them again later. When the store cannot be told the outcome (Redis went away), the claim expires
		 * after this long and the next redelivery is handed over. Longer than a listener takes; short next to
		 * NxCloud's redelivery schedule (documented as once a minute for an hour for other callbacks). At most the
		 * time to live.
		 */
		private Duration claimTimeout = Duration.ofMinutes(5);

		public NxCloudStoreType getStore() {
			return this.store;
		}

		public void setStore(NxCloudStoreType store) {
			this.store = store;
		}

		public int getCapacity() {
			return this.capacity;
		}

		public void setCapacity(int capacity) {
			this.capacity = capacity;
		}

		public Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public Duration getClaimTimeout() {
			return this.claimTimeout;
		}

		public void setClaimTimeout(Duration claimTimeout) {
			this.claimTimeout = claimTimeout;
		}

	}

}
