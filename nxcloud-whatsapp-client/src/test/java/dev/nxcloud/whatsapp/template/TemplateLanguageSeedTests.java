package dev.nxcloud.whatsapp.template;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.nxcloud.whatsapp.testsupport.SeedPages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TemplateLanguage} is the language table of NxCloud's pages, read from the pages themselves: every page that
 * carries the table lists the same 65 codes with the same names.
 */
class TemplateLanguageSeedTests {

	@ParameterizedTest
	@ValueSource(strings = { SeedPages.OTP, SeedPages.TEMPLATES, SeedPages.SAAS_SEND })
	void theLanguagesAreThoseOfThePagesTable(String page) {
		Map<String, String> documented = SeedPages.templateLanguages(page);
		Map<String, String> client = new LinkedHashMap<>();
		Arrays.stream(TemplateLanguage.values()).forEach((language) -> client.put(language.code(), language.displayName()));
		assertThat(documented).hasSize(65).containsKeys("af", "fil", "pt_BR", "zh_TW", "vi");
		assertThat(client).containsExactlyInAnyOrderEntriesOf(documented);
		documented.keySet().forEach((code) -> assertThat(TemplateLanguage.of(code).code()).isEqualTo(code));
	}

}
