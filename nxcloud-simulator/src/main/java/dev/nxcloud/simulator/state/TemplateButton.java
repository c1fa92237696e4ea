package dev.nxcloud.simulator.state;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One button of a template, as sent in {@code buttonComponents} of the SaaS template create and update calls.
 *
 * @param type {@code QUICK_REPLY}, {@code URL}, {@code PHONE_NUMBER} or {@code FLOW}
 * @param customizeType {@code conventional} or {@code unsubscribe} for quick replies
 * @param text the button text
 * @param phoneNumber the number of a {@code PHONE_NUMBER} button
 * @param url the URL of a {@code URL} button
 * @param flowId the flow of a {@code FLOW} button
 * @param payload the id NxCloud assigns to a quick reply
 * @param buttonEvents the events of the button ({@code event}, {@code tagName}, {@code text}, {@code templateId},
 * {@code templateName}), as received
 */
public record TemplateButton(String type, @Nullable String customizeType, String text, @Nullable String phoneNumber,
		@Nullable String url, @Nullable String flowId, @Nullable String payload,
		List<Map<String, @Nullable Object>> buttonEvents) {

	/**
	 * Copies the events.
	 */
	public TemplateButton {
		buttonEvents = List.copyOf(buttonEvents);
	}

	/**
	 * A quick-reply button without events.
	 * @param text the text
	 * @return the button
	 */
	public static TemplateButton quickReply(String text) {
		return new TemplateButton("QUICK_REPLY", "conventional", text, null, null, null, null, List.of());
	}

}
