package dev.nxcloud.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures signed sends per second at concurrency 64 over loopback; prints the result. Run with
 * {@code -Dsimulator.throughput=true}.
 */
@EnabledIfSystemProperty(named = "simulator.throughput", matches = "true")
class ThroughputTest {

	@Test
	void signedSendsPerSecond() {
		Duration duration = Duration.ofSeconds(Long.getLong("simulator.throughput.seconds", 10));
		ConnectionProvider provider = ConnectionProvider.create("throughput", 64);
		try (NxCloudSimulator sim = NxCloudSimulator.builder().fastPath().messageCapacity(10_000).build().start()) {
			DemoAccount demo = sim.demoAccount();
			TestClient signer = new TestClient(sim);
			String body = "{\"appkey\":\"" + demo.appKey() + "\",\"business_phone\":\"" + demo.businessPhone()
					+ "\",\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"8613600009759\","
					+ "\"type\":\"text\",\"text\":{\"body\":\"load\"}}";
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			HttpClient http = HttpClient.create(provider).baseUrl(sim.baseUrl());
			AtomicLong ok = new AtomicLong();
			AtomicLong failed = new AtomicLong();
			long end = System.nanoTime() + duration.toNanos();
			long begin = System.nanoTime();
			Flux.range(0, 64)
				.flatMap((worker) -> Mono.defer(() -> http.headers((h) -> {
					signer.headers("mt", bytes).forEach(h::set);
					h.set("Content-Type", "application/json");
				})
					.post()
					.uri("/api/wa/mt")
					.send(ByteBufFlux.fromString(Mono.just(body)))
					.responseSingle((response, content) -> content.asString().map((text) -> text.contains("\"code\":0"))))
					.doOnNext((success) -> (success ? ok : failed).incrementAndGet())
					.repeat(() -> System.nanoTime() < end), 64)
				.blockLast(duration.plusSeconds(30));
			double seconds = (System.nanoTime() - begin) / 1e9;
			System.out.printf("Throughput: %d signed /api/wa/mt sends in %.1f s = %.0f req/s (concurrency 64, %d failed)%n",
					ok.get(), seconds, ok.get() / seconds, failed.get());
			assertThat(failed.get()).isZero();
			signer.close();
		}
		finally {
			provider.disposeLater().block(Duration.ofSeconds(5));
		}
	}

}
