package dev.nxcloud.whatsapp.error;

/**
 * A send could not get its slot because the send rate limiter's shared store (for example Redis, shared by every
 * instance of the application) could not be reached. The send was failed before anything was sent, rather than sent
 * unpaced: {@link #mayHaveReachedNxCloud()} is {@code false} and the failure is transient, so the send is
 * {@linkplain #isRetryable() safe to repeat} once the store is back.
 */
public class NxCloudRateLimitUnavailableException extends NxCloudException {

	private final String businessPhone;

	/**
	 * Create the exception.
	 * @param businessPhone the sending phone whose slot could not be taken
	 * @param cause why the store could not be used
	 */
	public NxCloudRateLimitUnavailableException(String businessPhone, Throwable cause) {
		super(null, null, null, null, true, false, "the send rate limit of business phone " + businessPhone
				+ " could not be checked (" + cause.getMessage() + "); nothing was sent", cause);
		this.businessPhone = businessPhone;
	}

	/**
	 * The sending phone whose slot could not be taken.
	 * @return the business phone
	 */
	public String getBusinessPhone() {
		return this.businessPhone;
	}

}
