package dev.nxcloud.boot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.nxcloud.whatsapp.SignAlgorithm;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the NxCloud WhatsApp client ({@code nxcloud.*}).
 */
@ConfigurationProperties("nxcloud")
public class NxCloudProperties {

	/**
	 * Access key of the NxCloud account, sent in the 'accessKey' header.
	 */
	private @Nullable String accessKey;

	/**
	 * Access secret of the NxCloud account. Only used to compute request signatures; never sent, logged or exposed.
	 */
	private @Nullable String accessSecret;

	/**
	 * Hash used for request signatures: 'md5' (NxCloud's default) or 'sha256' (announced with the 'algorithm'
	 * header).
	 */
	private SignAlgorithm signAlgorithm = SignAlgorithm.MD5;

	/**
	 * Base URL of NxCloud's WhatsApp API host, which serves createApp, otp, getPhone and the general send (mt).
	 */
	private String apiUrl = "https://api2.nxcloud.com";

	/**
	 * Base URL of NxCloud's SaaS host, which serves templates, flows, media upload and the template send.
	 */
	private String saasUrl = "https://api.nxcloud.com";

	/**
	 * Default WhatsApp app key, applied to any request that leaves 'appkey' out.
	 */
	private @Nullable String appKey;

	/**
	 * Default sending business phone (digits with country code, no '+'), applied to any request that leaves it out.
	 */
	private @Nullable String businessPhone;

	/**
	 * Default SaaS tenant id, applied to any SaaS request that leaves 'tenant_id' out.
	 */
	private @Nullable Long tenantId;

	/**
	 * Maximum time to establish a connection to NxCloud.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Maximum time for one attempt of a call, from its start (connecting included) to the last byte of NxCloud's
	 * response. The wait for a free connection of a pool that has run dry is bounded by the pool's pending-acquire
	 * timeout instead.
	 */
	private Duration responseTimeout = Duration.ofSeconds(30);

	/**
	 * Maximum time for one attempt of a media upload, from its start (connecting included) to the last byte of
	 * NxCloud's response.
	 */
	private Duration uploadTimeout = Duration.ofMinutes(5);

	private final Retry retry = new Retry();

	private final RateLimit rateLimit = new RateLimit();

	private final Bulk bulk = new Bulk();

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

	public String getApiUrl() {
		return this.apiUrl;
	}

	public void setApiUrl(String apiUrl) {
		this.apiUrl = apiUrl;
	}

	public String getSaasUrl() {
		return this.saasUrl;
	}

	public void setSaasUrl(String saasUrl) {
		this.saasUrl = saasUrl;
	}

	public @Nullable String getAppKey() {
		return this.appKey;
	}

	public void setAppKey(@Nullable String appKey) {
		this.appKey = appKey;
	}

	public @Nullable String getBusinessPhone() {
		return this.businessPhone;
	}

	public void setBusinessPhone(@Nullable String businessPhone) {
		this.businessPhone = businessPhone;
	}

	public @Nullable Long getTenantId() {
		return this.tenantId;
	}

	public void setTenantId(@Nullable Long tenantId) {
		this.tenantId = tenantId;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getResponseTimeout() {
		return this.responseTimeout;
	}

	public void setResponseTimeout(Duration responseTimeout) {
		this.responseTimeout = responseTimeout;
	}

	public Duration getUploadTimeout() {
		return this.uploadTimeout;
	}

	public void setUploadTimeout(Duration uploadTimeout) {
		this.uploadTimeout = uploadTimeout;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	public Bulk getBulk() {
		return this.bulk;
	}

	/**
	 * Retries of failed calls. Reads are retried on transient failures; message sends and other operations that are
	 * not idempotent only when the connection could not be established.
	 */
	public static class Retry {

		/**
		 * Whether failed calls are retried.
		 */
		private boolean enabled = true;

		/**
		 * Maximum number of attempts per call, the first included.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry; it doubles with each further retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Longest wait between two attempts. A refusal whose Retry-After asks for longer is not retried: it fails at
		 * once, with the wait asked for in the exception.
		 */
		private Duration maxBackoff = Duration.ofSeconds(2);

		/**
		 * Share of each backoff that is randomised, from 0 to 1, so that clients do not retry in step. A wait that
		 * NxCloud asked for with Retry-After is kept exactly, without jitter.
		 */
		private double jitter = 0.5;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * Pacing of message sends per business phone (a token bucket per phone that holds up to 'burst' sends and
	 * refills at 'messages-per-second') and, optionally, per recipient.
	 */
	public static class RateLimit {

		/**
		 * Where the buckets are kept: 'memory' (each instance paces its own sends) or 'redis' (one bucket per phone
		 * shared by every instance, through the application's Spring Data Redis connection).
		 */
		private NxCloudStoreType store = NxCloudStoreType.MEMORY;

		/**
		 * Maximum message sends per second and business phone; sends beyond it wait for their turn rather than fail.
		 * Not set: no pacing, except for the phones listed under 'phones'.
		 */
		private @Nullable Double messagesPerSecond;

		/**
		 * Shortest time between two message sends from a business phone to the same recipient, for senders that hit
		 * WhatsApp's pair rate limit (error 131056; WhatsApp allows about one message every 6 s to the same
		 * recipient); later sends wait for their turn rather than fail. Not set: no pacing per recipient.
		 */
		private @Nullable Duration perRecipientInterval;

		/**
		 * How many sends of a phone may go at once after a quiet period, on top of the rate. 1: sends are evenly
		 * spaced.
		 */
		private int burst = 1;

		/**
		 * Longest a message send waits for its business phone's slot. A send whose slot is further away takes none and
		 * fails at once with NxCloudRateLimitExceededException (nothing sent, safe to send again later), so that sends
		 * offered faster than the rate fail fast instead of waiting ever longer, and the slots a crashed instance had
		 * reserved in a shared store delay the others by at most this.
		 */
		private Duration maxWait = Duration.ofSeconds(30);

		/**
		 * Rate and burst of single business phones (digits with country code, no '+' or spaces, as sends name them: any
		 * other key fails start-up), overriding the defaults above, for numbers whose limits differ (20 sends per
		 * second for a number shared with the WhatsApp Business app, 80 by default, 1,000 after an upgrade).
		 */
		private final Map<String, Phone> phones = new LinkedHashMap<>();

		public NxCloudStoreType getStore() {
			return this.store;
		}

		public void setStore(NxCloudStoreType store) {
			this.store = store;
		}

		public @Nullable Double getMessagesPerSecond() {
			return this.messagesPerSecond;
		}

		public void setMessagesPerSecond(@Nullable Double messagesPerSecond) {
			this.messagesPerSecond = messagesPerSecond;
		}

		public @Nullable Duration getPerRecipientInterval() {
			return this.perRecipientInterval;
		}

		public void setPerRecipientInterval(@Nullable Duration perRecipientInterval) {
			this.perRecipientInterval = perRecipientInterval;
		}

		public int getBurst() {
			return this.burst;
		}

		public void setBurst(int burst) {
			this.burst = burst;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public Map<String, Phone> getPhones() {
			return this.phones;
		}

		/**
		 * The pace of one business phone.
		 */
		public static class Phone {

			/**
			 * Maximum message sends per second of this phone. Not set: 'nxcloud.rate-limit.messages-per-second'.
			 */
			private @Nullable Double messagesPerSecond;

			/**
			 * How many sends of this phone may go at once after a quiet period. Not set: 'nxcloud.rate-limit.burst'.
			 */
			private @Nullable Integer burst;

			public @Nullable Double getMessagesPerSecond() {
				return this.messagesPerSecond;
			}

			public void setMessagesPerSecond(@Nullable Double messagesPerSecond) {
				this.messagesPerSecond = messagesPerSecond;
			}

			public @Nullable Integer getBurst() {
				return this.burst;
			}

			public void setBurst(@Nullable Integer burst) {
				this.burst = burst;
			}

		}

	}

	/**
	 * Bulk sending.
	 */
	public static class Bulk {

		/**
		 * Maximum sends in flight at once when sending a stream of messages.
		 */
		private int concurrency = 16;

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

	}

}
