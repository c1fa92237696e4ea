package dev.nxcloud.whatsapp.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.template.TemplateLanguage;

/**
 * An approved template to send, with the values for its variables.
 *
 * @param name the template's name
 * @param language the template's language ({@code language.code}; the policy is always {@code deterministic})
 * @param components the values for the header, body and buttons; empty for a template without variables
 */
public record Template(String name, TemplateLanguage language, List<TemplateComponentValues> components) {

	/**
	 * Create a template.
	 * @param name the template's name
	 * @param language the template's language
	 * @param components the component values
	 * @throws NxCloudValidationException if a value, or one of the components, is {@code null}
	 */
	public Template {
		NxCloudValidation.requireNonNull("template.name", name);
		NxCloudValidation.requireNonNull("template.language", language);
		components = NxCloudValidation.requireElements("template.components", components);
	}

	/**
	 * A template without variables.
	 * @param name the template's name
	 * @param language the template's language
	 * @return the template
	 * @throws NxCloudValidationException if a value is {@code null}
	 */
	public static Template of(String name, TemplateLanguage language) {
		return new Template(name, language, List.of());
	}

	/**
	 * Start building a template with variables.
	 * @param name the template's name
	 * @param language the template's language
	 * @return a builder
	 * @throws NxCloudValidationException if a value is {@code null}
	 */
	public static Builder builder(String name, TemplateLanguage language) {
		return new Builder(name, language);
	}

	/**
	 * Builds a {@link Template}, component by component, in the order given. Each method refuses {@code null} at once
	 * with an {@link NxCloudValidationException} naming the field.
	 */
	public static final class Builder {

		private final String name;

		private final TemplateLanguage language;

		private final List<TemplateComponentValues> components = new ArrayList<>();

		private Builder(String name, TemplateLanguage language) {
			this.name = NxCloudValidation.requireNonNull("template.name", name);
			this.language = NxCloudValidation.requireNonNull("template.language", language);
		}

		/**
		 * Add the header's values.
		 * @param parameters one media, or one text variable
		 * @return this builder
		 */
		public Builder header(HeaderParameter... parameters) {
			NxCloudValidation.requireNonNull("header.parameters", parameters);
			return component(new TemplateComponentValues.Header(Arrays.asList(parameters)));
		}

		/**
		 * Add the body's text variables.
		 * @param parameters the texts, strictly in variable order; repeat a variable used twice. Each is at most 1,024
		 * characters (32,768 when the body is the template's only component; all of them together at most 32,768),
		 * without line breaks, tabs or more than 4 consecutive spaces
		 * @return this builder
		 */
		public Builder body(String... parameters) {
			NxCloudValidation.requireNonNull("body.parameters", parameters);
			return component(new TemplateComponentValues.Body(Arrays.asList(parameters)));
		}

		/**
		 * Add a button's value.
		 * @param button the button
		 * @return this builder
		 */
		public Builder button(ButtonParameter button) {
			this.components.add(NxCloudValidation.requireNonNull("button", button));
			return this;
		}

		/**
		 * Add a component.
		 * @param component the component
		 * @return this builder
		 */
		public Builder component(TemplateComponentValues component) {
			this.components.add(NxCloudValidation.requireNonNull("component", component));
			return this;
		}

		/**
		 * Build the template.
		 * @return the template
		 */
		public Template build() {
			return new Template(this.name, this.language, this.components);
		}

	}

}
