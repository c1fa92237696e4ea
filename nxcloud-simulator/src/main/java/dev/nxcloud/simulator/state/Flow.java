package dev.nxcloud.simulator.state;

import java.util.List;

/**
 * A WhatsApp Flow (form) of a business phone.
 *
 * @param phone the business phone
 * @param id the flow id
 * @param name the flow name
 * @param status {@code PUBLISHED}, {@code DRAFT}, ...
 * @param categories e.g. {@code SIGN_UP}
 */
public record Flow(String phone, String id, String name, String status, List<String> categories) {

	/**
	 * Copies the categories.
	 */
	public Flow {
		categories = List.copyOf(categories);
	}

}
