package dev.nxcloud.simulator.state;

/**
 * An NxCloud customer account: the access key sent in the {@code accessKey} header and the secret that signs requests.
 *
 * @param accessKey the access key
 * @param accessSecret the access secret
 * @param integrator whether the account is an integrator, the only kind of account that {@code createApp} serves
 * (others get 9007, "Non-integrator request")
 */
public record Account(String accessKey, String accessSecret, boolean integrator) {

	/**
	 * An integrator account, like the demo account.
	 * @param accessKey the access key
	 * @param accessSecret the access secret
	 */
	public Account(String accessKey, String accessSecret) {
		this(accessKey, accessSecret, true);
	}

}
