package dev.nxcloud.whatsapp.error;

/**
 * The kinds of non-zero result codes NxCloud returns.
 */
public enum NxCloudErrorCategory {

	/** The credentials, signature, timestamp or common headers were rejected (1001–1005). */
	AUTHENTICATION,

	/** Parameters are missing or invalid (9000, 21058–21063). */
	INVALID_REQUEST,

	/** NxCloud understood the request and refused it by a business rule (9xxx, 10xxx, 22xxx, 23xxx). */
	BUSINESS,

	/** WhatsApp (Meta) rejected the request; Meta's error object is attached (9099). */
	META,

	/** NxCloud failed internally (-1, 9001); a later retry may succeed. */
	SERVER

}
