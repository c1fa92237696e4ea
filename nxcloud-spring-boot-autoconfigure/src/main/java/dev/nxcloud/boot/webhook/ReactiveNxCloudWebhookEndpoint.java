package dev.nxcloud.boot.webhook;

import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.Assert;
import org.springframework.util.ClassUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The webhook endpoint of a WebFlux application: {@code POST <path>} reads the raw body once and passes it to the
 * {@link NxCloudWebhookHandler}. Listeners run on the given scheduler, never on the server's event loop, so they may
 * block. A request whose body does not arrive whole (the client went away, or the server refused its framing and
 * answered already) is one {@code DEBUG} line, neither handled nor answered.
 * <p>
 * A request holds at most {@code maxBodySize} bytes of body: one that declares a longer {@code Content-Length} is
 * answered {@code 413} before any of its body is read, and one that streams more (chunked) is answered {@code 413}
 * as soon as it passes the limit, its body dropped. Other methods on the path are answered {@code 405}.
 */
public final class ReactiveNxCloudWebhookEndpoint implements HandlerFunction<ServerResponse> {

	private static final Log logger = LogFactory.getLog(ReactiveNxCloudWebhookEndpoint.class);

	private static final boolean reactorNettyPresent = ClassUtils
		.isPresent("reactor.netty.http.server.HttpServerResponse", ReactiveNxCloudWebhookEndpoint.class.getClassLoader());

	private final NxCloudWebhookHandler handler;

	private final Scheduler scheduler;

	private final int maxBodySize;

	/**
	 * Create an endpoint.
	 * @param handler handles each callback
	 * @param scheduler where callbacks are handled, for example {@code Schedulers.boundedElastic()}
	 * @param maxBodySize the largest body accepted, in bytes, from 1 to {@code Integer.MAX_VALUE - 1}; a larger one
	 * is answered with 413, not read beyond the limit
	 */
	public ReactiveNxCloudWebhookEndpoint(NxCloudWebhookHandler handler, Scheduler scheduler, int maxBodySize) {
		Assert.notNull(handler, "handler must not be null");
		Assert.notNull(scheduler, "scheduler must not be null");
		Assert.isTrue(maxBodySize > 0 && maxBodySize < Integer.MAX_VALUE,
				() -> "maxBodySize must be between 1 and " + (Integer.MAX_VALUE - 1) + " (got " + maxBodySize + ")");
		this.handler = handler;
		this.scheduler = scheduler;
		this.maxBodySize = maxBodySize;
	}

	/**
	 * A router function that routes the path to this endpoint, which handles {@code POST} and answers other methods
	 * with {@code 405}. Router functions are asked before annotated controllers, so the endpoint owns its path: a
	 * controller method of the application's own on the same path, whatever its HTTP method, is never reached.
	 * @param path the path, for example {@code /nxcloud/webhook}
	 * @return the router function
	 */
	public RouterFunction<ServerResponse> routerFunction(String path) {
		Assert.hasText(path, "path must not be empty");
		return RouterFunctions.route(RequestPredicates.path(path), this);
	}

	@Override
	public Mono<ServerResponse> handle(ServerRequest request) {
		if (!HttpMethod.POST.equals(request.method())) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).allow(HttpMethod.POST).build();
		}
		if (request.headers().contentLength().orElse(0) > this.maxBodySize) {
			return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), this.maxBodySize)
			.map((buffer) -> {
				byte[] body = new byte[buffer.readableByteCount()];
				buffer.read(body);
				DataBufferUtils.release(buffer);
				return body;
			})
			.defaultIfEmpty(new byte[0])
			.onErrorResume((ex) -> !(ex instanceof DataBufferLimitException), (ex) -> incomplete(request, ex.toString()))
			.filter((body) -> arrivedWhole(request, body))
			.publishOn(this.scheduler)
			.map((body) -> this.handler.handle(request.headers().asHttpHeaders(), body))
			.onErrorReturn(DataBufferLimitException.class, HttpStatus.CONTENT_TOO_LARGE)
			.flatMap((status) -> ServerResponse.status(status).build());
	}

	private static boolean arrivedWhole(ServerRequest request, byte[] body) {
		ServerHttpResponse response = request.exchange().getResponse();
		if (response.isCommitted() || (reactorNettyPresent && ReactorNetty.hasAnswered(response))) {
			incomplete(request, "the server has answered already");
			return false;
		}
		long declared = request.headers().asHttpHeaders().getContentLength();
		if (declared >= 0 && declared != body.length) {
			incomplete(request, body.length + " of " + declared + " declared bytes arrived");
			return false;
		}
		return true;
	}

	private static <T> Mono<T> incomplete(ServerRequest request, String reason) {
		if (logger.isDebugEnabled()) {
			logger.debug("Ignored an incomplete NxCloud webhook request " + request.exchange().getLogPrefix() + reason);
		}
		return Mono.empty();
	}

	/** Reactor Netty answers a request whose framing it refuses (400) and still ends its body normally. */
	private static final class ReactorNetty {

		static boolean hasAnswered(ServerHttpResponse response) {
			try {
				return ServerHttpResponseDecorator.getNativeResponse(
						response) instanceof reactor.netty.http.server.HttpServerResponse nativeResponse
						&& nativeResponse.hasSentHeaders();
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				return false; // no native response, as with a mock server
			}
		}

	}

}
