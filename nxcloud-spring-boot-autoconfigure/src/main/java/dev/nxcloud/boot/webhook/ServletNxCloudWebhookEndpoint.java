package dev.nxcloud.boot.webhook;

import java.io.IOException;

import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The webhook endpoint of a Spring MVC application: {@code POST <path>} reads the raw body once and passes it to the
 * {@link NxCloudWebhookHandler} on the request's thread.
 */
public final class ServletNxCloudWebhookEndpoint implements HandlerFunction<ServerResponse> {

	private final NxCloudWebhookHandler handler;

	private final int maxBodySize;

	/**
	 * Create an endpoint.
	 * @param handler handles each callback
	 * @param maxBodySize the largest body accepted, in bytes; a larger one is answered with 413 unhandled
	 */
	public ServletNxCloudWebhookEndpoint(NxCloudWebhookHandler handler, int maxBodySize) {
		this.handler = handler;
		this.maxBodySize = maxBodySize;
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
	public ServerResponse handle(ServerRequest request) throws IOException {
		byte[] body = request.servletRequest().getInputStream().readNBytes(this.maxBodySize + 1);
		if (body.length > this.maxBodySize) {
			return ServerResponse.status(HttpStatus.valueOf(413)).build();
		}
		HttpStatus status = this.handler.handle(request.headers().asHttpHeaders(), body);
		return ServerResponse.status(status).build();
	}

}
