package dev.nxcloud.whatsapp;

import java.util.List;

import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Checks shared by every request, applied before any network call. Each failure names the wire field and the rule.
 */
public final class NxCloudValidation {

	private NxCloudValidation() {
	}

	/** The most characters of an input that an error message quotes. */
	static final int QUOTED_CHARACTERS = 40;

	/**
	 * The most characters of a URL: 2,000, the limit Meta's Cloud API sets for a template button's URL, applied to
	 * every URL a request sends (a media {@code link}, {@code dr_webhook}, an app's {@code webhook}).
	 */
	public static final int MAX_URL_LENGTH = 2000;

	/**
	 * The most characters of a file name sent (a document's {@code filename}, an upload's part name). Neither NxCloud
	 * nor Meta documents one: 255 is the longest name most file systems (ext4, NTFS, APFS) store, so no real file is
	 * refused and no megabyte-long name goes out.
	 */
	public static final int MAX_FILENAME_LENGTH = 255;

	/**
	 * The most characters of a template's name, where a template is created and where one is sent: 512, Meta's
	 * limit (Cloud API, message templates); NxCloud's pages give none.
	 */
	public static final int MAX_TEMPLATE_NAME_LENGTH = 512;

	/**
	 * The most characters of a {@code cus_message_id} (a message send's and an OTP's). Neither NxCloud nor Meta
	 * documents one: 512, the limit of the other correlation string, {@code biz_opaque_callback_data}, is a generous
	 * bound for an id.
	 */
	public static final int MAX_CUSTOM_MESSAGE_ID_LENGTH = 512;

	/**
	 * Require a value that is not {@code null}.
	 * @param <T> the type of the value
	 * @param field the wire field (or parameter) name
	 * @param value the value
	 * @return the value
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public static <T> T requireNonNull(String field, @Nullable T value) {
		if (value == null) {
			throw new NxCloudValidationException(field, "is required");
		}
		return value;
	}

	/**
	 * Require a text of at most {@code maxCharacters} characters, counted as WhatsApp counts them: in code points, so
	 * an emoji is one character and not two UTF-16 units. {@code null} passes (pair it with {@link #requireText} where
	 * the field is required).
	 * @param field the wire field name
	 * @param value the value, or {@code null}
	 * @param maxCharacters the most characters allowed
	 * @return the value
	 * @throws NxCloudValidationException if it is longer
	 */
	public static @Nullable String maxLength(String field, @Nullable String value, int maxCharacters) {
		if (value != null && value.length() > maxCharacters
				&& value.codePointCount(0, value.length()) > maxCharacters) {
			throw new NxCloudValidationException(field, "must be at most " + maxCharacters + " characters (got "
					+ value.codePointCount(0, value.length()) + ")");
		}
		return value;
	}

	/**
	 * Quote an input for an error message: at most {@value #QUOTED_CHARACTERS} characters, then {@code …}, with
	 * control characters (CR, LF, tab, …), quotes and backslashes escaped, so that a message never carries a huge
	 * value nor forges a log line.
	 * @param value the input, or {@code null}
	 * @return the quoted excerpt, such as {@code 'abc\r\nX…'}, or {@code null} unquoted
	 */
	public static String quote(@Nullable Object value) {
		return quote(value, QUOTED_CHARACTERS);
	}

	/**
	 * Quote a text for an error message as {@link #quote(Object)} does, keeping at most {@code maxCharacters}.
	 * @param value the text, or {@code null}
	 * @param maxCharacters the most characters kept
	 * @return the quoted excerpt, or {@code null} unquoted
	 */
	public static String quote(@Nullable Object value, int maxCharacters) {
		if (value == null) {
			return "null";
		}
		String text = value.toString();
		StringBuilder quoted = new StringBuilder(Math.min(maxCharacters, 1024) + 8).append('\'');
		int characters = 0;
		for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
			if (characters++ == maxCharacters) {
				return quoted.append("…'").toString();
			}
			int c = text.codePointAt(i);
			switch (c) {
				case '\r' -> quoted.append("\\r");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				case '\'' -> quoted.append("\\'");
				case '\\' -> quoted.append("\\\\");
				default -> {
					if (isInvisible(c)) {
						quoted.append(String.format("\\u%04x", c));
					}
					else {
						quoted.appendCodePoint(c);
					}
				}
			}
		}
		return quoted.append('\'').toString();
	}

	/**
	 * Whether a character is one an error message escapes and a file name may not hold: a control character (CR, LF,
	 * NUL, DEL, …), a Unicode format character (such as U+202E, the right-to-left override that shows
	 * {@code invoice}, U+202E, {@code fdp.exe} as {@code invoiceexe.pdf}) or a line or paragraph separator.
	 */
	private static boolean isInvisible(int c) {
		int type = Character.getType(c);
		return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR;
	}

	/**
	 * Require a non-blank text.
	 * @param field the wire field name
	 * @param value the value
	 * @return the value
	 * @throws NxCloudValidationException if it is {@code null} or blank
	 */
	public static String requireText(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new NxCloudValidationException(field, "is required");
		}
		return value;
	}

	/**
	 * Require a non-blank text of at most {@code maxCharacters} characters, counted as {@link #maxLength} counts them.
	 * @param field the wire field name
	 * @param value the value
	 * @param maxCharacters the most characters allowed
	 * @return the value
	 * @throws NxCloudValidationException if it is {@code null}, blank or longer
	 */
	public static String requireText(String field, @Nullable String value, int maxCharacters) {
		return requireText(field, maxLength(field, value, maxCharacters));
	}

	/**
	 * Check an optional text of at most {@code maxCharacters} characters: absent is fine, present must not be blank.
	 * @param field the wire field name
	 * @param value the value, or {@code null}
	 * @param maxCharacters the most characters allowed
	 * @return the value
	 * @throws NxCloudValidationException if it is present and blank or longer
	 */
	public static @Nullable String optionalText(String field, @Nullable String value, int maxCharacters) {
		return (value != null) ? requireText(field, value, maxCharacters) : null;
	}

	/**
	 * Check a {@code cus_message_id}: absent, or not blank and at most {@value #MAX_CUSTOM_MESSAGE_ID_LENGTH}
	 * characters.
	 * @param customMessageId the id, or {@code null}
	 * @return the id
	 * @throws NxCloudValidationException if it is blank or longer
	 */
	public static @Nullable String customMessageId(@Nullable String customMessageId) {
		return optionalText("cus_message_id", customMessageId, MAX_CUSTOM_MESSAGE_ID_LENGTH);
	}

	/**
	 * Require a file name: not blank, at most {@value #MAX_FILENAME_LENGTH} characters, and without control
	 * characters (CR, LF, NUL, …) that could add a line where the name is written, nor Unicode format characters
	 * (such as U+202E, the right-to-left override that makes {@code invoice}, U+202E, {@code fdp.exe} read as
	 * {@code invoiceexe.pdf}).
	 * @param field the wire field name
	 * @param value the value
	 * @return the value
	 * @throws NxCloudValidationException if it is {@code null}, blank, longer or holds such a character
	 */
	public static String requireFilename(String field, @Nullable String value) {
		requireText(field, value, MAX_FILENAME_LENGTH);
		if (value.codePoints().anyMatch(NxCloudValidation::isInvisible)) {
			throw new NxCloudValidationException(field,
					"must not hold control characters (CR, LF, NUL, …) or Unicode format characters (U+202E, …) (got "
							+ quote(value) + ")");
		}
		return value;
	}

	/**
	 * Copy a list, refusing a {@code null} list or element by name, where {@link List#copyOf} would throw a bare
	 * {@link NullPointerException}: a list given as {@code Arrays.asList(…)} may hold {@code null}.
	 * @param <T> the element type
	 * @param field the list's field name, for example {@code business_phones}
	 * @param list the list
	 * @return an unmodifiable copy
	 * @throws NxCloudValidationException naming the list, or the element by its index ({@code business_phones[1]})
	 */
	public static <T> List<T> requireElements(String field, @Nullable List<? extends @Nullable T> list) {
		requireNonNull(field, list);
		for (int i = 0; i < list.size(); i++) {
			requireNonNull(field + "[" + i + "]", list.get(i));
		}
		return List.copyOf(list);
	}

	/**
	 * Require a phone number as NxCloud wants it: digits only, country code first, no {@code +}, 7 to 15 digits
	 * (E.164).
	 * @param field the wire field name
	 * @param value the value
	 * @return the value
	 * @throws NxCloudValidationException if it is missing or malformed
	 */
	public static String requirePhone(String field, @Nullable String value) {
		requireText(field, value);
		if (value.startsWith("+")) {
			throw new NxCloudValidationException(field,
					"must be digits with the country code and no '+' (got " + quote(value) + ")");
		}
		if (value.length() < 7 || value.length() > 15 || !isAsciiDigits(value)) {
			throw new NxCloudValidationException(field,
					"must be 7 to 15 digits including the country code (E.164 without '+'; got " + quote(value) + ")");
		}
		return value;
	}

	private static boolean isAsciiDigits(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Require an absolute {@code http} or {@code https} URL with a host, of at most {@value #MAX_URL_LENGTH}
	 * characters.
	 * @param field the wire field name
	 * @param value the value
	 * @return the value
	 * @throws NxCloudValidationException if it is missing, too long or not such a URL
	 */
	public static String requireHttpUrl(String field, @Nullable String value) {
		requireText(field, value);
		maxLength(field, value, MAX_URL_LENGTH);
		if (!HttpUrls.isHttpUrlWithHost(value)) {
			throw new NxCloudValidationException(field, "must be an http or https URL (got " + quote(value) + ")");
		}
		return value;
	}

	/**
	 * Check an optional URL: absent is fine, present must be an absolute {@code http} or {@code https} URL.
	 * @param field the wire field name
	 * @param value the value, or {@code null}
	 * @return the value
	 * @throws NxCloudValidationException if it is present and not such a URL
	 */
	public static @Nullable String optionalHttpUrl(String field, @Nullable String value) {
		return (value != null) ? requireHttpUrl(field, value) : null;
	}

}
