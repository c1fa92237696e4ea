package dev.nxcloud.boot.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Masks NxCloud's secrets in the {@code env} and {@code configprops} endpoints, even where they are configured to
 * show values: the access secret ({@code nxcloud.access-secret}, {@code NXCLOUD_ACCESS_SECRET}, any
 * {@code …access-secret}) and the proxy password ({@code nxcloud.http.proxy.password},
 * {@code NXCLOUD_HTTP_PROXY_PASSWORD}, any {@code …http.proxy.password}).
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class NxCloudSanitizingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "nxcloudSanitizingFunction")
	SanitizingFunction nxcloudSanitizingFunction() {
		return SanitizingFunction.sanitizeValue()
			.ifKeyEndsWith("access-secret", "accesssecret", "access_secret", "http.proxy.password",
					"http_proxy_password");
	}

}
