package dev.nxcloud.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The codes NxCloud's pages document, each with the {@code message} NxCloud answers with it on that page. The api2
 * pages (createApp, otp, getPhone) answer their "message" column; the SaaS pages answer their "solution" column,
 * the only one that tells the codes apart (it is also where the {@code {0}} placeholders are).
 */
final class ErrorCodes {

	/** The authentication codes every page refers to as "1000~100X" (reference §1.6). */
	static final Map<Integer, String> AUTHENTICATION = table(1001, "Missing parameters", 1002, "Parameter error",
			1003, "Invalid signature", 1004, "Timestamp expired", 1005, "Insufficient permissions");

	private static final String REQUEST_FAILED = "Request failed";

	private ErrorCodes() {
	}

	/**
	 * The message of a code on an endpoint: its own page's first, then its family's, then any page's, so that a
	 * fault can answer any documented code on any endpoint.
	 * @param arguments the values of the message's {@code {0}}, {@code {1}}, ... placeholders
	 */
	static String message(Endpoint endpoint, int code, String... arguments) {
		Page page = Page.of(endpoint);
		List<Map<Integer, String>> tables = new ArrayList<>(List.of(page.codes, AUTHENTICATION));
		Stream.of(Page.values()).filter((other) -> other.saas == page.saas).forEach((other) -> tables.add(other.codes));
		Stream.of(Page.values()).filter((other) -> other.saas != page.saas).forEach((other) -> tables.add(other.codes));
		String message = tables.stream()
			.map((codes) -> codes.get(code))
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(REQUEST_FAILED);
		for (int i = 0; i < arguments.length; i++) {
			message = message.replace("{" + i + "}", arguments[i]);
		}
		return message;
	}

	/**
	 * An error answering a documented code with its page's message.
	 */
	static ApiError error(Endpoint endpoint, int code, String... arguments) {
		return new ApiError(code, message(endpoint, code, arguments));
	}

	/**
	 * An error answering a documented code with its page's message followed by what exactly was refused, e.g.
	 * {@code Merchant phone number error: 8613... is not a WhatsApp business number}.
	 */
	static ApiError detailed(Endpoint endpoint, int code, String detail) {
		return new ApiError(code, message(endpoint, code) + ": " + detail);
	}

	private static Map<Integer, String> table(Object... codesAndMessages) {
		Map<Integer, String> codes = new LinkedHashMap<>();
		for (int i = 0; i < codesAndMessages.length; i += 2) {
			codes.put((Integer) codesAndMessages[i], (String) codesAndMessages[i + 1]);
		}
		return Collections.unmodifiableMap(codes);
	}

	/**
	 * A page of NxCloud's documentation and the codes its "Response Code" table lists (besides 0 and the
	 * 1000~100X authentication range).
	 */
	enum Page {

		/** "Integrator Create Customer Application". */
		CREATE_APP(false, table(-1, REQUEST_FAILED, 9000, "Parameter exception", 9001, "System business error", 9007,
				"Non-integrator request", 9009, "Maximum of 1000 customer applications reached")),

		/** "Send Otp Message"; 9099 is its "Meta Failure" example. */
		OTP(false, table(-1, REQUEST_FAILED, 9000, "Parameter exception", 9001, "System business error", 9002,
				"Merchant phone number error", 9003, "Application does not exist/unavailable", 9004,
				"No corresponding country pricing for the application", 9013, "Customer APP does not have group", 9014,
				"Category does not exist", 9015, "Content does not extract otp code", 10003,
				"WhatsApp business phone is not bind app", 10005, "WhatsApp Template does not exist or low quality",
				9099, "WhatsApp error")),

		/** "Query Phone Information". */
		GET_PHONE(false, table(-1, REQUEST_FAILED, 9000, "Parameter exception", 9001, "System business error", 9002,
				"Merchant phone number error", 9006, "WhatsApp number not bound to the application")),

		/**
		 * The general send, whose page is not among the seeds: the api2 codes of the reference (§2.2), worded as the
		 * other api2 pages word them; 9005 and the {@code mt} meaning of 9007 are worded from the reference [derived].
		 */
		MT(false, table(-1, REQUEST_FAILED, 9000, "Parameter exception", 9001, "System business error", 9002,
				"Merchant phone number error", 9003, "Application does not exist/unavailable", 9004,
				"No corresponding country pricing for the application", 9005, "Insufficient balance", 9006,
				"WhatsApp number not bound to the application", 9007, "Downstream endpoint error", 10003,
				"WhatsApp business phone is not bind app", 10005, "WhatsApp Template does not exist or low quality",
				9099, "WhatsApp error")),

		/** "Send Message" ({@code /saas/wa/send}). */
		SAAS_SEND(true, table(-1, REQUEST_FAILED, 21058, "tenant_id is required", 21059, "app_key is required", 21060,
				"business_phone is required", 21061, "to (recipient number) is required", 21062,
				"type is required, valid values are [template]", 21063, "template is required", 22020,
				"Customer does not exist", 22041, "Failed to send on the cloud platform", 22042,
				"Failed to send WhatsApp message", 22049, "Business phone {0} does not exist", 22089,
				"Number not available (No Core App)", 22090, "Invalid number", 22091, "Not a WhatsApp user", 22092,
				"Language pack does not exist: {0}", 22093, "Template does not exist", 22123,
				"Merchant phone number error", 22124, "Application does not exist/unavailable", 22122,
				"Application has no corresponding country pricing", 22125, "Insufficient account balance", 22126,
				"The WhatsApp number is not bound to the application", 22141,
				"Failed to send WhatsApp, see the message field for details", 23025,
				"WhatsApp Template does not exist or low quality")),

		/** The SaaS template page (list, create, update, detail, delete, flows, media upload); one table for all. */
		SAAS_TEMPLATE(true, table(-1, REQUEST_FAILED, 21058, "tenant_id is required", 21060,
				"business_phone is required", 22041, "Failed to send from cloud platform", 22042,
				"Failed to send WhatsApp message", 22049, "Merchant with business_phone={0} does not exist", 22070,
				"Maximum of 3 buttons can be created", 22089, "The phone number is unavailable (No Core App)", 22090,
				"Invalid phone number", 22092, "Language pack not found: {0}", 22216, "Button name cannot be empty"));

		private final boolean saas;

		private final Map<Integer, String> codes;

		Page(boolean saas, Map<Integer, String> codes) {
			this.saas = saas;
			this.codes = codes;
		}

		/**
		 * The codes of this page and their messages, in the page's order.
		 */
		Map<Integer, String> codes() {
			return this.codes;
		}

		/**
		 * Whether this is a SaaS page, whose messages come from the "solution" column.
		 */
		boolean isSaas() {
			return this.saas;
		}

		static Page of(Endpoint endpoint) {
			return switch (endpoint) {
				case CREATE_APP -> CREATE_APP;
				case OTP -> OTP;
				case GET_PHONE -> GET_PHONE;
				case MT -> MT;
				case SAAS_SEND -> SAAS_SEND;
				case TEMPLATE_LIST, TEMPLATE_CREATE, TEMPLATE_UPDATE, TEMPLATE_DETAIL, TEMPLATE_DELETE, FLOW_LIST,
						MEDIA_UPLOAD -> SAAS_TEMPLATE;
			};
		}

	}

}
