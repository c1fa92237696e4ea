package dev.nxcloud.whatsapp.error;

import java.time.Duration;

/**
 * A send was refused by the client's own send rate limiter: its business phone's next slot was further away than the
 * longest wait the client allows, because more sends are offered than the rate lets go. The send took no slot and was
 * failed before anything was sent: {@link #mayHaveReachedNxCloud()} is {@code false} and the failure is transient, so
 * the send is {@linkplain #isRetryable() safe to repeat} later, once the phone's backlog has drained.
 */
public class NxCloudRateLimitExceededException extends NxCloudException {

	private final String businessPhone;

	private final Duration maxWait;

	/**
	 * Create the exception.
	 * @param operation the send that was refused
	 * @param businessPhone the sending phone whose slot was too far away
	 * @param maxWait the longest wait allowed
	 * @param maxWaitSetting the name of the setting of the longest wait, for the message
	 */
	public NxCloudRateLimitExceededException(String operation, String businessPhone, Duration maxWait,
			String maxWaitSetting) {
		super(operation, null, null, null, true, false, "the next send slot of business phone " + businessPhone
				+ " is more than " + maxWaitSetting + " (" + maxWait + ") away; nothing was sent", null);
		this.businessPhone = businessPhone;
		this.maxWait = maxWait;
	}

	/**
	 * The sending phone whose slot was too far away.
	 * @return the business phone
	 */
	public String getBusinessPhone() {
		return this.businessPhone;
	}

	/**
	 * The longest wait the client allowed.
	 * @return the wait
	 */
	public Duration getMaxWait() {
		return this.maxWait;
	}

}
