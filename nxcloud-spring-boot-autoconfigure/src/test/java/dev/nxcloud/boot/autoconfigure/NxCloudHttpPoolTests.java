package dev.nxcloud.boot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.nxcloud.whatsapp.phone.BusinessPhones;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import io.netty.channel.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nxcloud.http.pool.*} against a loopback server that holds every response until released and counts the
 * connections open at once.
 */
class NxCloudHttpPoolTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private final AtomicInteger open = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	private final Sinks.Empty<Void> release = Sinks.empty();

	private volatile CountDownLatch held = new CountDownLatch(0);

	private final DisposableServer server = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.doOnChannelInit((observer, channel, address) -> {
			this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
			channel.closeFuture().addListener((closed) -> this.open.decrementAndGet());
		})
		.handle((request, response) -> request.receive()
			.then(Mono.defer(() -> {
				this.held.countDown();
				return this.release.asMono();
			}))
			.then(response.header("Content-Type", "application/json")
				.sendString(Mono.just("{\"code\":0,\"data\":{}}"))
				.then()))
		.bindNow();

	private final ApplicationContextRunner runner = NxCloudHttpContextRunners.withHttpClients()
		.withPropertyValues("nxcloud.retry.enabled=false", "nxcloud.api-url=" + baseUrl(),
				"nxcloud.saas-url=" + baseUrl(), "nxcloud.access-key=key1", "nxcloud.access-secret=secret1",
				"nxcloud.app-key=app1");

	@AfterEach
	void close() {
		this.release.tryEmitEmpty();
		this.server.disposeNow();
	}

	@Test
	void fiveHundredConcurrentCallsShareEightConnections() throws Exception {
		this.runner
			.withPropertyValues("nxcloud.http.pool.max-connections=8", "nxcloud.http.pool.max-pending-acquires=500")
			.run((context) -> {
				NxCloudPhoneService phones = context.getBean(NxCloudPhoneService.class);
				this.held = new CountDownLatch(8);
				CompletableFuture<List<BusinessPhones>> calls = Flux.range(0, 500)
					.flatMap((i) -> phones.getPhones(), 500)
					.collectList()
					.toFuture();
				assertThat(this.held.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("8 calls held").isTrue();
				this.release.tryEmitEmpty();
				assertThat(calls.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).hasSize(500);
				assertThat(this.peak).hasValue(8);
			});
	}

	@Test
	void theApplicationsOtherClientsKeepTheSharedPool() throws Exception {
		this.runner.withPropertyValues("nxcloud.http.pool.max-connections=8").run((context) -> {
			WebClient other = context.getBean(WebClient.Builder.class).build();
			this.held = new CountDownLatch(9);
			CompletableFuture<List<String>> calls = Flux.range(0, 12)
				.flatMap((i) -> other.get().uri(baseUrl() + "/other").retrieve().bodyToMono(String.class), 12)
				.collectList()
				.toFuture();
			assertThat(this.held.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("9 calls held at once").isTrue();
			this.release.tryEmitEmpty();
			assertThat(calls.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).hasSize(12);
			assertThat(this.peak.get()).isGreaterThan(8);
		});
	}

	@Test
	void thePoolIsDisposedWithTheContextWhichWaitsForItsConnectionsToClose() {
		this.release.tryEmitEmpty();
		List<Channel> connections = new CopyOnWriteArrayList<>();
		// without Boot's ReactorResourceFactory, which would dispose of every Reactor Netty pool on close
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, NxCloudAutoConfiguration.class))
			.withPropertyValues("nxcloud.retry.enabled=false", "nxcloud.api-url=" + baseUrl(),
					"nxcloud.access-key=key1", "nxcloud.access-secret=secret1", "nxcloud.app-key=app1",
					"nxcloud.http.pool.max-idle-time=1h")
			.withBean(ClientHttpConnectorBuilder.class, () -> ClientHttpConnectorBuilder.reactor()
				.withHttpClientCustomizer((client) -> client.doOnConnected((connection) -> connections.add(connection.channel()))))
			.run((context) -> {
				NxCloudPhoneService phones = context.getBean(NxCloudPhoneService.class);
				Flux.range(0, 3).flatMap((i) -> phones.getPhones()).blockLast(TIMEOUT);
				assertThat(connections).as("kept for reuse").isNotEmpty().allMatch(Channel::isOpen);
			});
		assertThat(connections).as("closed when the context is").allMatch(NxCloudHttpPoolTests::closes);
	}

	@Test
	void thePoolIsDisposedWhenMakingTheConnectorFails() {
		this.release.tryEmitEmpty();
		AtomicReference<ConnectionProvider> pool = new AtomicReference<>();
		List<Channel> connections = new CopyOnWriteArrayList<>();
		this.runner.withPropertyValues("nxcloud.http.pool.max-connections=8", "nxcloud.http.pool.max-idle-time=1h")
			.withBean(ClientHttpConnectorBuilder.class, () -> ClientHttpConnectorBuilder.reactor()
				.withHttpClientCustomizer((client) -> {
					pool.set(client.configuration().connectionProvider());
					// a connection left idle in NxCloud's pool, then a failure before the connector is made
					client.doOnConnected((connection) -> connections.add(connection.channel()))
						.get()
						.uri(baseUrl() + "/warm-up")
						.responseContent()
						.aggregate()
						.asString()
						.block(TIMEOUT);
					assertThat(connections).singleElement().matches(Channel::isOpen);
					throw new IllegalStateException("customizer failed");
				}))
			.run((context) -> {
				assertThat(context).getFailure().rootCause().hasMessage("customizer failed");
				assertThat(pool.get()).isNotNull().satisfies((provider) -> {
					assertThat(provider.maxConnections()).isEqualTo(8);
					assertThat(provider.isDisposed()).isTrue();
				});
				assertThat(connections).singleElement().matches(NxCloudHttpPoolTests::closes, "closed");
			});
	}

	// the pool closes its connections on their event loop: wait (bounded) for the close to be done
	private static boolean closes(Channel connection) {
		return connection.closeFuture().awaitUninterruptibly(TIMEOUT.toMillis());
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

}
