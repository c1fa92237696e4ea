package dev.nxcloud.benchmarks.load;

import java.time.Duration;

import dev.nxcloud.benchmarks.BenchmarkRequests;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The floor of this stack: a bare Reactor Netty {@link HttpClient} posting the very bytes the starter sends, signed
 * ahead of time ({@link PreSignedBody}), so a call costs no serialisation and almost never a digest.
 */
public final class BareReactorNettyClient implements AutoCloseable {

	private final ConnectionProvider connections;

	private final HttpClient client;

	private final PreSignedBody body = new PreSignedBody();

	/**
	 * Create a client of a simulator.
	 * @param baseUrl the simulator's base URL
	 * @param maxConnections the size of the connection pool
	 */
	public BareReactorNettyClient(String baseUrl, int maxConnections) {
		this.connections = connectionProvider("bare", maxConnections);
		this.client = HttpClient.create(this.connections).baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(30));
	}

	/**
	 * A connection pool of a given size whose callers wait for a connection without limit.
	 * @param name the pool's name
	 * @param maxConnections the size
	 * @return the pool
	 */
	static ConnectionProvider connectionProvider(String name, int maxConnections) {
		return ConnectionProvider.builder(name)
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(Duration.ofSeconds(60))
			.build();
	}


	/**
	 * Post the pre-signed body once.
	 * @return {@code true} when NxCloud answered with code 0
	 */
	public Mono<Boolean> send() {
		PreSignedBody.Signed headers = this.body.current();
		return this.client
			.headers((h) -> h.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
				.set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
				.set("accessKey", BenchmarkRequests.ACCOUNT.accessKey())
				.set("ts", headers.ts())
				.set("bizType", BenchmarkRequests.BIZ_TYPE)
				.set("action", BenchmarkRequests.OPERATION.action())
				.set("sign", headers.sign()))
			.post()
			.uri(BenchmarkRequests.OPERATION.path())
			.send(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(this.body.body())))
			.responseSingle((response, content) -> content.asByteArray()
				.map((bytes) -> response.status().code() == 200 && BenchmarkRequests.isSuccess(bytes)));
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(5));
	}

}
