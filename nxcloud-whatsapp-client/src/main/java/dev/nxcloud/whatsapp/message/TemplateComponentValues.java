package dev.nxcloud.whatsapp.message;

import java.util.List;

/**
 * The values for one component of a template: its header, its body or one of its buttons.
 */
public sealed interface TemplateComponentValues permits TemplateComponentValues.Header, TemplateComponentValues.Body, ButtonParameter {

	/**
	 * The header's values. A template has at most one header.
	 *
	 * @param parameters the values: one media, or the text variables
	 */
	record Header(List<HeaderParameter> parameters) implements TemplateComponentValues {

		/**
		 * Create the header values.
		 * @param parameters the values
		 */
		public Header {
			parameters = List.copyOf(parameters);
		}

	}

	/**
	 * The body's text variables, strictly in the order of the template's variables; a variable used twice is given
	 * twice.
	 *
	 * @param parameters the texts
	 */
	record Body(List<String> parameters) implements TemplateComponentValues {

		/**
		 * Create the body values.
		 * @param parameters the texts, in variable order
		 */
		public Body {
			parameters = List.copyOf(parameters);
		}

	}

}
