package dev.nxcloud.whatsapp.template;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A button of a template being created or updated ({@code buttonComponents[]}). Create one with a factory such as
 * {@link #quickReply(String)} or {@link #url(String, String)}, then add events with
 * {@link #withEvents(TemplateButtonEvent...)}. The factories refuse {@code null} at once with an
 * {@link NxCloudValidationException} naming the field; the other rules (text required, at most 25 characters, …) are
 * checked when the template is sent.
 *
 * @param type the button type
 * @param customizeType for {@link Type#QUICK_REPLY}: a conventional reply or an unsubscribe button
 * @param text the button's text
 * @param phoneNumber the number to call, for {@link Type#PHONE_NUMBER}
 * @param url the address to open, for {@link Type#URL}; a dynamic URL ends with the variable {@code {{1}}}
 * @param flowId the WhatsApp flow (form) to open, for {@link Type#FLOW}
 * @param buttonEvents what NxCloud does when the button is tapped
 */
public record TemplateButton(Type type, @Nullable CustomizeType customizeType, @Nullable String text,
		@Nullable String phoneNumber, @Nullable String url, @Nullable String flowId,
		List<TemplateButtonEvent> buttonEvents) {

	/**
	 * Create a button.
	 * @param type the button type
	 * @param customizeType the quick reply's kind
	 * @param text the text
	 * @param phoneNumber the number to call
	 * @param url the address to open
	 * @param flowId the flow to open
	 * @param buttonEvents the events
	 * @throws NxCloudValidationException if the type, the list of events or one of them is {@code null}
	 */
	public TemplateButton {
		NxCloudValidation.requireNonNull("type", type);
		buttonEvents = NxCloudValidation.requireElements("buttonEvents", buttonEvents);
	}

	/**
	 * A conventional quick-reply button.
	 * @param text the button's text
	 * @return the button
	 */
	public static TemplateButton quickReply(String text) {
		return new TemplateButton(Type.QUICK_REPLY, CustomizeType.CONVENTIONAL, text(text), null, null, null, List.of());
	}

	/**
	 * A quick-reply button that unsubscribes the user from marketing messages.
	 * @param text the button's text
	 * @return the button
	 */
	public static TemplateButton unsubscribe(String text) {
		return new TemplateButton(Type.QUICK_REPLY, CustomizeType.UNSUBSCRIBE, text(text), null, null, null, List.of());
	}

	/**
	 * A call-to-action button that opens a URL.
	 * @param text the button's text
	 * @param url the {@code http} or {@code https} address, optionally ending with the variable {@code {{1}}}
	 * @return the button
	 */
	public static TemplateButton url(String text, String url) {
		return new TemplateButton(Type.URL, null, text(text), null, NxCloudValidation.requireNonNull("url", url), null,
				List.of());
	}

	/**
	 * A call-to-action button that calls a phone number.
	 * @param text the button's text
	 * @param phoneNumber the number to call
	 * @return the button
	 */
	public static TemplateButton phoneNumber(String text, String phoneNumber) {
		return new TemplateButton(Type.PHONE_NUMBER, null, text(text),
				NxCloudValidation.requireNonNull("phoneNumber", phoneNumber), null, null, List.of());
	}

	/**
	 * A button that opens a WhatsApp flow (form).
	 * @param text the button's text
	 * @param flowId the flow's id, as the flow list reports it
	 * @return the button
	 */
	public static TemplateButton flow(String text, String flowId) {
		return new TemplateButton(Type.FLOW, null, text(text), null, null,
				NxCloudValidation.requireNonNull("flow_id", flowId), List.of());
	}

	/**
	 * This button with the given events instead of its current ones.
	 * @param events the events, in order
	 * @return a new button
	 */
	public TemplateButton withEvents(TemplateButtonEvent... events) {
		NxCloudValidation.requireNonNull("buttonEvents", events);
		return new TemplateButton(this.type, this.customizeType, this.text, this.phoneNumber, this.url, this.flowId,
				Arrays.asList(events));
	}

	private static String text(@Nullable String text) {
		return NxCloudValidation.requireNonNull("text", text);
	}

	/**
	 * The button types. Values NxCloud adds later read as {@link #UNKNOWN}, which a request cannot use.
	 */
	public enum Type {

		/** A quick reply ({@code QUICK_REPLY}). */
		QUICK_REPLY("QUICK_REPLY"),

		/** A call-to-action URL ({@code URL}). */
		URL("URL"),

		/** A call-to-action phone number ({@code PHONE_NUMBER}). */
		PHONE_NUMBER("PHONE_NUMBER"),

		/**
		 * A flow (form) button. NxCloud's field table says {@code FLOW}, its request examples send {@code flow} and
		 * the detail answers {@code FLOW}; requests send {@code flow} as the examples do, and both read back.
		 */
		FLOW("flow"),

		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN("UNKNOWN");

		private final String value;

		Type(String value) {
			this.value = value;
		}

		/**
		 * The value on the wire.
		 * @return the value, for example {@code QUICK_REPLY}
		 */
		@JsonValue
		public String value() {
			return this.value;
		}

	}

	/**
	 * The kinds of quick-reply button ({@code customizeType}). Values NxCloud adds later read as {@link #UNKNOWN},
	 * which a request cannot use.
	 */
	public enum CustomizeType {

		/** A conventional reply ({@code conventional}). */
		CONVENTIONAL("conventional"),

		/** Unsubscribe from marketing messages ({@code unsubscribe}). */
		UNSUBSCRIBE("unsubscribe"),

		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN("UNKNOWN");

		private final String value;

		CustomizeType(String value) {
			this.value = value;
		}

		/**
		 * The value on the wire.
		 * @return the value, for example {@code conventional}
		 */
		@JsonValue
		public String value() {
			return this.value;
		}

	}

}
