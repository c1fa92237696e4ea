package dev.nxcloud.benchmarks.load;

import java.time.Duration;

import dev.nxcloud.benchmarks.BenchmarkRequests;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The floor of the stack the starter is built on: a bare Spring {@link WebClient} over Reactor Netty posting the very
 * bytes the starter sends, signed ahead of time (renewed once a second), and reading the reply as bytes. What the
 * starter costs beyond this is its own work: serialising, signing, decoding the envelope, typed errors, timeouts,
 * retries and observation.
 */
public final class BareWebClient implements AutoCloseable {

	private final ConnectionProvider connections;

	private final WebClient client;

	private final PreSignedBody body = new PreSignedBody();

	/**
	 * Create a client of a simulator.
	 * @param baseUrl the simulator's base URL
	 * @param maxConnections the size of the connection pool
	 */
	public BareWebClient(String baseUrl, int maxConnections) {
		this.connections = BareReactorNettyClient.connectionProvider("webclient", maxConnections);
		this.client = WebClient.builder()
			.baseUrl(baseUrl)
			.clientConnector(new ReactorClientHttpConnector(
					HttpClient.create(this.connections).responseTimeout(Duration.ofSeconds(30))))
			.build();
	}


	/**
	 * Post the pre-signed body once.
	 * @return {@code true} when NxCloud answered with code 0
	 */
	public Mono<Boolean> send() {
		PreSignedBody.Signed headers = this.body.current();
		return this.client.post()
			.uri(BenchmarkRequests.OPERATION.path())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.headers((h) -> {
				h.set("accessKey", BenchmarkRequests.ACCOUNT.accessKey());
				h.set("ts", headers.ts());
				h.set("bizType", BenchmarkRequests.BIZ_TYPE);
				h.set("action", BenchmarkRequests.OPERATION.action());
				h.set("sign", headers.sign());
			})
			.bodyValue(this.body.body())
			.retrieve()
			.bodyToMono(byte[].class)
			.map(BenchmarkRequests::isSuccess);
	}

	@Override
	public void close() {
		this.connections.disposeLater().block(Duration.ofSeconds(5));
	}

}
