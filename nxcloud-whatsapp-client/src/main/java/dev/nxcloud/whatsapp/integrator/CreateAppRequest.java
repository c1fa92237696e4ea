package dev.nxcloud.whatsapp.integrator;

/**
 * A customer app to create ({@code createApp}).
 *
 * @param appName the app's name ({@code app_name})
 * @param webhook the {@code http(s)} URL that receives the app's callbacks ({@code webhook})
 */
public record CreateAppRequest(String appName, String webhook) {

	/**
	 * A customer app to create.
	 * @param appName the app's name
	 * @param webhook the {@code http(s)} URL that receives the app's callbacks
	 * @return the request
	 */
	public static CreateAppRequest of(String appName, String webhook) {
		return new CreateAppRequest(appName, webhook);
	}

}
