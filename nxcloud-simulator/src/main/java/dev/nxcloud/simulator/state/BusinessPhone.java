package dev.nxcloud.simulator.state;

/**
 * A WhatsApp business phone bound to an app.
 *
 * @param phone the number, digits with country code and no {@code +}
 * @param appKey the key of the app the phone is bound to
 * @param displayPhoneNumber the formatted number, e.g. {@code +1 555 000 0001}
 * @param verifiedName the display name
 * @param nameStatus the name approval status, e.g. {@code APPROVED}
 * @param status the number status, e.g. {@code CONNECTED}; sends from any other status fail
 * @param qualityRating {@code GREEN}, {@code YELLOW} or {@code RED}
 * @param currentLimit the messaging tier, e.g. {@code TIER_1K}
 * @param codeVerificationStatus {@code NOT_VERIFIED}, {@code VERIFIED} or {@code EXPIRED}
 */
public record BusinessPhone(String phone, String appKey, String displayPhoneNumber, String verifiedName,
		String nameStatus, String status, String qualityRating, String currentLimit, String codeVerificationStatus) {

	/**
	 * A connected, green, verified phone with the given name.
	 * @param phone the number
	 * @param appKey the app it is bound to
	 * @param verifiedName the display name
	 * @return the phone
	 */
	public static BusinessPhone connected(String phone, String appKey, String verifiedName) {
		return new BusinessPhone(phone, appKey, "+" + phone, verifiedName, "APPROVED", "CONNECTED", "GREEN", "TIER_1K",
				"VERIFIED");
	}

	/**
	 * Whether the phone can send.
	 * @return whether the status is {@code CONNECTED}
	 */
	public boolean isConnected() {
		return "CONNECTED".equals(this.status);
	}

}
