package dev.nxcloud.boot.autoconfigure.actuate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.nxcloud.boot.autoconfigure.NxCloudConnectionDetails;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Tells whether a text contains one of NxCloud's secrets as they are configured at the moment of asking: the
 * {@link #PROPERTIES secret properties}, read from the environment, and the access secret of every
 * {@link NxCloudConnectionDetails} bean. Nothing is kept: each question reads them again, as the client reads its
 * connection on every call, so a secret that changes is recognised from then on. A text contains a secret when the
 * secret appears in it as is, percent-decoded ({@code %40} for {@code @}, as in a proxy URL) or JSON-unescaped
 * ({@code \"}, {@code \\}, {@code \/}, Unicode escapes, as in {@code SPRING_APPLICATION_JSON}). Every secret counts,
 * however short; an empty one is no secret.
 */
final class ConfiguredSecrets implements Predicate<String> {

	/** The starter's secret properties. */
	static final List<String> PROPERTIES = List.of("nxcloud.access-secret", "nxcloud.webhook.access-secret",
			"nxcloud.http.proxy.password");

	private final Binder binder;

	private final ObjectProvider<NxCloudConnectionDetails> connectionDetails;

	ConfiguredSecrets(Environment environment, ObjectProvider<NxCloudConnectionDetails> connectionDetails) {
		this.binder = Binder.get(environment);
		this.connectionDetails = connectionDetails;
	}

	@Override
	public boolean test(String text) {
		Set<String> secrets = current();
		if (secrets.isEmpty()) {
			return false;
		}
		List<String> readings = List.of(text, percentDecoded(text), jsonUnescaped(text));
		return secrets.stream().anyMatch((secret) -> readings.stream().anyMatch((reading) -> reading.contains(secret)));
	}

	private Set<String> current() {
		Stream<String> properties = PROPERTIES.stream()
			.map((name) -> this.binder.bind(name, String.class).orElse(null));
		Stream<String> connections = this.connectionDetails.orderedStream()
			.map(NxCloudConnectionDetails::getAccessSecret);
		return Stream.concat(properties, connections)
			.filter(Objects::nonNull)
			.filter(StringUtils::hasLength)
			.collect(Collectors.toSet());
	}

	/** The text with each {@code %XX} turned into its byte, the bytes read as UTF-8; anything else kept. */
	static String percentDecoded(String text) {
		if (text.indexOf('%') < 0) {
			return text;
		}
		StringBuilder decoded = new StringBuilder(text.length());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int i = 0;
		while (i < text.length()) {
			if (text.charAt(i) == '%' && isHex(text, i + 1, 2)) {
				bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
				i += 3;
				continue;
			}
			decoded.append(bytes.toString(StandardCharsets.UTF_8));
			bytes.reset();
			decoded.append(text.charAt(i));
			i++;
		}
		return decoded.append(bytes.toString(StandardCharsets.UTF_8)).toString();
	}

	/** The text with each JSON escape ({@code \"}, {@code \n}, a Unicode escape…) turned into its character. */
	static String jsonUnescaped(String text) {
		if (text.indexOf('\\') < 0) {
			return text;
		}
		StringBuilder unescaped = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 == text.length()) {
				unescaped.append(c);
				i++;
				continue;
			}
			char escaped = text.charAt(i + 1);
			if (escaped == 'u' && isHex(text, i + 2, 4)) {
				unescaped.append((char) Integer.parseInt(text, i + 2, i + 6, 16));
				i += 6;
				continue;
			}
			unescaped.append(switch (escaped) {
				case 'b' -> '\b';
				case 'f' -> '\f';
				case 'n' -> '\n';
				case 'r' -> '\r';
				case 't' -> '\t';
				default -> escaped;
			});
			i += 2;
		}
		return unescaped.toString();
	}

	private static boolean isHex(String text, int from, int count) {
		if (from + count > text.length()) {
			return false;
		}
		for (int i = from; i < from + count; i++) {
			if (Character.digit(text.charAt(i), 16) < 0) {
				return false;
			}
		}
		return true;
	}

}
