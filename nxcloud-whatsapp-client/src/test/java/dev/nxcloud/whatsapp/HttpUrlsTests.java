package dev.nxcloud.whatsapp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The URL rule's scan must accept only what {@link URI} accepts, and the rule as a whole exactly what the check by
 * {@code URI} alone, which it replaced, accepted.
 */
class HttpUrlsTests {

	private static final int GENERATED = 200_000;

	/** Characters that a URL parser treats specially, or that look like what it expects and are not. */
	private static final String TRICKY = "aZx09-._~!$&'()*+,;=:@/?#[]% \"<>\\^`{|}\t\n\r\u0000\u007f\u0080\u00e9\u00a0"
			+ "\u2028\u202e\u017f\u0131\u212a\uff11\uff21\u0663HTPS";

	private static final String LABEL_CHARACTERS = "abcxyzABCXYZ0123456789-";

	private static final String PATH_CHARACTERS = "abcXYZ019-._~!$&'()*+,;=:@/";

	private static final String HEX = "0123456789abcdefABCDEF";

	private static final String BENCHMARK_IMAGE = "https://cdn.example.com/track/" + "abcdefghij".repeat(12) + ".png";

	@ParameterizedTest(name = "{0}")
	@MethodSource("directedRows")
	void directedValuesAreJudgedAsUriJudgesThem(String value, boolean accepted, boolean plain) {
		assertThat(byUriAlone(value)).as("URI's verdict").isEqualTo(accepted);
		assertThat(HttpUrls.isHttpUrlWithHost(value)).as("the rule's verdict").isEqualTo(accepted);
		assertThat(HttpUrls.isPlainHttpUrl(value)).as("taken by the scan").isEqualTo(plain);
	}

	static Stream<Arguments> directedRows() {
		return Stream.of(
				// the scan takes these
				arguments(BENCHMARK_IMAGE, true, true),
				arguments("https://example.com", true, true),
				arguments("HTTPS://EXAMPLE.COM/A.PNG", true, true),
				arguments("hTtP://localhost:8080", true, true),
				arguments("https://a-b.c-d.example:1/x", true, true),
				arguments("https://1.2.3.com/", true, true),
				arguments("https://1.2.3.4.example/", true, true),
				arguments("https://example.com?q=1", true, true),
				arguments("https://example.com#top", true, true),
				arguments("https://example.com/a?b?c#d?e/f:@", true, true),
				arguments("https://example.com/%2F%aB?x=%20#%7e", true, true),
				arguments("https://example.com/;p=1/!$&'()*+,=~_.-", true, true),
				arguments("https://goss.oss-accelerate.aliyuncs.com/1167113681293447?Expires=1719311172"
						+ "&OSSAccessKeyId=LTAI5tBrjWM5EyDe6MA5uc7z&Signature=BqE8WVjP%2B%2B19G4I4bLuL7ISGyo8%3D", true,
						true),
				// URI accepts these, the scan leaves them to it
				arguments("https://1.2.3.4/", true, false),
				arguments("http://127.0.0.1:8080/status", true, false),
				arguments("https://123/", true, false),
				arguments("https://example.com./", true, false),
				arguments("https://user:pw@example.com/", true, false),
				arguments("https://[::1]:8443/", true, false),
				arguments("https://example.com:/", true, false),
				arguments("https://example.com:123456/", true, false),
				arguments("https://example.com/\u00fc", true, false),
				arguments("https://example.com/?q=[1]", true, false),
				// refused by both
				arguments("https://", false, false),
				arguments("https:///path", false, false),
				arguments("httpſ://example.com/", false, false),
				arguments("https://a_b.example.com/", false, false),
				arguments("https://-a.example.com/", false, false),
				arguments("https://a-.example.com/", false, false),
				arguments("https://a..example.com/", false, false),
				arguments("https://example.123/", false, false),
				arguments("https://example.com:99999999999/", false, false),
				arguments("https://example.com:80a/", false, false),
				arguments("https://ex%41mple.com/", false, false),
				arguments("https://example.com/%zz", false, false),
				arguments("https://example.com/%4", false, false),
				arguments("https://example.com/%\uff11\uff11", false, false),
				arguments("https://example.com/a b", false, false),
				arguments("https://example.com/[1]", false, false),
				arguments("https://example.com/#a#b", false, false),
				arguments("https://example.com/track/{{1}}", false, false),
				arguments("https://\u00e9xample.com/", false, false),
				arguments("https://example\uff0ecom/", false, false),
				arguments("https://example.com\u0000", false, false),
				// the hostile corpora's and the validation table's URLs
				arguments("https://example.com/status\r\nX-Evil: 1", false, false),
				arguments("https://example.com/status\nx", false, false),
				arguments("https://example.com/a\r\nX-Forged: 1", false, false),
				arguments("javascript:alert(1)", false, false),
				arguments("file:///etc/passwd", false, false),
				arguments("file:///tmp/x", false, false),
				arguments("data:text/html,<script>x</script>", false, false),
				arguments("gopher://cdn.example.com/x.png", false, false),
				arguments("ftp://x/y", false, false),
				arguments("ftp://cdn/x.png", false, false),
				arguments("ftp://x/{{1}}", false, false),
				arguments("mailto:ops@example.com", false, false),
				arguments("not a url", false, false),
				arguments("example.com/hook", false, false),
				arguments("https://example.com/" + "p".repeat(1980), true, true),
				arguments("https://cdn.example.com/" + "8".repeat(1976), true, true));
	}

	@Test
	void generatedValuesAreJudgedAsUriJudgesThemAndTheScanTakesOnlyWhatUriAccepts() {
		Random random = new Random(15);
		int plain = 0;
		int leftToUri = 0;
		int refused = 0;
		for (int i = 0; i < GENERATED; i++) {
			String value = generate(random);
			boolean byUri = byUriAlone(value);
			boolean byScan = HttpUrls.isPlainHttpUrl(value);
			assertThat(!byScan || byUri).as("the scan takes %s, which URI refuses", NxCloudValidation.quote(value, 200))
				.isTrue();
			assertThat(HttpUrls.isHttpUrlWithHost(value)).as("the rule's verdict on %s", NxCloudValidation.quote(value, 200))
				.isEqualTo(byUri);
			if (byScan) {
				plain++;
			}
			else if (byUri) {
				leftToUri++;
			}
			else {
				refused++;
			}
		}
		// each verdict is reached often enough for the comparison to mean something
		assertThat(plain).isGreaterThan(GENERATED / 20);
		assertThat(leftToUri).isGreaterThan(GENERATED / 50);
		assertThat(refused).isGreaterThan(GENERATED / 4);
	}

	@Test
	void requireHttpUrlReturnsAPlainUrlAndRefusesByTheFieldAsBefore() {
		assertThat(NxCloudValidation.requireHttpUrl("image.link", BENCHMARK_IMAGE)).isSameAs(BENCHMARK_IMAGE);
		assertThat(NxCloudValidation.requireHttpUrl("dr_webhook", "http://127.0.0.1:8080/status"))
			.isEqualTo("http://127.0.0.1:8080/status");
		assertThatExceptionOfType(NxCloudValidationException.class)
			.isThrownBy(() -> NxCloudValidation.requireHttpUrl("image.link", "httpſ://example.com/"))
			.satisfies((ex) -> {
				assertThat(ex.getField()).isEqualTo("image.link");
				assertThat(ex.getRule()).isEqualTo("must be an http or https URL (got 'httpſ://example.com/')");
			});
	}

	/** The check as it was, by {@code URI} alone. */
	private static boolean byUriAlone(String value) {
		try {
			URI uri = new URI(value);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String generate(Random random) {
		int kind = random.nextInt(10);
		if (kind == 0) {
			return (random.nextBoolean() ? "http://" : "") + text(random, TRICKY, random.nextInt(30));
		}
		String url = scheme(random) + separator(random) + authority(random) + rest(random);
		if (kind <= 2) {
			url = mutate(random, url);
		}
		return url;
	}

	private static String scheme(Random random) {
		return switch (random.nextInt(16)) {
			case 0 -> "HTTP";
			case 1 -> "HTTPS";
			case 2 -> "hTtPs";
			case 3 -> "httpſ";
			case 4 -> "ftp";
			case 5 -> "httpx";
			case 6 -> "htt";
			case 7 -> text(random, "htpsHTPS\u017f\u0131+-.", 1 + random.nextInt(6));
			case 8, 9, 10, 11 -> "http";
			default -> "https";
		};
	}

	private static String separator(Random random) {
		return switch (random.nextInt(16)) {
			case 0 -> ":/";
			case 1 -> ":///";
			case 2 -> "//";
			case 3 -> ":";
			default -> "://";
		};
	}

	private static String authority(Random random) {
		StringBuilder authority = new StringBuilder();
		if (random.nextInt(10) == 0) {
			authority.append(text(random, "user:pw%41@" + TRICKY, random.nextInt(8))).append('@');
		}
		switch (random.nextInt(20)) {
			case 0, 1, 2 -> authority.append(random.nextInt(300))
				.append('.')
				.append(random.nextInt(300))
				.append('.')
				.append(random.nextInt(300))
				.append(random.nextBoolean() ? "." + random.nextInt(300) : "")
				.append(random.nextInt(4) == 0 ? "." + random.nextInt(300) : "");
			case 3 -> authority.append(
					List.of("[::1]", "[fe80::1%25eth0]", "[::1", "[zz]", "[2001:db8::7]", "[]").get(random.nextInt(6)));
			case 4 -> authority.append(text(random, TRICKY, random.nextInt(12)));
			default -> authority.append(hostName(random));
		}
		if (random.nextInt(20) == 0) {
			authority.append('.');
		}
		if (random.nextInt(3) == 0) {
			authority.append(':').append(switch (random.nextInt(6)) {
				case 0 -> "";
				case 1 -> text(random, "0123456789abc", 1 + random.nextInt(4));
				case 2 -> text(random, "0123456789", 6 + random.nextInt(8));
				default -> text(random, "0123456789", 1 + random.nextInt(5));
			});
		}
		return authority.toString();
	}

	private static String hostName(Random random) {
		List<String> labels = new ArrayList<>();
		int count = 1 + random.nextInt(4);
		for (int i = 0; i < count; i++) {
			labels.add(switch (random.nextInt(24)) {
				case 0 -> "";
				case 1 -> "-" + text(random, LABEL_CHARACTERS, random.nextInt(4));
				case 2 -> text(random, LABEL_CHARACTERS, random.nextInt(4)) + "-";
				case 3 -> text(random, "0123456789", 1 + random.nextInt(3));
				case 4 -> text(random, LABEL_CHARACTERS + "_%\u00e9\uff21", 1 + random.nextInt(6));
				default -> label(random);
			});
		}
		return String.join(".", labels);
	}

	/** A label of letters, digits and inner hyphens. */
	private static String label(Random random) {
		String first = text(random, (random.nextInt(4) == 0) ? "0123456789" : "abcxyzABCXYZ", 1);
		return (random.nextBoolean()) ? first
				: first + text(random, LABEL_CHARACTERS, random.nextInt(8)) + text(random, "abcXYZ0189", 1);
	}

	private static String rest(Random random) {
		StringBuilder rest = new StringBuilder();
		if (random.nextInt(4) != 0) {
			for (int i = random.nextInt(4); i >= 0; i--) {
				rest.append('/').append(pathText(random));
			}
		}
		if (random.nextInt(3) == 0) {
			rest.append('?').append(pathText(random)).append(random.nextBoolean() ? "?" + pathText(random) : "");
		}
		if (random.nextInt(5) == 0) {
			rest.append('#').append(pathText(random));
		}
		return rest.toString();
	}

	private static String pathText(Random random) {
		StringBuilder text = new StringBuilder();
		for (int i = random.nextInt(12); i > 0; i--) {
			int pick = random.nextInt(200);
			if (pick == 0) {
				text.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
			}
			else if (pick == 1) {
				text.append('%').append(text(random, HEX + "gG\uff11", (random.nextInt(4) == 0) ? random.nextInt(2) : 2));
			}
			else {
				text.append(PATH_CHARACTERS.charAt(random.nextInt(PATH_CHARACTERS.length())));
			}
		}
		return text.toString();
	}

	/** Insert, replace or delete one to three characters. */
	private static String mutate(Random random, String url) {
		StringBuilder mutated = new StringBuilder(url);
		for (int i = 1 + random.nextInt(3); i > 0; i--) {
			int at = random.nextInt(mutated.length() + 1);
			char c = TRICKY.charAt(random.nextInt(TRICKY.length()));
			switch (random.nextInt(3)) {
				case 0 -> mutated.insert(at, c);
				case 1 -> {
					if (at < mutated.length()) {
						mutated.setCharAt(at, c);
					}
				}
				default -> {
					if (at < mutated.length()) {
						mutated.deleteCharAt(at);
					}
				}
			}
		}
		return mutated.toString();
	}

	private static String text(Random random, String alphabet, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

}
