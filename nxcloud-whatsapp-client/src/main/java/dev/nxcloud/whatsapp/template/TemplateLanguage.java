package dev.nxcloud.whatsapp.template;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;

/**
 * The template language codes NxCloud documents (Meta's codes). A code outside this list is rejected before any
 * network call.
 */
public enum TemplateLanguage {

	/** Afrikaans. */
	AF("af", "Afrikaans"),

	/** Arabic. */
	AR("ar", "Arabic"),

	/** Azerbaijani. */
	AZ("az", "Azerbaijani"),

	/** Bulgarian. */
	BG("bg", "Bulgarian"),

	/** Bengali. */
	BN("bn", "Bengali"),

	/** Catalan. */
	CA("ca", "Catalan"),

	/** Czech. */
	CS("cs", "Czech"),

	/** Danish. */
	DA("da", "Danish"),

	/** German. */
	DE("de", "German"),

	/** Greek. */
	EL("el", "Greek"),

	/** English. */
	EN("en", "English"),

	/** English (UK). */
	EN_GB("en_GB", "English (UK)"),

	/** English (US). */
	EN_US("en_US", "English (US)"),

	/** Spanish. */
	ES("es", "Spanish"),

	/** Spanish (ARG). */
	ES_AR("es_AR", "Spanish (ARG)"),

	/** Spanish (SPA). */
	ES_ES("es_ES", "Spanish (SPA)"),

	/** Spanish (MEX). */
	ES_MX("es_MX", "Spanish (MEX)"),

	/** Estonian. */
	ET("et", "Estonian"),

	/** Persian. */
	FA("fa", "Persian"),

	/** Finnish. */
	FI("fi", "Finnish"),

	/** Filipino. */
	FIL("fil", "Filipino"),

	/** French. */
	FR("fr", "French"),

	/** Irish. */
	GA("ga", "Irish"),

	/** Gujarati. */
	GU("gu", "Gujarati"),

	/** Hebrew. */
	HE("he", "Hebrew"),

	/** Hindi. */
	HI("hi", "Hindi"),

	/** Croatian. */
	HR("hr", "Croatian"),

	/** Hungarian. */
	HU("hu", "Hungarian"),

	/** Indonesian. */
	ID("id", "Indonesian"),

	/** Italian. */
	IT("it", "Italian"),

	/** Japanese. */
	JA("ja", "Japanese"),

	/** Kazakh. */
	KK("kk", "Kazakh"),

	/** Kannada. */
	KN("kn", "Kannada"),

	/** Korean. */
	KO("ko", "Korean"),

	/** Lao. */
	LO("lo", "Lao"),

	/** Lithuanian. */
	LT("lt", "Lithuanian"),

	/** Latvian. */
	LV("lv", "Latvian"),

	/** Macedonian. */
	MK("mk", "Macedonian"),

	/** Marathi. */
	MR("mr", "Marathi"),

	/** Malay. */
	MS("ms", "Malay"),

	/** Norwegian. */
	NB("nb", "Norwegian"),

	/** Dutch. */
	NL("nl", "Dutch"),

	/** Punjabi. */
	PA("pa", "Punjabi"),

	/** Polish. */
	PL("pl", "Polish"),

	/** Portuguese (BR). */
	PT_BR("pt_BR", "Portuguese (BR)"),

	/** Portuguese (POR). */
	PT_PT("pt_PT", "Portuguese (POR)"),

	/** Romanian. */
	RO("ro", "Romanian"),

	/** Russian. */
	RU("ru", "Russian"),

	/** Slovak. */
	SK("sk", "Slovak"),

	/** Slovenian. */
	SL("sl", "Slovenian"),

	/** Albanian. */
	SQ("sq", "Albanian"),

	/** Serbian. */
	SR("sr", "Serbian"),

	/** Swedish. */
	SV("sv", "Swedish"),

	/** Swahili. */
	SW("sw", "Swahili"),

	/** Tamil. */
	TA("ta", "Tamil"),

	/** Telugu. */
	TE("te", "Telugu"),

	/** Thai. */
	TH("th", "Thai"),

	/** Turkish. */
	TR("tr", "Turkish"),

	/** Ukrainian. */
	UK("uk", "Ukrainian"),

	/** Urdu. */
	UR("ur", "Urdu"),

	/** Uzbek. */
	UZ("uz", "Uzbek"),

	/** Vietnamese. */
	VI("vi", "Vietnamese"),

	/** Chinese (CHN). */
	ZH_CN("zh_CN", "Chinese (CHN)"),

	/** Chinese (HKG). */
	ZH_HK("zh_HK", "Chinese (HKG)"),

	/** Chinese (TAI). */
	ZH_TW("zh_TW", "Chinese (TAI)");

	private static final Map<String, TemplateLanguage> BY_CODE = new HashMap<>();

	static {
		for (TemplateLanguage language : values()) {
			BY_CODE.put(language.code, language);
		}
	}

	private final String code;

	private final String displayName;

	TemplateLanguage(String code, String displayName) {
		this.code = code;
		this.displayName = displayName;
	}

	/**
	 * The code as sent to NxCloud, for example {@code en_US}.
	 * @return the code
	 */
	@JsonValue
	public String code() {
		return this.code;
	}

	/**
	 * The language's name as NxCloud's pages give it, for example {@code English (US)}.
	 * @return the name
	 */
	public String displayName() {
		return this.displayName;
	}

	/**
	 * The language with the given code, matched exactly (codes are case-sensitive: {@code en_US}).
	 * @param code the code
	 * @return the language
	 * @throws NxCloudValidationException if the code is missing or not a documented template language
	 */
	public static TemplateLanguage of(String code) {
		TemplateLanguage language = BY_CODE.get(NxCloudValidation.requireText("language", code));
		if (language == null) {
			throw new NxCloudValidationException("language",
					"must be a documented template language code such as en, en_US or zh_CN (got "
							+ NxCloudValidation.quote(code) + ")");
		}
		return language;
	}

}
