package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import dev.nxcloud.boot.webhook.ServletNxCloudWebhookEndpoint;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint of a Spring MVC application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
class ServletNxCloudWebhookEndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "nxCloudWebhookRouterFunction")
	RouterFunction<ServerResponse> nxCloudWebhookRouterFunction(NxCloudWebhookHandler handler,
			NxCloudWebhookProperties properties) {
		NxCloudWebhookAutoConfiguration.warnIfUnverified(handler, properties.getPath());
		return new ServletNxCloudWebhookEndpoint(handler, NxCloudWebhookAutoConfiguration.maxBodySize(properties))
			.routerFunction(properties.getPath());
	}

}
