package dev.nxcloud.boot.webhook;

import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.context.ApplicationContext;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * A real Reactor Netty server on a random loopback port, serving a WebFlux application context, so that the
 * webhook's reactive endpoint is tested over a socket as a deployed application runs it: the counterpart of
 * {@link TomcatServer}.
 */
final class ReactorNettyServer implements AutoCloseable {

	private final DisposableServer server;

	private ReactorNettyServer(DisposableServer server) {
		this.server = server;
	}

	static ReactorNettyServer start(ApplicationContext context) {
		return new ReactorNettyServer(HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.applicationContext(context).build()))
			.bindNow());
	}

	int port() {
		return this.server.port();
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

}
