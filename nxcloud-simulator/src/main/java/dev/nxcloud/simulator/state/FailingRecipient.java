package dev.nxcloud.simulator.state;

/**
 * A recipient whose messages are accepted but then reported {@code failed} in the status callback.
 *
 * @param to the recipient number
 * @param errorCode the {@code errors[].code}, e.g. {@code 131026}
 * @param errorTitle the {@code errors[].title}
 */
public record FailingRecipient(String to, int errorCode, String errorTitle) {

	/**
	 * A recipient that fails with Meta's 131026 "Message undeliverable".
	 * @param to the recipient number
	 * @return the failing recipient
	 */
	public static FailingRecipient undeliverable(String to) {
		return new FailingRecipient(to, 131026, "Message undeliverable");
	}

}
