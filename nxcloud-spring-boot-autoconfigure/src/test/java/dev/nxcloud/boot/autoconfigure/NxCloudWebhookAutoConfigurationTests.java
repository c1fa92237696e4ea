package dev.nxcloud.boot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.SignAlgorithm;
import dev.nxcloud.whatsapp.testsupport.DeliveryKeys;
import dev.nxcloud.whatsapp.testsupport.LogCapture;
import dev.nxcloud.whatsapp.webhook.InMemoryWebhookDeliveryStore;
import dev.nxcloud.whatsapp.webhook.InboundMessageEvent;
import dev.nxcloud.whatsapp.webhook.MessageStatusEvent;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookDecoder;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvent;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvents;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookVerifier;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore;
import dev.nxcloud.simulator.Signatures;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class NxCloudWebhookAutoConfigurationTests {

	private static final String STATUS = "{\"statuses\":[{\"id\":\"m1\",\"status\":\"delivered\","
			+ "\"timestamp\":\"1660019987\"}],\"business_phone\":\"15550000001\"}";

	private static final String[] ACCOUNT = { "nxcloud.access-key=key1", "nxcloud.access-secret=secret1" };

	private static final String ENABLED = "nxcloud.webhook.enabled=true";

	private final ReactiveWebApplicationContextRunner reactiveByDefault = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
		.withUserConfiguration(WebFlux.class, Listener.class);

	private final WebApplicationContextRunner servletByDefault = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
		.withUserConfiguration(WebMvc.class, Listener.class);

	private final ReactiveWebApplicationContextRunner reactive = this.reactiveByDefault.withPropertyValues(ENABLED);

	private final WebApplicationContextRunner servlet = this.servletByDefault.withPropertyValues(ENABLED);

	/** Headers as NxCloud sends them, signed independently of the starter (with the simulator's signer). */
	private static HttpHeaders signed(String body, String accessKey, String secret) {
		return signed(body.getBytes(StandardCharsets.UTF_8), accessKey, secret);
	}

	private static HttpHeaders signed(byte[] body, String accessKey, String secret) {
		String ts = Long.toString(System.currentTimeMillis());
		HttpHeaders headers = new HttpHeaders();
		headers.set("accesskey", accessKey);
		headers.set("action", "dr");
		headers.set("biztype", "2");
		headers.set("ts", ts);
		headers.set("sign", Signatures.sign(accessKey, "dr", "2", ts, body, secret, Signatures.MD5));
		return headers;
	}

	private static WebTestClient client(org.springframework.context.ApplicationContext context) {
		return WebTestClient.bindToApplicationContext(context).build();
	}

	private static WebTestClient.ResponseSpec postReactive(WebTestClient client, String path, HttpHeaders headers,
			String body) {
		return client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.headers((h) -> h.addAll(headers))
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	private static MockHttpServletRequestBuilder postServlet(String path, HttpHeaders headers, String body) {
		return post(path).contentType(MediaType.APPLICATION_JSON)
			.headers(headers)
			.content(body.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void webFluxSignedCallbackReachesTheListenersAndTheStream() {
		this.reactive.withPropertyValues(ACCOUNT).withPropertyValues("nxcloud.webhook.verify-signature=true")
			.run((context) -> {
				assertThat(context).hasSingleBean(NxCloudWebhookHandler.class).hasBean("nxCloudWebhookRouterFunction");
				assertThat(context.getBean(NxCloudWebhookHandler.class).verifiesSignatures()).isTrue();
				List<NxCloudWebhookEvent> streamed = new CopyOnWriteArrayList<>();
				Disposable subscription = context.getBean(NxCloudWebhookEvents.class).stream().subscribe(streamed::add);
				postReactive(client(context), "/nxcloud/webhook", signed(STATUS, "key1", "secret1"), STATUS)
					.expectStatus()
					.isOk();
				List<Object> received = context.getBean(Listener.class).events;
				assertThat(received).singleElement()
					.isInstanceOfSatisfying(MessageStatusEvent.class,
							(event) -> assertThat(event.status().id()).isEqualTo("m1"));
				assertThat(streamed).containsExactlyElementsOf(received.stream().map(NxCloudWebhookEvent.class::cast).toList());
				subscription.dispose();
			});
	}

	@Test
	void webFluxTamperedOrUnsignedCallbackIsRefused() {
		this.reactive.withPropertyValues(ACCOUNT).withPropertyValues("nxcloud.webhook.verify-signature=true")
			.run((context) -> {
				WebTestClient client = client(context);
				postReactive(client, "/nxcloud/webhook", signed(STATUS, "key1", "secret1"), STATUS.replace("m1", "m2"))
					.expectStatus()
					.isUnauthorized();
				postReactive(client, "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().isUnauthorized();
				postReactive(client, "/nxcloud/webhook", signed(STATUS, "key1", "wrong"), STATUS).expectStatus()
					.isUnauthorized();
				assertThat(context.getBean(Listener.class).events).isEmpty();
			});
	}

	@Test
	void withoutVerificationUnsignedCallbacksAreAccepted() {
		this.reactive.run((context) -> {
			assertThat(context.getBean(NxCloudWebhookHandler.class).verifiesSignatures()).isFalse();
			postReactive(client(context), "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().isOk();
			assertThat(context.getBean(Listener.class).events).hasSize(1);
		});
	}

	@Test
	void theWebhookSecretWinsOverTheAccountSecret() {
		this.reactive.withPropertyValues(ACCOUNT)
			.withPropertyValues("nxcloud.webhook.verify-signature=true", "nxcloud.webhook.access-key=hookkey",
					"nxcloud.webhook.access-secret=hooksecret")
			.run((context) -> {
				WebTestClient client = client(context);
				postReactive(client, "/nxcloud/webhook", signed(STATUS, "key1", "secret1"), STATUS).expectStatus()
					.isUnauthorized();
				postReactive(client, "/nxcloud/webhook", signed(STATUS, "hookkey", "hooksecret"), STATUS).expectStatus()
					.isOk();
				assertThat(context.getBean(Listener.class).events).hasSize(1);
			});
	}

	@Test
	void webFluxRefusesASignedBodyThatIsNotWellFormedUtf8() {
		this.reactive.withPropertyValues(ACCOUNT).withPropertyValues("nxcloud.webhook.verify-signature=true").run((context) -> {
			WebTestClient client = client(context);
			for (String malformed : new String[] { "\u00C0\u00AF", "\u00FF" }) {
				byte[] body = STATUS.replace("m1", "m1" + malformed).getBytes(StandardCharsets.ISO_8859_1);
				client.post()
					.uri("/nxcloud/webhook")
					.contentType(MediaType.APPLICATION_JSON)
					.headers((headers) -> headers.addAll(signed(body, "key1", "secret1")))
					.bodyValue(body)
					.exchange()
					.expectStatus()
					.isBadRequest();
			}
			assertThat(context.getBean(Listener.class).events).isEmpty();
			String chinese = STATUS.replace("m1", "m1-你好-\uD83D\uDE00");
			postReactive(client, "/nxcloud/webhook", signed(chinese, "key1", "secret1"), chinese).expectStatus()
				.isOk();
			assertThat(context.getBean(Listener.class).events).hasSize(1);
		});
	}

	@Test
	void pathIsConfigurable() {
		this.reactive.withPropertyValues("nxcloud.webhook.path=/hooks/wa").run((context) -> {
			WebTestClient client = client(context);
			postReactive(client, "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().isNotFound();
			postReactive(client, "/hooks/wa", new HttpHeaders(), STATUS).expectStatus().isOk();
		});
	}

	@Test
	void aDeliveryStoreBeanIsClaimedBeforeDispatchReleasedWhenAListenerFailsAndConfirmedWhenItSucceeds() {
		RecordingDeliveryStore store = new RecordingDeliveryStore();
		this.reactive
			.withPropertyValues("nxcloud.webhook.deduplication.time-to-live=3d",
					"nxcloud.webhook.deduplication.claim-timeout=2m")
			.withBean(WebhookDeliveryStore.class, () -> store)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(InMemoryWebhookDeliveryStore.class);
				failOnceThenDeliverTwice(context);
				String key = DeliveryKeys.of("status\u0000m1\u0000DELIVERED");
				assertThat(store.calls).containsExactly("claim " + key + " for PT2M", "release " + key,
						"claim " + key + " for PT2M", "confirm " + key + " for PT72H", "claim " + key + " for PT2M");
				assertThat(context.getBean(Listener.class).events).hasSize(1);
			});
	}

	private static void failOnceThenDeliverTwice(org.springframework.context.ApplicationContext context) {
		WebTestClient client = client(context);
		Listener listener = context.getBean(Listener.class);
		listener.fail = true;
		postReactive(client, "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().is5xxServerError();
		listener.fail = false;
		postReactive(client, "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().isOk();
		postReactive(client, "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().isOk();
	}

	@Test
	void deduplicationPropertiesBindToTheInMemoryStore() {
		this.reactive.withPropertyValues("nxcloud.webhook.deduplication.capacity=0").run((context) -> {
			assertThat(context).hasSingleBean(InMemoryWebhookDeliveryStore.class);
			WebTestClient client = client(context);
			postReactive(client, "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().isOk();
			postReactive(client, "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().isOk();
			assertThat(context.getBean(Listener.class).events).hasSize(2);
		});
	}

	@Test
	void aFailingListenerMakesNxCloudRedeliverAndTheRedeliveryIsHandedOverOnce() {
		this.reactive.run((context) -> {
			failOnceThenDeliverTwice(context);
			assertThat(context.getBean(Listener.class).events).hasSize(1);
		});
	}

	@Test
	void oversizedCallbacksAreRefusedWith413AndNotHandled() {
		String[] limit = { "nxcloud.webhook.max-body-size=" + STATUS.length() + "B" };
		String oversized = STATUS.replace("\"business_phone\"", " \"business_phone\"");
		this.reactive.withPropertyValues(limit).run((context) -> {
			postReactive(client(context), "/nxcloud/webhook", new HttpHeaders(), oversized).expectStatus()
				.isEqualTo(413);
			postReactive(client(context), "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().isOk();
			assertThat(context.getBean(Listener.class).events).hasSize(1);
		});
		this.servlet.withPropertyValues(limit).run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(postServlet("/nxcloud/webhook", new HttpHeaders(), oversized)).andExpect(status().is(413));
			mvc.perform(postServlet("/nxcloud/webhook", new HttpHeaders(), STATUS)).andExpect(status().isOk());
			assertThat(context.getBean(Listener.class).events).hasSize(1);
		});
	}

	@Test
	void servletSignedCallbackReachesTheListeners() {
		this.servlet.withPropertyValues(ACCOUNT).withPropertyValues("nxcloud.webhook.verify-signature=true")
			.run((context) -> {
				assertThat(context).hasBean("nxCloudWebhookRouterFunction");
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				String inbound = "{\"contacts\":[{\"wa_id\":\"86138\",\"profile\":{\"name\":\"Ann\"}}],"
						+ "\"messages\":[{\"from\":\"86138\",\"id\":\"in1\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}";
				mvc.perform(postServlet("/nxcloud/webhook", signed(inbound, "key1", "secret1"), inbound))
					.andExpect(status().isOk());
				assertThat(context.getBean(Listener.class).events).singleElement()
					.isInstanceOfSatisfying(InboundMessageEvent.class, (event) -> {
						assertThat(event.message().text().body()).isEqualTo("hi");
						assertThat(event.contact().profile().name()).isEqualTo("Ann");
					});
			});
	}

	@Test
	void servletTamperedCallbackIsRefusedAndAFailingListenerGets500() {
		this.servlet.withPropertyValues(ACCOUNT).withPropertyValues("nxcloud.webhook.verify-signature=true")
			.run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				HttpHeaders headers = signed(STATUS, "key1", "secret1");
				mvc.perform(postServlet("/nxcloud/webhook", headers, STATUS.replace("delivered", "read")))
					.andExpect(status().isUnauthorized());
				Listener listener = context.getBean(Listener.class);
				assertThat(listener.events).isEmpty();
				listener.fail = true;
				mvc.perform(postServlet("/nxcloud/webhook", headers, STATUS)).andExpect(status().isInternalServerError());
				listener.fail = false;
				mvc.perform(postServlet("/nxcloud/webhook", headers, STATUS)).andExpect(status().isOk());
				assertThat(listener.events).hasSize(1);
			});
	}

	@Test
	void noEndpointUnlessTurnedOn() {
		this.reactiveByDefault.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(NxCloudWebhookHandler.class)
				.doesNotHaveBean("nxCloudWebhookRouterFunction");
			postReactive(client(context), "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().isNotFound();
			assertThat(context.getBean(Listener.class).events).isEmpty();
		});
		this.servletByDefault.run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(NxCloudWebhookHandler.class)
				.doesNotHaveBean("nxCloudWebhookRouterFunction");
			MockMvcBuilders.webAppContextSetup(context)
				.build()
				.perform(postServlet("/nxcloud/webhook", new HttpHeaders(), STATUS))
				.andExpect(status().isNotFound());
			assertThat(context.getBean(Listener.class).events).isEmpty();
		});
		this.reactiveByDefault.withPropertyValues("nxcloud.webhook.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("nxCloudWebhookRouterFunction"));
	}

	@Test
	void acceptingUnsignedCallbacksIsAWarningLoggedOnceAtStartUp() {
		try (LogCapture log = LogCapture.of(NxCloudWebhookAutoConfiguration.class)) {
			this.reactive.withPropertyValues("nxcloud.webhook.path=/hooks/wa").run((context) -> {
				postReactive(client(context), "/hooks/wa", new HttpHeaders(), STATUS).expectStatus().isOk();
				postReactive(client(context), "/hooks/wa", new HttpHeaders(), STATUS).expectStatus().isOk();
			});
			assertThat(log.lines()).singleElement()
				.asString()
				.startsWith("WARN The NxCloud webhook endpoint POST /hooks/wa accepts callbacks without verifying "
						+ "their signature")
				.contains("in the NxCloud console", "'nxcloud.webhook.verify-signature=true'");
		}
		try (LogCapture log = LogCapture.of(NxCloudWebhookAutoConfiguration.class)) {
			this.servlet.run((context) -> assertThat(context).hasBean("nxCloudWebhookRouterFunction"));
			assertThat(log.lines()).singleElement().asString().startsWith("WARN ").contains("POST /nxcloud/webhook");
		}
	}

	@Test
	void nothingIsLoggedWhenSignaturesAreVerifiedOrTheEndpointIsOff() {
		try (LogCapture log = LogCapture.of(NxCloudWebhookAutoConfiguration.class)) {
			this.reactive.withPropertyValues(ACCOUNT)
				.withPropertyValues("nxcloud.webhook.verify-signature=true")
				.run((context) -> assertThat(context).hasSingleBean(NxCloudWebhookHandler.class));
			this.servlet.withPropertyValues(ACCOUNT)
				.withPropertyValues("nxcloud.webhook.verify-signature=true")
				.run((context) -> assertThat(context).hasSingleBean(NxCloudWebhookHandler.class));
			this.reactiveByDefault.run((context) -> assertThat(context).hasNotFailed());
			assertThat(log.lines()).isEmpty();
		}
	}

	@Test
	void aHandlerOfYourOwnThatAcceptsUnsignedCallbacksIsAWarningToo() {
		try (LogCapture log = LogCapture.of(NxCloudWebhookAutoConfiguration.class)) {
			this.reactive.withUserConfiguration(UserHandler.class)
				.withPropertyValues(ACCOUNT)
				.withPropertyValues("nxcloud.webhook.verify-signature=true", "nxcloud.webhook.path=/hooks/own")
				.run((context) -> postReactive(client(context), "/hooks/own", new HttpHeaders(), STATUS)
					.expectStatus()
					.isOk());
			assertThat(log.lines()).singleElement()
				.asString()
				.startsWith("WARN The NxCloud webhook endpoint POST /hooks/own accepts callbacks without verifying");
		}
		try (LogCapture log = LogCapture.of(NxCloudWebhookAutoConfiguration.class)) {
			this.servlet.withUserConfiguration(UserHandler.class)
				.run((context) -> assertThat(context).hasBean("nxCloudWebhookRouterFunction"));
			assertThat(log.lines()).singleElement().asString().startsWith("WARN ").contains("POST /nxcloud/webhook");
		}
	}

	@Test
	void aVerifierOfYourOwnIsUsedAndNothingIsLogged() {
		try (LogCapture log = LogCapture.of(NxCloudWebhookAutoConfiguration.class)) {
			this.reactive.withPropertyValues(ACCOUNT).withUserConfiguration(UserVerifier.class).run((context) -> {
				assertThat(context.getBean(NxCloudWebhookHandler.class).verifiesSignatures()).isTrue();
				WebTestClient client = client(context);
				postReactive(client, "/nxcloud/webhook", new HttpHeaders(), STATUS).expectStatus().isUnauthorized();
				postReactive(client, "/nxcloud/webhook", signed(STATUS, "key1", "secret1"), STATUS).expectStatus()
					.isUnauthorized();
				assertThat(context.getBean(Listener.class).events).isEmpty();
				postReactive(client, "/nxcloud/webhook", signed(STATUS, "ownkey", "ownsecret"), STATUS).expectStatus()
					.isOk();
				assertThat(context.getBean(Listener.class).events).hasSize(1);
			});
			this.servlet.withUserConfiguration(UserVerifier.class).run((context) -> {
				MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
				mvc.perform(postServlet("/nxcloud/webhook", new HttpHeaders(), STATUS))
					.andExpect(status().isUnauthorized());
				mvc.perform(postServlet("/nxcloud/webhook", signed(STATUS, "ownkey", "ownsecret"), STATUS))
					.andExpect(status().isOk());
			});
			assertThat(log.lines()).isEmpty();
		}
	}

	@Test
	void verifySignatureDecidesNoBeanSoThatAnAotProcessedApplicationReadsItAtStartUp() {
		List<List<String>> beanNames = new ArrayList<>();
		for (String verify : List.of("true", "false")) {
			this.reactive.withPropertyValues(ACCOUNT)
				.withPropertyValues("nxcloud.webhook.verify-signature=" + verify)
				.run((context) -> beanNames.add(List.of(context.getBeanDefinitionNames())));
		}
		assertThat(beanNames.get(0)).containsExactlyElementsOf(beanNames.get(1));
	}

	@Test
	void notInANonWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
			.withPropertyValues(ENABLED)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(NxCloudWebhookHandler.class));
	}

	@Test
	void userHandlerWins() {
		this.reactive.withUserConfiguration(UserHandler.class).run((context) -> {
			assertThat(context).hasSingleBean(NxCloudWebhookHandler.class);
			assertThat(context.getBean(NxCloudWebhookHandler.class)).isSameAs(context.getBean("myHandler"));
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	static class WebFlux {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	static class WebMvc {

	}

	static class Listener {

		final List<Object> events = new CopyOnWriteArrayList<>();

		volatile boolean fail;

		@EventListener
		void on(NxCloudWebhookEvent event) {
			if (this.fail) {
				throw new IllegalStateException("listener failed");
			}
			this.events.add(event);
		}

	}

	static class RecordingDeliveryStore implements WebhookDeliveryStore {

		final List<String> calls = new CopyOnWriteArrayList<>();

		private final java.util.Set<String> claimed = java.util.concurrent.ConcurrentHashMap.newKeySet();

		@Override
		public Claim claim(String key, Duration lease) {
			this.calls.add("claim " + key + " for " + lease);
			return this.claimed.add(key) ? Claim.CLAIMED : Claim.HANDLED;
		}

		@Override
		public void confirm(String key, Duration timeToLive) {
			this.calls.add("confirm " + key + " for " + timeToLive);
		}

		@Override
		public void release(String key) {
			this.calls.add("release " + key);
			this.claimed.remove(key);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserVerifier {

		@Bean
		NxCloudWebhookVerifier ownVerifier() {
			return new NxCloudWebhookVerifier(new NxCloudSigner(SignAlgorithm.MD5),
					() -> new NxCloudWebhookVerifier.Credentials("ownkey", "ownsecret"), Duration.ofMinutes(5),
					Clock.systemUTC());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandler {

		@Bean
		NxCloudWebhookHandler myHandler(ApplicationEventPublisher publisher) {
			return new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), null, publisher::publishEvent,
					new NxCloudWebhookEvents(), new InMemoryWebhookDeliveryStore(0, Clock.systemUTC()),
					Duration.ofMinutes(1), Duration.ofMinutes(1));
		}

	}

}
