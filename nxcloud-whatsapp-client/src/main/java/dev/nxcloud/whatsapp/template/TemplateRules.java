package dev.nxcloud.whatsapp.template;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The documented rules of the template endpoints, checked before any network call.
 */
final class TemplateRules {

	/** NxCloud's limit (code 22070: a maximum of 3 buttons can be created). */
	static final int MAX_BUTTONS = 3;

	/**
	 * The most events of one button ({@code buttonEvents}). Neither NxCloud nor Meta documents a limit: NxCloud's
	 * page lists three kinds of event (tag, text, template) and its examples give a button at most two; 10 is a
	 * generous bound that keeps a careless list from going out as megabytes.
	 */
	static final int MAX_BUTTON_EVENTS = 10;

	/** The longest body ({@code content}): Meta's limit on a template's BODY text; NxCloud's page gives none. */
	static final int MAX_CONTENT_LENGTH = 1024;

	/** The longest header text ({@code headerText}): Meta's limit on a template's HEADER text. */
	static final int MAX_HEADER_TEXT_LENGTH = 60;

	/** The longest footer ({@code footerText}): Meta's limit on a template's FOOTER text. */
	static final int MAX_FOOTER_TEXT_LENGTH = 60;

	/** The longest button text ({@code text} of a button): Meta's limit on a template button's text. */
	static final int MAX_BUTTON_TEXT_LENGTH = 25;

	/**
	 * The longest number of a PHONE_NUMBER button ({@code phoneNumber}): Meta's limit on a template phone number
	 * button's {@code phone_number}.
	 */
	static final int MAX_PHONE_NUMBER_LENGTH = 20;

	/**
	 * The longest reply text of a button's {@code text} event: Meta's limit on a text message's body, the message
	 * NxCloud replies with.
	 */
	static final int MAX_REPLY_TEXT_LENGTH = 4096;

	/**
	 * The longest identifier or reference ({@code tag_name}, a button's {@code flow_id}, an event's {@code tagName},
	 * and the header media's {@code mediaName}, {@code mediaId} and {@code templateMediaId}). Neither NxCloud nor Meta
	 * documents one: a generous bound, several times the longest value the pages show (a handle of {@code h}, about
	 * 220 characters), so that no megabyte-long value goes out.
	 */
	static final int MAX_REFERENCE_LENGTH = 1024;

	private TemplateRules() {
	}

	static void page(int pageNumber, int pageSize) {
		if (pageNumber < 1) {
			throw new NxCloudValidationException("page_number", "must be at least 1 (got " + pageNumber + ")");
		}
		if (pageSize < 1) {
			throw new NxCloudValidationException("page_size", "must be at least 1 (got " + pageSize + ")");
		}
	}

	static String name(@Nullable String name) {
		NxCloudValidation.requireText("name", name, NxCloudValidation.MAX_TEMPLATE_NAME_LENGTH);
		if (name.codePoints().anyMatch(TemplateRules::isCjk)) {
			throw new NxCloudValidationException("name",
					"cannot be in Chinese (got " + NxCloudValidation.quote(name) + ")");
		}
		if (!name.chars().allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
			throw new NxCloudValidationException("name", "must hold only lowercase letters, digits and underscores (got "
					+ NxCloudValidation.quote(name) + ")");
		}
		return name;
	}

	static TemplateLanguage language(@Nullable TemplateLanguage language) {
		return NxCloudValidation.requireNonNull("language", language);
	}

	static TemplateCategoryType categoryType(@Nullable TemplateCategoryType categoryType) {
		if (categoryType == null || categoryType == TemplateCategoryType.UNKNOWN) {
			throw new NxCloudValidationException("category_type", "is required: MARKETING (1) or UTILITY (2)");
		}
		return categoryType;
	}

	/**
	 * Check the free texts and references of a template: the body (required), header text, footer and tag.
	 * @param request the template
	 * @return the body
	 */
	static String texts(TemplateRequest request) {
		String content = NxCloudValidation.requireText("content", request.content(), MAX_CONTENT_LENGTH);
		NxCloudValidation.maxLength("headerText", request.headerText(), MAX_HEADER_TEXT_LENGTH);
		NxCloudValidation.maxLength("footerText", request.footerText(), MAX_FOOTER_TEXT_LENGTH);
		NxCloudValidation.maxLength("tag_name", request.tagName(), MAX_REFERENCE_LENGTH);
		return content;
	}

	static void headerMedia(@Nullable TemplateHeaderMedia headerMedia) {
		if (headerMedia == null || headerMedia.equals(TemplateHeaderMedia.none())) {
			return;
		}
		if (headerMedia.type() == null || headerMedia.type() == TemplateMediaType.UNKNOWN) {
			throw new NxCloudValidationException("mediaType", "must be IMAGE, DOCUMENT or VIDEO");
		}
		NxCloudValidation.maxLength("mediaName", headerMedia.mediaName(), MAX_REFERENCE_LENGTH);
		NxCloudValidation.maxLength("mediaId", headerMedia.mediaId(), MAX_REFERENCE_LENGTH);
		NxCloudValidation.maxLength("templateMediaId", headerMedia.templateMediaId(), MAX_REFERENCE_LENGTH);
	}

	static void buttons(List<TemplateButton> buttons) {
		if (buttons.size() > MAX_BUTTONS) {
			throw new NxCloudValidationException("buttonComponents",
					"can hold at most " + MAX_BUTTONS + " buttons (got " + buttons.size() + ")");
		}
		for (int i = 0; i < buttons.size(); i++) {
			button("buttonComponents[" + i + "]", buttons.get(i));
		}
	}

	private static void button(String field, TemplateButton button) {
		NxCloudValidation.requireText(field + ".text", button.text(), MAX_BUTTON_TEXT_LENGTH);
		switch (button.type()) {
			case QUICK_REPLY -> {
				if (button.customizeType() == null || button.customizeType() == TemplateButton.CustomizeType.UNKNOWN) {
					throw new NxCloudValidationException(field + ".customizeType",
							"must be conventional or unsubscribe for a QUICK_REPLY button");
				}
			}
			case PHONE_NUMBER ->
				NxCloudValidation.requireText(field + ".phoneNumber", button.phoneNumber(), MAX_PHONE_NUMBER_LENGTH);
			case URL -> url(field + ".url", button.url());
			case FLOW -> NxCloudValidation.requireText(field + ".flow_id", button.flowId(), MAX_REFERENCE_LENGTH);
			case UNKNOWN -> throw new NxCloudValidationException(field + ".type",
					"must be QUICK_REPLY, URL, PHONE_NUMBER or FLOW");
		}
		List<TemplateButtonEvent> events = button.buttonEvents();
		if (events.size() > MAX_BUTTON_EVENTS) {
			throw new NxCloudValidationException(field + ".buttonEvents",
					"can hold at most " + MAX_BUTTON_EVENTS + " events (got " + events.size() + ")");
		}
		for (int i = 0; i < events.size(); i++) {
			event(field + ".buttonEvents[" + i + "]", events.get(i));
		}
	}

	private static void url(String field, @Nullable String url) {
		String lower = NxCloudValidation.requireText(field, url, NxCloudValidation.MAX_URL_LENGTH)
			.toLowerCase(Locale.ROOT);
		String rest = lower.startsWith("https://") ? lower.substring(8)
				: lower.startsWith("http://") ? lower.substring(7) : null;
		if (rest == null || rest.isBlank() || rest.startsWith("/")
				|| lower.codePoints().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw new NxCloudValidationException(field,
					"must be an http or https URL without spaces or control characters (got "
							+ NxCloudValidation.quote(url) + ")");
		}
	}

	private static void event(String field, TemplateButtonEvent event) {
		switch (event.event()) {
			case TAG -> NxCloudValidation.requireText(field + ".tagName", event.tagName(), MAX_REFERENCE_LENGTH);
			case TEXT -> NxCloudValidation.requireText(field + ".text", event.text(), MAX_REPLY_TEXT_LENGTH);
			case TEMPLATE -> {
				if (event.templateId() == null) {
					throw new NxCloudValidationException(field + ".templateId", "is required for a template event");
				}
				NxCloudValidation.requireText(field + ".templateName", event.templateName(),
						NxCloudValidation.MAX_TEMPLATE_NAME_LENGTH);
			}
			case UNKNOWN -> throw new NxCloudValidationException(field + ".event", "must be tag, text or template");
		}
	}

	static Optional<TemplateLanguage> language(@Nullable String code) {
		if (code == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(TemplateLanguage.of(code));
		}
		catch (NxCloudValidationException ex) {
			return Optional.empty();
		}
	}

	private static boolean isCjk(int codePoint) {
		Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
		if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
				|| script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
				|| script == Character.UnicodeScript.BOPOMOFO) {
			return true;
		}
		Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
		return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
				|| block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS;
	}

}
