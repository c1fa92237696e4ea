package dev.nxcloud.whatsapp;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The rule for a URL a request sends: an absolute {@code http} or {@code https} URL with a host, as
 * {@link URI java.net.URI} parses it (scheme in any case; {@link URI#getHost()} not {@code null}).
 * <p>
 * Building a {@code URI} costs as much per send as decoding the answer, so {@link #isPlainHttpUrl} first recognises,
 * in one scan, the common case that {@code URI} is certain to accept: {@code http://} or {@code https://}, a host name
 * of ASCII letters, digits and inner hyphens whose last label starts with a letter, an optional port of up to five
 * digits, and a path, query and fragment of ASCII characters {@code URI} takes there and of {@code %} escapes.
 * Whatever else, an IPv4 or IPv6 host, user info, a trailing dot, non-ASCII, brackets, is left to {@code URI}, so
 * the values accepted are exactly those {@code URI} accepts.
 */
final class HttpUrls {

	/** The longest port the scan takes: five digits always fit the {@code int} {@code URI} parses a port to. */
	private static final int MAX_PLAIN_PORT_DIGITS = 5;

	/** The ASCII characters, besides letters, digits and escapes, that {@code URI} takes in a path. */
	private static final String PATH_PUNCTUATION = "-_.!~*'():@&=+$,;/";

	/**
	 * The ASCII characters, besides letters, digits and escapes, that {@code URI} takes in a query or fragment,
	 * less {@code [} and {@code ]}, which are left to {@code URI}.
	 */
	private static final String QUERY_PUNCTUATION = PATH_PUNCTUATION + "?";

	private static final boolean[] PATH_CHARACTERS = asciiTable(PATH_PUNCTUATION);

	private static final boolean[] QUERY_CHARACTERS = asciiTable(QUERY_PUNCTUATION);

	private HttpUrls() {
	}

	/**
	 * Whether a value is an absolute {@code http} or {@code https} URL with a host.
	 * @param value the value
	 * @return whether it is
	 */
	static boolean isHttpUrlWithHost(String value) {
		return isPlainHttpUrl(value) || parsesAsHttpUrlWithHost(value);
	}

	/**
	 * Whether a value is an {@code http} or {@code https} URL plain enough to be recognised without a {@link URI}:
	 * {@code true} only for values {@code URI} accepts; {@code false} says nothing.
	 * @param value the value
	 * @return whether it is such a URL
	 */
	static boolean isPlainHttpUrl(String value) {
		int afterScheme = afterHttpScheme(value);
		if (afterScheme < 0) {
			return false;
		}
		int i = afterHostName(value, afterScheme);
		if (i < 0) {
			return false;
		}
		int end = value.length();
		if (i < end && value.charAt(i) == ':') {
			int portStart = i + 1;
			i = portStart;
			while (i < end && isAsciiDigit(value.charAt(i))) {
				i++;
			}
			if (i == portStart || i - portStart > MAX_PLAIN_PORT_DIGITS) {
				return false;
			}
		}
		return i == end || isPlainPathQueryAndFragment(value, i);
	}

	/** The index after {@code http://} or {@code https://}, in any ASCII case, or -1. */
	private static int afterHttpScheme(String value) {
		int i = 0;
		while (i < 4 && i < value.length() && asciiLowerCase(value.charAt(i)) == "http".charAt(i)) {
			i++;
		}
		if (i < 4) {
			return -1;
		}
		if (i < value.length() && asciiLowerCase(value.charAt(i)) == 's') {
			i++;
		}
		return value.startsWith("://", i) ? i + 3 : -1;
	}

	/**
	 * The index after a host name that starts at {@code start}: labels of ASCII letters, digits and hyphens that
	 * neither start nor end with a hyphen, separated by single dots, the last starting with a letter (so that it is
	 * no IPv4 address); -1 if there is none, or it ends with a dot.
	 */
	private static int afterHostName(String value, int start) {
		int end = value.length();
		int i = start;
		while (true) {
			if (i == end || !isAsciiLetterOrDigit(value.charAt(i))) {
				return -1;
			}
			boolean startsWithLetter = isAsciiLetter(value.charAt(i));
			char last = value.charAt(i++);
			while (i < end && (isAsciiLetterOrDigit(value.charAt(i)) || value.charAt(i) == '-')) {
				last = value.charAt(i++);
			}
			if (last == '-') {
				return -1;
			}
			if (i == end || value.charAt(i) != '.') {
				return startsWithLetter ? i : -1;
			}
			i++;
		}
	}

	/**
	 * Whether the rest of a URL, from {@code start}, which must be a {@code /}, {@code ?} or {@code #}, is a path, a
	 * query after the first {@code ?} and a fragment after the first {@code #}, each of the characters {@code URI}
	 * takes there.
	 */
	private static boolean isPlainPathQueryAndFragment(String value, int start) {
		char first = value.charAt(start);
		if (first != '/' && first != '?' && first != '#') {
			return false;
		}
		boolean[] allowed = PATH_CHARACTERS;
		boolean inFragment = false;
		int end = value.length();
		for (int i = start; i < end; i++) {
			char c = value.charAt(i);
			if (c == '%') {
				if (i + 2 >= end || !isAsciiHexDigit(value.charAt(i + 1)) || !isAsciiHexDigit(value.charAt(i + 2))) {
					return false;
				}
				i += 2;
			}
			else if (c == '#' && !inFragment) {
				inFragment = true;
				allowed = QUERY_CHARACTERS;
			}
			else if (c == '?') {
				allowed = QUERY_CHARACTERS;
			}
			else if (c >= allowed.length || !allowed[c]) {
				return false;
			}
		}
		return true;
	}

	private static boolean parsesAsHttpUrlWithHost(String value) {
		try {
			URI uri = new URI(value);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean[] asciiTable(String punctuation) {
		boolean[] table = new boolean[128];
		for (char c = 0; c < table.length; c++) {
			table[c] = isAsciiLetterOrDigit(c) || punctuation.indexOf(c) >= 0;
		}
		return table;
	}

	private static char asciiLowerCase(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return isAsciiLetter(c) || isAsciiDigit(c);
	}

	private static boolean isAsciiHexDigit(char c) {
		return isAsciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

}
