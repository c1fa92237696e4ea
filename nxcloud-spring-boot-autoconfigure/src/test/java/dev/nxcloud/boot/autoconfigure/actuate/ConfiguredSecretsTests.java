package dev.nxcloud.boot.autoconfigure.actuate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readings of a value in which a secret is looked for, besides the value as is: lenient, so that no value makes
 * the endpoint fail.
 */
class ConfiguredSecretsTests {

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			http://user:p%40ss%2Fw%22rd@proxy:3128 | http://user:p@ss/w"rd@proxy:3128
			caf%C3%A9%20%f0%9f%98%80              | café 😀
			100% of %zz and %4                    | 100% of %zz and %4
			a+b                                   | a+b
			""")
	void percentDecodingTurnsEachEscapeIntoItsByteAndKeepsTheRest(String text, String expected) {
		assertThat(ConfiguredSecrets.percentDecoded(text)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			{"password":"p@ss\\/w\\"rd\\\\x"}        | {"password":"p@ss/w"rd\\x"}
			caf\\u00e9 \\uD83D\\uDE00 tab\\there   | `café 😀 tab	here`
			\\uzzzz and \\u12 and a trailing \\    | uzzzz and u12 and a trailing \\
			""")
	void jsonUnescapingTurnsEachEscapeIntoItsCharacterAndKeepsTheRest(String text, String expected) {
		assertThat(ConfiguredSecrets.jsonUnescaped(text)).isEqualTo(expected);
	}

}
