package dev.nxcloud.whatsapp.otp;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which Meta API NxCloud sends through ({@code api_type}).
 */
public enum OtpApiType {

	/** The Cloud API ({@code 0}), NxCloud's default. */
	CLOUD_API(0),

	/** The Marketing Messages Lite API ({@code 1}). */
	MM_LITE(1);

	private final int code;

	OtpApiType(int code) {
		this.code = code;
	}

	/**
	 * The value sent as {@code api_type}.
	 * @return the code
	 */
	@JsonValue
	public int code() {
		return this.code;
	}

}
