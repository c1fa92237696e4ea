package dev.nxcloud.whatsapp.integrator;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;

/**
 * A customer app to create ({@code createApp}).
 *
 * @param appName the app's name ({@code app_name}), at most 256 characters
 * @param webhook the {@code http(s)} URL that receives the app's callbacks ({@code webhook}), at most 2,000
 * characters
 */
public record CreateAppRequest(String appName, String webhook) {

	/**
	 * Create a request.
	 * @param appName the app's name
	 * @param webhook the {@code http(s)} URL that receives the app's callbacks
	 * @throws NxCloudValidationException if a value is {@code null}
	 */
	public CreateAppRequest {
		NxCloudValidation.requireNonNull("app_name", appName);
		NxCloudValidation.requireNonNull("webhook", webhook);
	}

	/**
	 * A customer app to create.
	 * @param appName the app's name
	 * @param webhook the {@code http(s)} URL that receives the app's callbacks
	 * @return the request
	 * @throws NxCloudValidationException if a value is {@code null}
	 */
	public static CreateAppRequest of(String appName, String webhook) {
		return new CreateAppRequest(appName, webhook);
	}

}
