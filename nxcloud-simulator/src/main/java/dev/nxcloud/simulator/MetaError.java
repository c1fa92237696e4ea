package dev.nxcloud.simulator;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WhatsApp (Meta) errors the simulator answers inside an NxCloud 9099, shaped as the OTP page's "Meta Failure"
 * example: {@code data.error} with {@code code}, {@code message}, {@code type}, {@code fbtrace_id} and
 * {@code error_data}. The codes and wording are Meta's.
 */
enum MetaError {

	/** The OTP page's example. */
	INVALID_PARAMETER(100, "(#100) Invalid parameter", "Invalid parameter"),

	/** The business phone's throughput is used up. */
	THROUGHPUT_REACHED(130429, "(#130429) Rate limit hit", "Cloud API message throughput has been reached."),

	/** Too many messages from one business phone to one recipient. */
	PAIR_RATE_LIMIT_HIT(131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit",
			"Message failed to send because there were too many messages sent from this phone number to the same "
					+ "phone number in a short period of time.");

	private final int code;

	private final String message;

	private final String details;

	MetaError(int code, String message, String details) {
		this.code = code;
		this.message = message;
		this.details = details;
	}

	int code() {
		return this.code;
	}

	/**
	 * The {@code data} of the 9099 that carries this error.
	 */
	ObjectNode data(JsonMapper json) {
		ObjectNode data = json.createObjectNode();
		ObjectNode error = data.putObject("error");
		error.put("code", this.code);
		error.put("message", this.message);
		error.put("type", "OAuthException");
		error.put("fbtrace_id", Ids.traceId());
		ObjectNode errorData = error.putObject("error_data");
		errorData.put("messaging_product", "whatsapp");
		errorData.put("details", this.details);
		return data;
	}

}
