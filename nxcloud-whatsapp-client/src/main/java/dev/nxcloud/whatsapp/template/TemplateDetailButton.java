package dev.nxcloud.whatsapp.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A button of a template's details, in WhatsApp's form, with the settings it was created with.
 *
 * @param type the button type
 * @param text the button's text
 * @param payload the button's payload
 * @param url the address it opens
 * @param phoneNumber the number it calls ({@code phone_number})
 * @param flowId the flow it opens ({@code flow_id})
 * @param navigateScreen the flow's first screen ({@code navigate_screen})
 * @param flowAction the flow action ({@code flow_action})
 * @param buttonReqs the button as it was submitted to NxCloud, with its events ({@code buttonReqs}); {@code null}
 * for buttons without NxCloud settings
 */
public record TemplateDetailButton(TemplateButton.@Nullable Type type, @Nullable String text,
		@Nullable String payload, @Nullable String url, @JsonProperty("phone_number") @Nullable String phoneNumber,
		@JsonProperty("flow_id") @Nullable String flowId,
		@JsonProperty("navigate_screen") @Nullable String navigateScreen,
		@JsonProperty("flow_action") @Nullable FlowAction flowAction,
		@JsonProperty("buttonReqs") @Nullable Settings buttonReqs) {

	/**
	 * A button as it was submitted to NxCloud ({@code buttonReqs}).
	 *
	 * @param type the button type
	 * @param customizeType the quick reply's kind
	 * @param text the button's text
	 * @param phoneNumber the number it calls
	 * @param url the address it opens
	 * @param payload the button's id
	 * @param buttonEvents what NxCloud does when the button is tapped
	 * @param flowId the flow it opens ({@code flow_id})
	 * @param navigateScreen the flow's first screen ({@code navigate_screen})
	 * @param flowAction the flow action ({@code flow_action})
	 */
	public record Settings(TemplateButton.@Nullable Type type,
			TemplateButton.@Nullable CustomizeType customizeType, @Nullable String text,
			@Nullable String phoneNumber, @Nullable String url, @Nullable String payload, List<Event> buttonEvents,
			@JsonProperty("flow_id") @Nullable String flowId,
			@JsonProperty("navigate_screen") @Nullable String navigateScreen,
			@JsonProperty("flow_action") @Nullable FlowAction flowAction) {

		/**
		 * Read a button's settings.
		 * @param type the type
		 * @param customizeType the quick reply's kind
		 * @param text the text
		 * @param phoneNumber the number
		 * @param url the address
		 * @param payload the id
		 * @param buttonEvents the events, {@code null} read as none
		 * @param flowId the flow
		 * @param navigateScreen the first screen
		 * @param flowAction the flow action
		 */
		public Settings {
			buttonEvents = (buttonEvents != null) ? List.copyOf(buttonEvents) : List.of();
		}

	}

	/**
	 * A button event as NxCloud stored it.
	 *
	 * @param event the kind of event
	 * @param tagName the tag applied, for a tag event
	 * @param tagId the tag's id, for a tag event
	 * @param templateName the template replied with, for a template event
	 * @param templateId the template's id, for a template event
	 * @param text the text replied with, for a text event
	 */
	public record Event(TemplateButtonEvent.@Nullable Type event, @Nullable String tagName, @Nullable Long tagId,
			@Nullable String templateName, @Nullable Long templateId, @Nullable String text) {

	}

	/** The flow actions ({@code navigate}, {@code data_exchange}). Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum FlowAction {

		/** Open the flow on {@code navigate_screen}. */
		NAVIGATE,

		/** Ask the flow's endpoint for the first screen. */
		DATA_EXCHANGE,

		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

}
