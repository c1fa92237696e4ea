package dev.nxcloud.boot.webhook;

import java.io.IOException;

import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint of a Spring MVC application: {@code POST <path>} reads the raw body once and passes it to the
 * {@link NxCloudWebhookHandler} on the request's thread. A request whose body cannot be read whole (the client went
 * away, or its framing is malformed) is one {@code DEBUG} line, neither handled nor answered.
 * <p>
 * A request holds at most {@code maxBodySize} bytes of body: one that declares a longer {@code Content-Length} is
 * answered {@code 413} before any of its body is read, and of one that streams more (chunked) no more than
 * {@code maxBodySize + 1} bytes are read before it is answered {@code 413}. Other methods on the path are answered
 * {@code 405}.
 */
public final class ServletNxCloudWebhookEndpoint implements HandlerFunction<ServerResponse> {

	private static final Log logger = LogFactory.getLog(ServletNxCloudWebhookEndpoint.class);

	private final NxCloudWebhookHandler handler;

	private final int maxBodySize;

	/**
	 * Create an endpoint.
	 * @param handler handles each callback
	 * @param maxBodySize the largest body accepted, in bytes, from 1 to {@code Integer.MAX_VALUE - 1}; a larger one
	 * is answered with 413, not read beyond the limit
	 */
	public ServletNxCloudWebhookEndpoint(NxCloudWebhookHandler handler, int maxBodySize) {
		Assert.notNull(handler, "handler must not be null");
		Assert.isTrue(maxBodySize > 0 && maxBodySize < Integer.MAX_VALUE,
				() -> "maxBodySize must be between 1 and " + (Integer.MAX_VALUE - 1) + " (got " + maxBodySize + ")");
		this.handler = handler;
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
	public @Nullable ServerResponse handle(ServerRequest request) {
		if (!HttpMethod.POST.equals(request.method())) {
			return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).allow(HttpMethod.POST).build();
		}
		if (request.headers().contentLength().orElse(0) > this.maxBodySize) {
			return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		byte[] body;
		try {
			body = request.servletRequest().getInputStream().readNBytes(this.maxBodySize + 1);
		}
		catch (IOException ex) {
			logger.debug("Ignored an incomplete NxCloud webhook request: " + ex);
			return null;
		}
		if (body.length > this.maxBodySize) {
			return ServerResponse.status(HttpStatus.CONTENT_TOO_LARGE).build();
		}
		HttpStatus status = this.handler.handle(request.headers().asHttpHeaders(), body);
		return ServerResponse.status(status).build();
	}

}
