package dev.nxcloud.boot.autoconfigure.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of NxCloud's health contributor ({@code management.health.nxcloud.*}).
 */
@ConfigurationProperties("management.health.nxcloud")
public class NxCloudHealthProperties {

	/**
	 * Business phones to watch (digits with country code, no '+'). When empty, every phone of the configured app
	 * ('nxcloud.app-key') is watched.
	 */
	private List<String> businessPhones = new ArrayList<>();

	/**
	 * How long a check's result is reused before NxCloud is asked again, so that frequent probes do not hammer
	 * NxCloud.
	 */
	private Duration timeToLive = Duration.ofSeconds(30);

	/**
	 * Maximum time a check may take; a check that takes longer reports DOWN.
	 */
	private Duration timeout = Duration.ofSeconds(5);

	private final QualityRating qualityRating = new QualityRating();

	public List<String> getBusinessPhones() {
		return this.businessPhones;
	}

	public void setBusinessPhones(List<String> businessPhones) {
		this.businessPhones = businessPhones;
	}

	public Duration getTimeToLive() {
		return this.timeToLive;
	}

	public void setTimeToLive(Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public QualityRating getQualityRating() {
		return this.qualityRating;
	}

	/**
	 * The health status reported for a watched phone's quality rating.
	 */
	public static class QualityRating {

		/**
		 * Health status reported when a watched phone's quality rating is YELLOW (medium quality): 'UP', 'DOWN',
		 * 'OUT_OF_SERVICE' or a custom status.
		 */
		private String yellow = "UP";

		/**
		 * Health status reported when a watched phone's quality rating is RED (low quality, the number may soon be
		 * flagged and its messaging tier lowered): 'DOWN', 'UP', 'OUT_OF_SERVICE' or a custom status.
		 */
		private String red = "DOWN";

		public String getYellow() {
			return this.yellow;
		}

		public void setYellow(String yellow) {
			this.yellow = yellow;
		}

		public String getRed() {
			return this.red;
		}

		public void setRed(String red) {
			this.red = red;
		}

	}

}
