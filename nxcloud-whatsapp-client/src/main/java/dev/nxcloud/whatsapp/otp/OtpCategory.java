package dev.nxcloud.whatsapp.otp;

/**
 * The kind of template NxCloud sends the code with ({@code category}).
 */
public enum OtpCategory {

	/** An authentication template, NxCloud's default. */
	AUTHENTICATION,

	/** A utility template. */
	UTILITY

}
