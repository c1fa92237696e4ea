package dev.nxcloud.whatsapp.template;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A template's review status, as the template detail reports it. Values NxCloud adds later read as
 * {@link #UNKNOWN}.
 */
public enum TemplateStatus {

	/** Approved: the template can be sent. */
	APPROVED,

	/** Under review. */
	PENDING,

	/** Rejected by WhatsApp. */
	REJECTED,

	/** The rejection is being appealed. */
	IN_APPEAL,

	/** Paused for low quality. */
	PAUSED,

	/** Disabled for repeated low quality. */
	DISABLED,

	/** Deletion requested. */
	PENDING_DELETION,

	/** Deleted. */
	DELETED,

	/** The account's template limit was exceeded. */
	LIMIT_EXCEEDED,

	/** Any other value. */
	@JsonEnumDefaultValue
	UNKNOWN

}
