package dev.nxcloud.whatsapp.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * One page of the template list. NxCloud's page documents the page object only by its example, which holds
 * {@code list}, {@code total} and {@code has_next_page}; all three are required, so that an answer of another shape
 * is an invalid response rather than a page without templates, a total of 0 or a last page. {@code list} may be
 * {@code null} (no templates); {@code total} and {@code has_next_page} may not.
 *
 * @param list the templates on this page
 * @param total how many templates match, on all pages
 * @param hasNextPage whether another page follows ({@code has_next_page})
 */
public record TemplatePage(@JsonProperty(value = "list", required = true) List<TemplateSummary> list,
		@JsonProperty(value = "total", required = true) @JsonSetter(nulls = Nulls.FAIL) long total,
		@JsonProperty(value = "has_next_page", required = true) @JsonSetter(nulls = Nulls.FAIL) boolean hasNextPage) {

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
