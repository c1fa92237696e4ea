package dev.nxcloud.whatsapp.error;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import dev.nxcloud.whatsapp.NxCloudSetting;

import static dev.nxcloud.whatsapp.error.NxCloudErrorCategory.AUTHENTICATION;
import static dev.nxcloud.whatsapp.error.NxCloudErrorCategory.BUSINESS;
import static dev.nxcloud.whatsapp.error.NxCloudErrorCategory.INVALID_REQUEST;
import static dev.nxcloud.whatsapp.error.NxCloudErrorCategory.META;
import static dev.nxcloud.whatsapp.error.NxCloudErrorCategory.SERVER;

/**
 * The result codes NxCloud documents for its WhatsApp endpoints, each with its category and what to do about it.
 * Codes NxCloud adds later are still mapped to a category by {@link #categoryOf(int)}.
 */
public enum NxCloudErrorCode {

	/** -1: NxCloud failed to process the request. */
	REQUEST_FAILED(-1, SERVER, "NxCloud could not process the request; retry later, and quote the traceId to NxCloud support if it persists"),

	/** 1001: a common header is missing. */
	MISSING_HEADERS(1001, AUTHENTICATION, "a common header (accessKey, ts, bizType, action, sign) is missing; check that no proxy strips them"),

	/** 1002: bad {@code bizType}, {@code action} or body. */
	INVALID_HEADERS(1002, AUTHENTICATION, "bizType must be 2 and action must be the endpoint's action, and the body must be valid JSON"),

	/** 1003: the signature does not match. */
	INVALID_SIGNATURE(1003, AUTHENTICATION, "the signature was rejected; check {ACCESS_SECRET} and {SIGN_ALGORITHM}, and that nothing between the client and NxCloud alters the body or its Content-Type"),

	/** 1004: {@code ts} is more than 60 s away from NxCloud's clock. */
	TIMESTAMP_EXPIRED(1004, AUTHENTICATION, "the request timestamp is more than 60 s away from NxCloud's clock; synchronise this host's clock (NTP)"),

	/** 1005: unknown access key, or the account lacks the permission. */
	INSUFFICIENT_PERMISSIONS(1005, AUTHENTICATION, "the access key is unknown or the account lacks the WhatsApp permission; check {ACCESS_KEY}"),

	/** 1100: the customer is missing or disabled. */
	CUSTOMER_UNAVAILABLE(1100, BUSINESS, "the NxCloud customer account is missing or disabled; contact NxCloud"),

	/** 1102: insufficient balance. */
	BALANCE_INSUFFICIENT(1102, BUSINESS, "the account balance is insufficient; top up the NxCloud account"),

	/** 9000: missing or invalid parameters. */
	INVALID_PARAMETERS(9000, INVALID_REQUEST, "parameters are missing or invalid; check the required fields of the request"),

	/** 9001: NxCloud system error. */
	SYSTEM_ERROR(9001, SERVER, "NxCloud reported a system error; retry later, and quote the traceId to NxCloud support if it persists"),

	/** 9002: the business phone is not a WhatsApp number. */
	MERCHANT_PHONE_INVALID(9002, BUSINESS, "the business phone is not a WhatsApp number; check the business phone"),

	/** 9003: the app does not exist or is disabled. */
	APP_UNAVAILABLE(9003, BUSINESS, "the app does not exist or is disabled; check {APP_KEY} or ask NxCloud to enable the app"),

	/** 9004: the app has no price for the destination country. */
	COUNTRY_NOT_PRICED(9004, BUSINESS, "the app has no price for the recipient's country; ask NxCloud to configure pricing"),

	/** 9005: insufficient balance. */
	INSUFFICIENT_BALANCE(9005, BUSINESS, "the account balance is insufficient; top up the NxCloud account"),

	/** 9006: the WhatsApp number is not bound to the app. */
	PHONE_NOT_BOUND(9006, BUSINESS, "the business phone is not bound to the app; bind it in the NxCloud console"),

	/** 9007: not an integrator request, or a downstream endpoint error. */
	NOT_INTEGRATOR(9007, BUSINESS, "the account is not an integrator (or a downstream endpoint failed); only integrator accounts may call this endpoint"),

	/** 9008: the app key does not exist. */
	APP_KEY_UNKNOWN(9008, BUSINESS, "the app key does not exist; check {APP_KEY}"),

	/** 9009: the integrator reached 1000 customer apps. */
	APP_LIMIT_REACHED(9009, BUSINESS, "the integrator already has the maximum of 1000 customer apps"),

	/** 9010: the app key belongs to another customer. */
	APP_KEY_MISMATCH(9010, BUSINESS, "the app key belongs to another customer than the access key; check {APP_KEY}"),

	/** 9013: the customer app has no group. */
	APP_WITHOUT_GROUP(9013, BUSINESS, "the customer app has no group; contact NxCloud"),

	/** 9014: the category does not exist. */
	CATEGORY_UNKNOWN(9014, BUSINESS, "the category does not exist; use AUTHENTICATION or UTILITY"),

	/** 9015: no 4–8 digit code could be extracted from the OTP content. */
	OTP_CODE_MISSING(9015, BUSINESS, "the OTP content must contain a code of 4 to 8 consecutive digits"),

	/** 9099: WhatsApp (Meta) rejected the request. */
	META_ERROR(9099, META, "WhatsApp rejected the request; see Meta's error code and details"),

	/** 10003: the business phone is not bound to the app. */
	PHONE_NOT_BOUND_TO_APP(10003, BUSINESS, "the business phone is not bound to the app; bind it in the NxCloud console"),

	/** 10005: the template does not exist or is paused for low quality. */
	TEMPLATE_UNAVAILABLE(10005, BUSINESS, "the template does not exist or is paused for low quality; check its name, language and status"),

	/** 21058: {@code tenant_id} is required. */
	TENANT_ID_REQUIRED(21058, INVALID_REQUEST, "tenant_id is required; set it on the request or set {TENANT_ID}"),

	/** 21059: {@code appkey} is required. */
	APP_KEY_REQUIRED(21059, INVALID_REQUEST, "appkey is required; set it on the request or set {APP_KEY}"),

	/** 21060: {@code business_phone} is required. */
	BUSINESS_PHONE_REQUIRED(21060, INVALID_REQUEST, "business_phone is required; set it on the request or set {BUSINESS_PHONE}"),

	/** 21061: {@code to} is required. */
	RECIPIENT_REQUIRED(21061, INVALID_REQUEST, "the recipient (to) is required"),

	/** 21062: {@code type} is required and must be {@code template}. */
	TYPE_REQUIRED(21062, INVALID_REQUEST, "type is required and must be template"),

	/** 21063: {@code template} is required. */
	TEMPLATE_REQUIRED(21063, INVALID_REQUEST, "the template is required"),

	/** 22020: the customer does not exist. */
	CUSTOMER_NOT_FOUND(22020, BUSINESS, "the customer does not exist; check {TENANT_ID}"),

	/** 22041: sending on the cloud platform failed. */
	CLOUD_SEND_FAILED(22041, BUSINESS, "the cloud platform failed to send; see NxCloud's message"),

	/** 22042: sending the WhatsApp message failed. */
	WHATSAPP_SEND_FAILED(22042, BUSINESS, "WhatsApp failed to send the message; see NxCloud's message"),

	/** 22049: the business phone does not exist. */
	BUSINESS_PHONE_NOT_FOUND(22049, BUSINESS, "the business phone does not exist for this tenant; check the business phone"),

	/** 22070: at most 3 buttons. */
	TOO_MANY_BUTTONS(22070, BUSINESS, "a template can have at most 3 buttons"),

	/** 22089: the number is not available (no core app). */
	NUMBER_UNAVAILABLE(22089, BUSINESS, "the business phone is not available (no core app); contact NxCloud"),

	/** 22090: invalid number. */
	INVALID_NUMBER(22090, BUSINESS, "the phone number is invalid; use digits with the country code and no +"),

	/** 22091: the recipient is not a WhatsApp user. */
	NOT_WHATSAPP_USER(22091, BUSINESS, "the recipient is not a WhatsApp user"),

	/** 22092: the language pack does not exist. */
	LANGUAGE_NOT_FOUND(22092, BUSINESS, "the template has no such language; use one of the documented language codes"),

	/** 22093: the template does not exist. */
	TEMPLATE_NOT_FOUND(22093, BUSINESS, "the template does not exist; check its name or id"),

	/** 22122: the app has no price for the destination country. */
	APP_COUNTRY_NOT_PRICED(22122, BUSINESS, "the app has no price for the recipient's country; ask NxCloud to configure pricing"),

	/** 22123: merchant phone number error. */
	MERCHANT_PHONE_ERROR(22123, BUSINESS, "the business phone is not a valid WhatsApp number"),

	/** 22124: the app does not exist or is unavailable. */
	APPLICATION_UNAVAILABLE(22124, BUSINESS, "the app does not exist or is disabled; check {APP_KEY}"),

	/** 22125: insufficient account balance. */
	ACCOUNT_BALANCE_INSUFFICIENT(22125, BUSINESS, "the account balance is insufficient; top up the NxCloud account"),

	/** 22126: the WhatsApp number is not bound to the app. */
	NUMBER_NOT_BOUND(22126, BUSINESS, "the business phone is not bound to the app; bind it in the NxCloud console"),

	/** 22141: WhatsApp sending failed; details in the message. */
	SEND_FAILED(22141, BUSINESS, "WhatsApp failed to send the message; see NxCloud's message for the reason"),

	/** 22216: a button name is empty. */
	BUTTON_TEXT_EMPTY(22216, BUSINESS, "every template button needs a text"),

	/** 23025: the template does not exist or is paused for low quality. */
	TEMPLATE_LOW_QUALITY(23025, BUSINESS, "the template does not exist or is paused for low quality; check its status");

	private static final Map<Integer, NxCloudErrorCode> BY_CODE = new HashMap<>();

	static {
		for (NxCloudErrorCode errorCode : values()) {
			BY_CODE.put(errorCode.code, errorCode);
		}
	}

	private final int code;

	private final NxCloudErrorCategory category;

	private final String hint;

	NxCloudErrorCode(int code, NxCloudErrorCategory category, String hint) {
		this.code = code;
		this.category = category;
		this.hint = hint;
	}

	/**
	 * The numeric code as NxCloud returns it.
	 * @return the code
	 */
	public int code() {
		return this.code;
	}

	/**
	 * The kind of failure.
	 * @return the category
	 */
	public NxCloudErrorCategory category() {
		return this.category;
	}

	/**
	 * What the code means and what to do about it, naming settings as {@link NxCloudSetting#builderCall()} does.
	 * @return the hint
	 */
	public String hint() {
		return hint(NxCloudSetting::builderCall);
	}

	/**
	 * What the code means and what to do about it.
	 * @param settingNames how to name the settings the hint tells the user to check
	 * @return the hint
	 */
	public String hint(Function<NxCloudSetting, String> settingNames) {
		if (this.hint.indexOf('{') < 0) {
			return this.hint;
		}
		String hint = this.hint;
		for (NxCloudSetting setting : NxCloudSetting.values()) {
			hint = hint.replace("{" + setting.name() + "}", settingNames.apply(setting));
		}
		return hint;
	}

	/**
	 * The documented code with the given value.
	 * @param code the numeric code
	 * @return the documented code, or empty when NxCloud has not documented it
	 */
	public static Optional<NxCloudErrorCode> of(int code) {
		return Optional.ofNullable(BY_CODE.get(code));
	}

	/**
	 * The category of any non-zero code, documented or not: documented codes keep their own; otherwise 1000–1099 are
	 * authentication, 21000–21999 invalid requests, negative codes server failures, and the rest business
	 * rejections.
	 * @param code a non-zero result code
	 * @return its category
	 */
	public static NxCloudErrorCategory categoryOf(int code) {
		NxCloudErrorCode known = BY_CODE.get(code);
		if (known != null) {
			return known.category;
		}
		if (code >= 1000 && code < 1100) {
			return AUTHENTICATION;
		}
		if (code >= 21000 && code < 22000) {
			return INVALID_REQUEST;
		}
		return (code < 0) ? SERVER : BUSINESS;
	}

}
