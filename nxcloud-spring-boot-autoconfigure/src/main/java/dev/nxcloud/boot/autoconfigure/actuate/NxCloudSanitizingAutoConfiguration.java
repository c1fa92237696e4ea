package dev.nxcloud.boot.autoconfigure.actuate;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.nxcloud.boot.autoconfigure.NxCloudConnectionDetails;
import dev.nxcloud.whatsapp.NxCloudConnection;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Masks NxCloud's secrets in the {@code env} and {@code configprops} endpoints, even where they are configured to
 * show values. By key: the access secret (any key ending in {@code access-secret}) and the proxy password (any key
 * ending in {@code http.proxy.password}), in every form the binder accepts: {@code nxcloud.http.proxy.password},
 * {@code nxcloud.http.proxy[password]}, {@code nxcloud.http.proxy.PASSWORD}, {@code NXCLOUD_HTTP_PROXY_PASSWORD},
 * {@code nxcloud_http_proxy_password}; keys are compared by their letters and digits alone, ignoring case. By
 * value, whatever the key: any value that contains a configured secret ({@link ConfiguredSecrets}), such as
 * {@code sun.java.command} after {@code --nxcloud.access-secret=…}, {@code SPRING_APPLICATION_JSON} or
 * {@code JAVA_TOOL_OPTIONS} with {@code -Dnxcloud.access-secret=…}.
 */
@AutoConfiguration
@ConditionalOnClass({ SanitizingFunction.class, NxCloudConnection.class })
public final class NxCloudSanitizingAutoConfiguration {

	/** The endings of secret keys, by their letters and digits alone, in lower case. */
	private static final List<String> SECRET_KEY_ENDINGS = List.of("accesssecret", "httpproxypassword");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{Alnum}]");

	@Bean
	@ConditionalOnMissingBean(name = "nxcloudSanitizingFunction")
	SanitizingFunction nxcloudSanitizingFunction(Environment environment,
			ObjectProvider<NxCloudConnectionDetails> connectionDetails) {
		return SanitizingFunction.sanitizeValue()
			.ifKeyMatches(NxCloudSanitizingAutoConfiguration::isSecret)
			.ifValueStringMatches(new ConfiguredSecrets(environment, connectionDetails));
	}

	private static boolean isSecret(String key) {
		String normalised = NOT_LETTER_OR_DIGIT.matcher(key).replaceAll("").toLowerCase(Locale.ROOT);
		return SECRET_KEY_ENDINGS.stream().anyMatch(normalised::endsWith);
	}

}
