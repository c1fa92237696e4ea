package dev.nxcloud.whatsapp.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One page of the template list. NxCloud's {@code data} must hold {@code list} (it may be {@code null}), so that an
 * answer of another shape is not read as a page without templates.
 *
 * @param list the templates on this page
 * @param total how many templates match, on all pages
 * @param hasNextPage whether another page follows ({@code has_next_page})
 */
public record TemplatePage(@JsonProperty(value = "list", required = true) List<TemplateSummary> list, long total,
		@JsonProperty("has_next_page") boolean hasNextPage) {

	private static final TemplatePage EMPTY = new TemplatePage(List.of(), 0, false);

	/**
	 * Read a page.
	 * @param list the templates, {@code null} read as none
	 * @param total the total
	 * @param hasNextPage whether another page follows
	 */
	public TemplatePage {
		list = (list != null) ? List.copyOf(list) : List.of();
	}

	/**
	 * A page without templates and without a next page.
	 * @return the empty page
	 */
	public static TemplatePage empty() {
		return EMPTY;
	}

}
