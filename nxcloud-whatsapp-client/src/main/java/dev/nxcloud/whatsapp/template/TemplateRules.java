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

	/** WhatsApp's limit on a template name's length. */
	static final int MAX_NAME_LENGTH = 512;

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
		NxCloudValidation.requireText("name", name);
		if (name.codePoints().anyMatch(TemplateRules::isCjk)) {
			throw new NxCloudValidationException("name", "cannot be in Chinese (got '" + name + "')");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new NxCloudValidationException("name",
					"must be at most " + MAX_NAME_LENGTH + " characters (got " + name.length() + ")");
		}
		if (!name.chars().allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
			throw new NxCloudValidationException("name",
					"must hold only lowercase letters, digits and underscores (got '" + name + "')");
		}
		return name;
	}

	static TemplateLanguage language(@Nullable TemplateLanguage language) {
		if (language == null) {
			throw new NxCloudValidationException("language", "is required");
		}
		return language;
	}

	static TemplateCategoryType categoryType(@Nullable TemplateCategoryType categoryType) {
		if (categoryType == null || categoryType == TemplateCategoryType.UNKNOWN) {
			throw new NxCloudValidationException("category_type", "is required: MARKETING (1) or UTILITY (2)");
		}
		return categoryType;
	}

	static void headerMedia(@Nullable TemplateHeaderMedia headerMedia) {
		if (headerMedia != null && !headerMedia.equals(TemplateHeaderMedia.none())
				&& (headerMedia.type() == null || headerMedia.type() == TemplateMediaType.UNKNOWN)) {
			throw new NxCloudValidationException("mediaType", "must be IMAGE, DOCUMENT or VIDEO");
		}
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
		NxCloudValidation.requireText(field + ".text", button.text());
		switch (button.type()) {
			case QUICK_REPLY -> {
				if (button.customizeType() == null || button.customizeType() == TemplateButton.CustomizeType.UNKNOWN) {
					throw new NxCloudValidationException(field + ".customizeType",
							"must be conventional or unsubscribe for a QUICK_REPLY button");
				}
			}
			case PHONE_NUMBER -> NxCloudValidation.requireText(field + ".phoneNumber", button.phoneNumber());
			case URL -> url(field + ".url", button.url());
			case FLOW -> NxCloudValidation.requireText(field + ".flow_id", button.flowId());
			case UNKNOWN -> throw new NxCloudValidationException(field + ".type",
					"must be QUICK_REPLY, URL, PHONE_NUMBER or FLOW");
		}
		List<TemplateButtonEvent> events = button.buttonEvents();
		for (int i = 0; i < events.size(); i++) {
			event(field + ".buttonEvents[" + i + "]", events.get(i));
		}
	}

	private static void url(String field, @Nullable String url) {
		NxCloudValidation.requireText(field, url);
		String lower = url.toLowerCase(Locale.ROOT);
		String rest = lower.startsWith("https://") ? lower.substring(8)
				: lower.startsWith("http://") ? lower.substring(7) : null;
		if (rest == null || rest.isBlank() || rest.startsWith("/")) {
			throw new NxCloudValidationException(field, "must be an http or https URL (got '" + url + "')");
		}
	}

	private static void event(String field, TemplateButtonEvent event) {
		switch (event.event()) {
			case TAG -> NxCloudValidation.requireText(field + ".tagName", event.tagName());
			case TEXT -> NxCloudValidation.requireText(field + ".text", event.text());
			case TEMPLATE -> {
				if (event.templateId() == null) {
					throw new NxCloudValidationException(field + ".templateId", "is required for a template event");
				}
				NxCloudValidation.requireText(field + ".templateName", event.templateName());
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
