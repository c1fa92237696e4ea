package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import dev.nxcloud.boot.webhook.ReactiveNxCloudWebhookEndpoint;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The webhook endpoint of a WebFlux application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
class ReactiveNxCloudWebhookEndpointConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "nxCloudWebhookRouterFunction")
	RouterFunction<ServerResponse> nxCloudWebhookRouterFunction(NxCloudWebhookHandler handler,
			NxCloudWebhookProperties properties) {
		NxCloudWebhookAutoConfiguration.warnIfUnverified(handler, properties.getPath());
		return new ReactiveNxCloudWebhookEndpoint(handler, Schedulers.boundedElastic(),
				NxCloudWebhookAutoConfiguration.maxBodySize(properties))
			.routerFunction(properties.getPath());
	}

}
