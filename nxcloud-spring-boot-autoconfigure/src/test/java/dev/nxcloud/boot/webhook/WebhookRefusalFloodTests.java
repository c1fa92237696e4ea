package dev.nxcloud.boot.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudTime;
import dev.nxcloud.boot.autoconfigure.NxCloudWebhookAutoConfiguration;
import dev.nxcloud.simulator.Signatures;
import dev.nxcloud.whatsapp.testsupport.LogCapture;
import dev.nxcloud.whatsapp.testsupport.SteppedClock;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A flood of 1,000 forged callbacks, four reasons of refusal mixed, posted over loopback to the real endpoint of each
 * stack (WebFlux on Reactor Netty, Spring MVC on an embedded Tomcat): one {@code WARN} per reason, no more, every
 * refusal counted in {@code nxcloud.webhook.refused} by reason; once the interval has passed (the handler's clock is
 * stepped, not waited for), one more {@code WARN} saying how many were refused since.
 */
class WebhookRefusalFloodTests {

	private static final String KEY = "key1";

	private static final String SECRET = "secret1";

	private static final int FLOOD = 1_000;

	private final SteppedClock clock = new SteppedClock();

	private final String[] properties = { "nxcloud.webhook.enabled=true", "nxcloud.webhook.verify-signature=true",
			"nxcloud.access-key=" + KEY, "nxcloud.access-secret=" + SECRET };

	@Test
	void webFlux() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
			.withUserConfiguration(WebhookHostileCorpusTests.WebFlux.class)
			.withBean(NxCloudTime.class, () -> new NxCloudTime(this.clock, Schedulers.immediate()))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues(this.properties)
			.run((context) -> {
				try (ReactorNettyServer server = ReactorNettyServer.start(context)) {
					floodThenStepTheClock(context, server.port());
				}
			});
	}

	@Test
	void mvc() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
			.withUserConfiguration(WebhookHostileCorpusTests.WebMvc.class)
			.withBean(NxCloudTime.class, () -> new NxCloudTime(this.clock, Schedulers.immediate()))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues(this.properties)
			.run((context) -> {
				try (TomcatServer server = TomcatServer.start(context)) {
					floodThenStepTheClock(context, server.port());
				}
			});
	}

	private void floodThenStepTheClock(ApplicationContext context, int port) throws Exception {
		URI endpoint = URI.create("http://127.0.0.1:" + port + "/nxcloud/webhook");
		List<IntFunction<HttpRequest>> forgeries = List.of(
				(i) -> post(endpoint, status(i)).build(),
				(i) -> signed(endpoint, status(i), KEY, "guessed"),
				(i) -> signed(endpoint, status(i), "key2", SECRET),
				(i) -> signed(endpoint, "not json " + i, KEY, SECRET));
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		Map<Integer, Integer> statuses = new TreeMap<>();
		List<String> warnings = new ArrayList<>();
		try (LogCapture log = LogCapture.everything()) {
			for (int i = 0; i < FLOOD; i++) {
				HttpRequest forged = forgeries.get(i % forgeries.size()).apply(i);
				statuses.merge(client.send(forged, HttpResponse.BodyHandlers.discarding()).statusCode(), 1,
						Integer::sum);
			}
			this.clock.advance(NxCloudWebhookHandler.REFUSAL_WARNING_INTERVAL);
			client.send(signed(endpoint, status(FLOOD), KEY, "guessed"), HttpResponse.BodyHandlers.discarding());
			assertThat(log.events()).noneMatch((event) -> event.getThrowableProxy() != null);
			log.events()
				.stream()
				.filter((event) -> event.getLevel().isGreaterOrEqual(Level.WARN))
				.map(ILoggingEvent::getFormattedMessage)
				.forEach(warnings::add);
		}
		assertThat(statuses).containsExactly(Map.entry(400, FLOOD / 4), Map.entry(401, 3 * FLOOD / 4));
		assertThat(warnings).extracting(WebhookHostileCorpusTests::reason)
			.containsExactly("(401): a signature header (accesskey, action, biztype, ts, sign) is missing",
					"(401): the signature does not match", "(401): it names another access key",
					"(400): A callback body must be a JSON object", "(401): the signature does not match");
		assertThat(warnings.get(4)).contains("; 249 more refused since 2026-01-01T00:00:00Z. ");
		MeterRegistry meters = context.getBean(MeterRegistry.class);
		assertThat(meters.get("nxcloud.webhook.refused").counters()
			.stream()
			.collect(Collectors.toMap((counter) -> counter.getId().getTag("reason"), Counter::count))).containsOnly(Map.entry("missing_signature", 250.0), Map.entry("invalid_signature", 251.0),
					Map.entry("wrong_access_key", 250.0), Map.entry("invalid_body", 250.0),
					Map.entry("no_secret", 0.0), Map.entry("expired", 0.0));
	}

	private static String status(int i) {
		return "{\"statuses\":[{\"id\":\"wamid.forged" + i + "\",\"status\":\"read\"}]}";
	}

	private static HttpRequest.Builder post(URI endpoint, String body) {
		return HttpRequest.newBuilder(endpoint)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	/** Signed as NxCloud signs, by the simulator's signer, with the given credentials. */
	private static HttpRequest signed(URI endpoint, String body, String accessKey, String secret) {
		String ts = Long.toString(System.currentTimeMillis());
		return post(endpoint, body).header("accesskey", accessKey)
			.header("action", "dr")
			.header("biztype", "2")
			.header("ts", ts)
			.header("sign", Signatures.sign(accessKey, "dr", "2", ts, body.getBytes(StandardCharsets.UTF_8), secret,
					Signatures.MD5))
			.build();
	}

}
