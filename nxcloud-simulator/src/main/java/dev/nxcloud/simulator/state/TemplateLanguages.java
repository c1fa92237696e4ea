package dev.nxcloud.simulator.state;

import java.util.Map;
import java.util.Optional;

/**
 * The template languages NxCloud documents (the "Template Languages" table on every send and template page):
 * Meta's language codes and NxCloud's English names for them.
 */
public final class TemplateLanguages {

	private static final Map<String, String> NAMES = Map.ofEntries(
			Map.entry("af", "Afrikaans"),
			Map.entry("ar", "Arabic"),
			Map.entry("az", "Azerbaijani"),
			Map.entry("bg", "Bulgarian"),
			Map.entry("bn", "Bengali"),
			Map.entry("ca", "Catalan"),
			Map.entry("cs", "Czech"),
			Map.entry("da", "Danish"),
			Map.entry("de", "German"),
			Map.entry("el", "Greek"),
			Map.entry("en", "English"),
			Map.entry("en_GB", "English (UK)"),
			Map.entry("en_US", "English (US)"),
			Map.entry("es", "Spanish"),
			Map.entry("es_AR", "Spanish (ARG)"),
			Map.entry("es_ES", "Spanish (SPA)"),
			Map.entry("es_MX", "Spanish (MEX)"),
			Map.entry("et", "Estonian"),
			Map.entry("fa", "Persian"),
			Map.entry("fi", "Finnish"),
			Map.entry("fil", "Filipino"),
			Map.entry("fr", "French"),
			Map.entry("ga", "Irish"),
			Map.entry("gu", "Gujarati"),
			Map.entry("he", "Hebrew"),
			Map.entry("hi", "Hindi"),
			Map.entry("hr", "Croatian"),
			Map.entry("hu", "Hungarian"),
			Map.entry("id", "Indonesian"),
			Map.entry("it", "Italian"),
			Map.entry("ja", "Japanese"),
			Map.entry("kk", "Kazakh"),
			Map.entry("kn", "Kannada"),
			Map.entry("ko", "Korean"),
			Map.entry("lo", "Lao"),
			Map.entry("lt", "Lithuanian"),
			Map.entry("lv", "Latvian"),
			Map.entry("mk", "Macedonian"),
			Map.entry("mr", "Marathi"),
			Map.entry("ms", "Malay"),
			Map.entry("nb", "Norwegian"),
			Map.entry("nl", "Dutch"),
			Map.entry("pa", "Punjabi"),
			Map.entry("pl", "Polish"),
			Map.entry("pt_BR", "Portuguese (BR)"),
			Map.entry("pt_PT", "Portuguese (POR)"),
			Map.entry("ro", "Romanian"),
			Map.entry("ru", "Russian"),
			Map.entry("sk", "Slovak"),
			Map.entry("sl", "Slovenian"),
			Map.entry("sq", "Albanian"),
			Map.entry("sr", "Serbian"),
			Map.entry("sv", "Swedish"),
			Map.entry("sw", "Swahili"),
			Map.entry("ta", "Tamil"),
			Map.entry("te", "Telugu"),
			Map.entry("th", "Thai"),
			Map.entry("tr", "Turkish"),
			Map.entry("uk", "Ukrainian"),
			Map.entry("ur", "Urdu"),
			Map.entry("uz", "Uzbek"),
			Map.entry("vi", "Vietnamese"),
			Map.entry("zh_CN", "Chinese (CHN)"),
			Map.entry("zh_HK", "Chinese (HKG)"),
			Map.entry("zh_TW", "Chinese (TAI)"));

	private TemplateLanguages() {
	}

	/**
	 * Every documented language: code to English name.
	 * @return the 65 languages, unmodifiable
	 */
	public static Map<String, String> all() {
		return NAMES;
	}

	/**
	 * Tell whether NxCloud documents a language code (case-sensitive, e.g. {@code en_US}).
	 * @param code the language code
	 * @return whether the code is in the documented list
	 */
	public static boolean isKnown(String code) {
		return NAMES.containsKey(code);
	}

	/**
	 * The documented English name of a language code, e.g. {@code English (UK)} for {@code en_GB}.
	 * @param code the language code
	 * @return the name, or empty for an unknown code
	 */
	public static Optional<String> name(String code) {
		return Optional.ofNullable(NAMES.get(code));
	}

}
