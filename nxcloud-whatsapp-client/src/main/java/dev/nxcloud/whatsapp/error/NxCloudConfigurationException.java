package dev.nxcloud.whatsapp.error;

/**
 * The client is missing configuration it needs to make a call, typically the credentials.
 */
public class NxCloudConfigurationException extends NxCloudException {

	/**
	 * Create the exception.
	 * @param operation the operation that could not be made
	 * @param description what is missing and which setting supplies it
	 */
	public NxCloudConfigurationException(String operation, String description) {
		super(operation, null, null, null, false, false, description, null);
	}

}
