package dev.nxcloud.boot.autoconfigure.actuate;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks NxCloud's secrets in the {@code env} and {@code configprops} endpoints, even where they are configured to
 * show values: the access secret (any key ending in {@code access-secret}) and the proxy password (any key ending in
 * {@code http.proxy.password}), in every form the binder accepts: {@code nxcloud.http.proxy.password},
 * {@code nxcloud.http.proxy[password]}, {@code nxcloud.http.proxy.PASSWORD}, {@code NXCLOUD_HTTP_PROXY_PASSWORD},
 * {@code nxcloud_http_proxy_password}. Keys are compared by their letters and digits alone, ignoring case.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class NxCloudSanitizingAutoConfiguration {

	/** The endings of secret keys, by their letters and digits alone, in lower case. */
	private static final List<String> SECRET_KEY_ENDINGS = List.of("accesssecret", "httpproxypassword");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{Alnum}]");

	@Bean
	@ConditionalOnMissingBean(name = "nxcloudSanitizingFunction")
	SanitizingFunction nxcloudSanitizingFunction() {
		return SanitizingFunction.sanitizeValue().ifKeyMatches(NxCloudSanitizingAutoConfiguration::isSecret);
	}

	private static boolean isSecret(String key) {
		String normalised = NOT_LETTER_OR_DIGIT.matcher(key).replaceAll("").toLowerCase(Locale.ROOT);
		return SECRET_KEY_ENDINGS.stream().anyMatch(normalised::endsWith);
	}

}
