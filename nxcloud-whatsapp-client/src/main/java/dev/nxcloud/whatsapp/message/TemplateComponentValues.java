package dev.nxcloud.whatsapp.message;

import java.util.List;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;

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
		 * @throws NxCloudValidationException if the list or one of its values is {@code null}
		 */
		public Header {
			parameters = NxCloudValidation.requireElements("header.parameters", parameters);
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
		 * @throws NxCloudValidationException if the list or one of its texts is {@code null}
		 */
		public Body {
			parameters = NxCloudValidation.requireElements("body.parameters", parameters);
		}

	}

}
