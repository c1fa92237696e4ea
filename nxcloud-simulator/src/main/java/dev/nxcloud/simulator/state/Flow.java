package dev.nxcloud.simulator.state;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A WhatsApp Flow (form) of a business phone.
 *
 * @param phone the business phone
 * @param id the flow id
 * @param name the flow name
 * @param status {@code PUBLISHED}, {@code DRAFT}, ...
 * @param categories e.g. {@code SIGN_UP}
 * @param firstScreen the screen a template's flow button opens ({@code navigate_screen} in the template detail),
 * or {@code null} if unknown
 */
public record Flow(String phone, String id, String name, String status, List<String> categories,
		@Nullable String firstScreen) {

	/**
	 * Copies the categories.
	 */
	public Flow {
		categories = List.copyOf(categories);
	}

}
