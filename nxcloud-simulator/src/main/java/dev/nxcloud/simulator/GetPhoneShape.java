package dev.nxcloud.simulator;

/**
 * The two shapes NxCloud's "Query Phone Information" page documents for the {@code data} of {@code getPhone}; a
 * client should read both, and {@link NxCloudSimulator.Builder#getPhoneShape(GetPhoneShape)} answers either.
 */
public enum GetPhoneShape {

	/**
	 * The page's example: {@code data} keyed by phone number, each key holding a list with that phone's object. The
	 * default.
	 */
	BY_PHONE_NUMBER,

	/**
	 * The page's response table: {@code data.business_phones}, an array of phone objects (told apart by their
	 * {@code display_phone_number}).
	 */
	BUSINESS_PHONES_ARRAY

}
