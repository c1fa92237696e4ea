package dev.nxcloud.whatsapp.error;

/**
 * A request was rejected before any network call because a field breaks a documented rule.
 */
public class NxCloudValidationException extends NxCloudException {

	private final String field;

	private final String rule;

	/**
	 * Create the exception.
	 * @param field the field, as named on the wire (for example {@code business_phone})
	 * @param rule the rule it breaks, for example {@code is required}
	 */
	public NxCloudValidationException(String field, String rule) {
		super(null, null, null, null, false, false, "invalid request: '" + field + "' " + rule, null);
		this.field = field;
		this.rule = rule;
	}

	/**
	 * The field that breaks the rule.
	 * @return the field name as sent on the wire
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * The rule the field breaks.
	 * @return the rule
	 */
	public String getRule() {
		return this.rule;
	}

}
