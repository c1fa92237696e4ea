package dev.nxcloud.simulator;

/**
 * The credentials and ids of the built-in demo seed, accepted out of the box.
 *
 * @param accessKey the access key
 * @param accessSecret the access secret
 * @param appId the demo app id
 * @param appKey the demo app key
 * @param businessPhone the demo app's connected business phone
 * @param tenantId the demo SaaS tenant id
 */
public record DemoAccount(String accessKey, String accessSecret, long appId, String appKey, String businessPhone,
		long tenantId) {

	/** The values of the built-in demo seed ({@code demo-seed.json}). */
	public static final DemoAccount DEFAULT = new DemoAccount("simdemoaccesskey", "simdemosecret0123", 1000,
			"simDemo1", "15550000001", 1);

}
