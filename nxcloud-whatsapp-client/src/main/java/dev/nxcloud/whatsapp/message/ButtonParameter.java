package dev.nxcloud.whatsapp.message;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;

/**
 * A template button component: the value for one of the template's dynamic URL or quick-reply buttons.
 *
 * @param subType the kind of button ({@code sub_type})
 * @param index the button's position in the template, 0 to 2 ({@code index})
 * @param parameterType the type of the value ({@code parameters[].type})
 * @param value the URL suffix text or the payload returned when the button is tapped
 */
public record ButtonParameter(SubType subType, int index, ParameterType parameterType, String value)
		implements TemplateComponentValues {

	/**
	 * Create a button component.
	 * @param subType the kind of button
	 * @param index the button's position, 0 to 2
	 * @param parameterType the type of the value
	 * @param value the value
	 * @throws NxCloudValidationException if a value is {@code null}, named by its wire field ({@code sub_type},
	 * {@code type}, {@code text} or {@code payload})
	 */
	public ButtonParameter {
		NxCloudValidation.requireNonNull("sub_type", subType);
		NxCloudValidation.requireNonNull("type", parameterType);
		NxCloudValidation.requireNonNull(parameterType.wireValue(), value);
	}

	/**
	 * The variable part of a dynamic URL button (also used for the code of an authentication template's button).
	 * @param index the button's position, 0 to 2
	 * @param text the text appended to the button's URL, at most 2,000 characters, without line breaks, tabs or more
	 * than 4 consecutive spaces
	 * @return the component
	 */
	public static ButtonParameter url(int index, String text) {
		return new ButtonParameter(SubType.URL, index, ParameterType.TEXT, text);
	}

	/**
	 * The payload returned when a quick-reply button is tapped.
	 * @param index the button's position, 0 to 2
	 * @param payload the payload, at most 2,000 characters
	 * @return the component
	 */
	public static ButtonParameter quickReply(int index, String payload) {
		return new ButtonParameter(SubType.QUICK_REPLY, index, ParameterType.PAYLOAD, payload);
	}

	/**
	 * The kind of button.
	 */
	public enum SubType {

		/** A dynamic URL button ({@code url}). */
		URL("url"),

		/** A quick-reply button ({@code quick_reply}). */
		QUICK_REPLY("quick_reply");

		private final String wireValue;

		SubType(String wireValue) {
			this.wireValue = wireValue;
		}

		/**
		 * The value sent as {@code sub_type}.
		 * @return the wire value
		 */
		public String wireValue() {
			return this.wireValue;
		}

	}

	/**
	 * The type of a button's value.
	 */
	public enum ParameterType {

		/** Text ({@code text}). */
		TEXT("text"),

		/** A payload ({@code payload}). */
		PAYLOAD("payload");

		private final String wireValue;

		ParameterType(String wireValue) {
			this.wireValue = wireValue;
		}

		/**
		 * The value sent as the parameter's {@code type}.
		 * @return the wire value
		 */
		public String wireValue() {
			return this.wireValue;
		}

	}

}
