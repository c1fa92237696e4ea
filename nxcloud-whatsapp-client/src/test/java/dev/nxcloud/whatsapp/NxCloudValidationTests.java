package dev.nxcloud.whatsapp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

	@Test
	void requireTextWithALengthRefusesNullBlankAndLongerByTheSameField() {
		String emoji = "\uD83D\uDE00";
		assertThat(NxCloudValidation.requireText("app_name", emoji.repeat(3), 3)).isEqualTo(emoji.repeat(3));
		assertThat(rule(() -> NxCloudValidation.requireText("app_name", null, 3))).isEqualTo("is required");
		assertThat(rule(() -> NxCloudValidation.requireText("app_name", " \t", 3))).isEqualTo("is required");
		assertThat(rule(() -> NxCloudValidation.requireText("app_name", "abcd", 3)))
			.isEqualTo("must be at most 3 characters (got 4)");
	}

	@Test
	void requireElementsCopiesAndNamesANullElementByItsIndex() {
		List<String> given = new ArrayList<>(List.of("a", "b"));
		List<String> copy = NxCloudValidation.requireElements("business_phones", given);
		given.set(0, "changed");
		assertThat(copy).containsExactly("a", "b");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> copy.add("c"));
		assertThatExceptionOfType(NxCloudValidationException.class)
			.isThrownBy(() -> NxCloudValidation.requireElements("business_phones", Arrays.asList("a", null)))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("business_phones[1]"));
		assertThatExceptionOfType(NxCloudValidationException.class)
			.isThrownBy(() -> NxCloudValidation.requireElements("business_phones", null))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("business_phones"));
	}

	@Test
	void requireFilenameRefusesControlAndFormatCharacters() {
		assertThat(NxCloudValidation.requireFilename("filename", "invoice.pdf")).isEqualTo("invoice.pdf");
		assertThat(NxCloudValidation.requireFilename("filename", "f".repeat(251) + ".pdf")).hasSize(255);
		for (String name : List.of("a\r\nX-Evil: 1.pdf", "a\u0000.pdf", "a\u007f.pdf", "a\u0085.pdf",
				"invoice\u202Efdp.exe", "a\u200B.pdf", "a\uFEFF.pdf", "a\u2028.pdf")) {
			assertThat(rule(() -> NxCloudValidation.requireFilename("document.filename", name)))
				.startsWith("must not hold control characters (CR, LF, NUL, …) or Unicode format characters")
				.contains(NxCloudValidation.quote(name));
		}
		assertThat(rule(() -> NxCloudValidation.requireFilename("filename", " "))).isEqualTo("is required");
		assertThat(rule(() -> NxCloudValidation.requireFilename("filename", "f".repeat(252) + ".pdf")))
			.isEqualTo("must be at most 255 characters (got 256)");
	}

	@Test
	void customMessageIdIsOptionalNotBlankAndAtMost512Characters() {
		assertThat(NxCloudValidation.customMessageId(null)).isNull();
		assertThat(NxCloudValidation.customMessageId("i".repeat(512))).hasSize(512);
		assertThat(rule(() -> NxCloudValidation.customMessageId(""))).isEqualTo("is required");
		assertThat(rule(() -> NxCloudValidation.customMessageId("i".repeat(513))))
			.isEqualTo("must be at most 512 characters (got 513)");
	}

	private static String rule(Runnable check) {
		try {
			check.run();
		}
		catch (NxCloudValidationException ex) {
			return ex.getRule();
		}
		throw new AssertionError("no NxCloudValidationException");
	}

}
