package dev.nxcloud.boot.autoconfigure.actuate;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The readings of a value in which a secret is looked for, besides the value as is: lenient, so that no value makes
 * the endpoint fail.
 */
class ConfiguredSecretsTests {

	@Test
	void everySecretPropertyOfTheStarterIsLookedFor() throws IOException {
		JsonNode metadata;
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = JsonMapper.builder().build().readTree(json);
		}
		List<String> secrets = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.matches(".*(secret|password|token|credentials?)$")
					|| property.path("description").asString().contains("exposed")) {
				secrets.add(name);
			}
		}
		assertThat(secrets).containsExactlyInAnyOrderElementsOf(ConfiguredSecrets.PROPERTIES);
	}

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
