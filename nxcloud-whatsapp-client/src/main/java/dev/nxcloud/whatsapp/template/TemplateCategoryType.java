package dev.nxcloud.whatsapp.template;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A template's category as NxCloud's integer code ({@code category_type}: 1 marketing, 2 utility). Other codes read
 * as {@link #UNKNOWN}, which a request cannot use.
 */
public enum TemplateCategoryType {

	/** Marketing, code {@code 1}. */
	MARKETING(1),

	/** Utility, code {@code 2}. */
	UTILITY(2),

	/** Any other code. */
	UNKNOWN(0);

	private final int code;

	TemplateCategoryType(int code) {
		this.code = code;
	}

	/**
	 * The code as sent to NxCloud.
	 * @return {@code 1} or {@code 2}, {@code 0} for {@link #UNKNOWN}
	 */
	@JsonValue
	public int code() {
		return this.code;
	}

	/**
	 * The category type with the given code.
	 * @param code the code
	 * @return the category type, {@link #UNKNOWN} for an undocumented code
	 */
	@JsonCreator
	public static TemplateCategoryType fromCode(int code) {
		for (TemplateCategoryType type : values()) {
			if (type != UNKNOWN && type.code == code) {
				return type;
			}
		}
		return UNKNOWN;
	}

}
