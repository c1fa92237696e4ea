package dev.nxcloud.boot.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hosts of {@code nxcloud.http.proxy.non-proxy-hosts}: names or addresses in which {@code *} stands for any
 * characters, compared ignoring case.
 */
final class NonProxyHosts {

	private final Pattern pattern;

	NonProxyHosts(List<String> hosts) {
		this.pattern = Pattern.compile(hosts.stream().map(NonProxyHosts::regex).collect(Collectors.joining("|")),
				Pattern.CASE_INSENSITIVE);
	}

	private static String regex(String host) {
		return Arrays.stream(unbracketed(host.trim()).split("\\*", -1))
			.map(Pattern::quote)
			.collect(Collectors.joining(".*"));
	}

	boolean matches(String host) {
		return this.pattern.matcher(unbracketed(host)).matches();
	}

	private static String unbracketed(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
