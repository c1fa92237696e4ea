package dev.nxcloud.whatsapp;

import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class NxCloudValidationTests {

	@Test
	void quoteEscapesWhatCouldForgeALogLine() {
		assertThat(NxCloudValidation.quote("a\r\nX-Evil: 1\t'\\\u0000\u2028\u202e"))
			.isEqualTo("'a\\r\\nX-Evil: 1\\t\\'\\\\\\u0000\\u2028\\u202e'");
	}

	@Test
	void quoteKeepsAShortExcerptOfAHugeValue() {
		String quoted = NxCloudValidation.quote("8".repeat(10_000_000));
		assertThat(quoted).isEqualTo("'" + "8".repeat(NxCloudValidation.QUOTED_CHARACTERS) + "…'");
	}

	@Test
	void quoteCountsAnEmojiAsOneCharacterAndNeverSplitsIt() {
		String emoji = "\uD83D\uDE00";
		assertThat(NxCloudValidation.quote(emoji.repeat(100)))
			.isEqualTo("'" + emoji.repeat(NxCloudValidation.QUOTED_CHARACTERS) + "…'");
	}

	@Test
	void aHugePhoneNumberGivesAShortMessage() {
		assertThatExceptionOfType(NxCloudValidationException.class)
			.isThrownBy(() -> NxCloudValidation.requirePhone("to", "1\r\n".repeat(1_000_000)))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(300).doesNotContain("\r", "\n"));
	}

	@Test
	void maxLengthCountsCodePointsAsWhatsAppDoes() {
		String emoji = "\uD83D\uDE00";
		assertThat(NxCloudValidation.maxLength("text.body", emoji.repeat(4096), 4096)).hasSize(8192);
		assertThatExceptionOfType(NxCloudValidationException.class)
			.isThrownBy(() -> NxCloudValidation.maxLength("text.body", emoji.repeat(4097), 4096))
			.satisfies((ex) -> {
				assertThat(ex.getField()).isEqualTo("text.body");
				assertThat(ex.getRule()).isEqualTo("must be at most 4096 characters (got 4097)");
			});
		assertThat(NxCloudValidation.maxLength("text.body", null, 1)).isNull();
	}

	@Test
	void requireNonNullNamesTheField() {
		assertThatExceptionOfType(NxCloudValidationException.class)
			.isThrownBy(() -> NxCloudValidation.requireNonNull("template.language", null))
			.satisfies((ex) -> assertThat(ex.getMessage()).endsWith("invalid request: 'template.language' is required"));
	}

}
