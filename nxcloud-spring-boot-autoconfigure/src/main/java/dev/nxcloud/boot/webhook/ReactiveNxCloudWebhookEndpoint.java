package dev.nxcloud.boot.webhook;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The webhook endpoint of a WebFlux application: {@code POST <path>} reads the raw body once and passes it to the
 * {@link NxCloudWebhookHandler}. Listeners run on the given scheduler, never on the server's event loop, so they may
 * block.
 */
public final class ReactiveNxCloudWebhookEndpoint implements HandlerFunction<ServerResponse> {

	private static final byte[] EMPTY = new byte[0];

	private final NxCloudWebhookHandler handler;

	private final Scheduler scheduler;

	/**
	 * Create an endpoint.
	 * @param handler handles each callback
	 * @param scheduler where callbacks are handled, for example {@code Schedulers.boundedElastic()}
	 */
	public ReactiveNxCloudWebhookEndpoint(NxCloudWebhookHandler handler, Scheduler scheduler) {
		this.handler = handler;
		this.scheduler = scheduler;
	}

	/**
	 * A router function that routes {@code POST path} to this endpoint.
	 * @param path the path, for example {@code /nxcloud/webhook}
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routerFunction(String path) {
		return RouterFunctions.route(RequestPredicates.POST(path), this);
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		return request.bodyToMono(byte[].class)
			.defaultIfEmpty(EMPTY)
			.publishOn(this.scheduler)
			.map((body) -> this.handler.handle(request.headers().asHttpHeaders(), body))
			.flatMap((status) -> ServerResponse.status(status).build());
	}

}
