package dev.nxcloud.whatsapp.template;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * What NxCloud does when a user taps a template button ({@code buttonEvents[]}): tag the contact, reply with a text,
 * or reply with another template. Create one with {@link #tag(String)}, {@link #text(String)} or
 * {@link #template(long, String)}; they refuse {@code null} at once with an {@link NxCloudValidationException}
 * naming the field, and the other rules are checked when the template is sent.
 *
 * @param event the kind of event
 * @param tagName the tag to apply, for {@link Type#TAG}
 * @param text the text to reply with, for {@link Type#TEXT}
 * @param templateId the id of the template to reply with, for {@link Type#TEMPLATE}
 * @param templateName the name of the template to reply with, for {@link Type#TEMPLATE}
 */
public record TemplateButtonEvent(Type event, @Nullable String tagName, @Nullable String text,
		@Nullable Long templateId, @Nullable String templateName) {

	/**
	 * Create an event.
	 * @param event the kind of event
	 * @param tagName the tag
	 * @param text the text
	 * @param templateId the template's id
	 * @param templateName the template's name
	 * @throws NxCloudValidationException if the kind of event is {@code null}
	 */
	public TemplateButtonEvent {
		NxCloudValidation.requireNonNull("event", event);
	}

	/**
	 * Tag the contact who tapped the button.
	 * @param tagName the tag's name
	 * @return the event
	 */
	public static TemplateButtonEvent tag(String tagName) {
		return new TemplateButtonEvent(Type.TAG, NxCloudValidation.requireNonNull("tagName", tagName), null, null, null);
	}

	/**
	 * Reply with a text.
	 * @param text the text
	 * @return the event
	 */
	public static TemplateButtonEvent text(String text) {
		return new TemplateButtonEvent(Type.TEXT, null, NxCloudValidation.requireNonNull("text", text), null, null);
	}

	/**
	 * Reply with another template.
	 * @param templateId the template's id, as the template list reports it
	 * @param templateName the template's name
	 * @return the event
	 */
	public static TemplateButtonEvent template(long templateId, String templateName) {
		return new TemplateButtonEvent(Type.TEMPLATE, null, null, templateId,
				NxCloudValidation.requireNonNull("templateName", templateName));
	}

	/**
	 * The kinds of button event ({@code event}). Values NxCloud adds later read as {@link #UNKNOWN}, which a request
	 * cannot use.
	 */
	public enum Type {

		/** Tag the contact ({@code tag}). */
		TAG("tag"),

		/** Reply with a text ({@code text}). */
		TEXT("text"),

		/** Reply with a template ({@code template}). */
		TEMPLATE("template"),

		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN("UNKNOWN");

		private final String value;

		Type(String value) {
			this.value = value;
		}

		/**
		 * The value on the wire.
		 * @return the value, for example {@code tag}
		 */
		@JsonValue
		public String value() {
			return this.value;
		}

	}

}
