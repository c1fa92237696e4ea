package dev.nxcloud.whatsapp.webhook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.SignAlgorithm;
import dev.nxcloud.simulator.Signatures;
import dev.nxcloud.whatsapp.testsupport.LogCapture;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudWebhookHandlerTests {

	private final List<Object> published = new ArrayList<>();

	private final List<NxCloudWebhookEvent> streamed = new ArrayList<>();

	private final NxCloudWebhookEvents events = new NxCloudWebhookEvents();

	private Predicate<Object> failing = (event) -> false;

	private final Consumer<NxCloudWebhookEvent> listener = (event) -> {
		if (this.failing.test(event)) {
			throw new IllegalStateException("listener failed");
		}
		this.published.add(event);
	};

	private NxCloudWebhookHandler handler(int capacity, @Nullable NxCloudWebhookVerifier verifier) {
		return new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), verifier, this.listener, this.events,
				new InMemoryWebhookDeliveryStore(capacity, Clock.systemUTC()), Duration.ofMinutes(5), Duration.ofDays(7));
	}

	private static byte[] bytes(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	private static String statuses(String... idAndStatus) {
		StringBuilder json = new StringBuilder("{\"statuses\":[");
		for (int i = 0; i < idAndStatus.length; i += 2) {
			json.append((i > 0) ? "," : "")
				.append("{\"id\":\"")
				.append(idAndStatus[i])
				.append("\",\"status\":\"")
				.append(idAndStatus[i + 1])
				.append("\"}");
		}
		return json.append("]}").toString();
	}

	private List<String> publishedStatuses() {
		return this.published.stream()
			.map((event) -> ((MessageStatusEvent) event).status())
			.map((status) -> status.id() + ":" + status.status().name().toLowerCase())
			.toList();
	}

	@Test
	void theStoreHoldsOneFixedSizeKeyPerDeliveryWhateverTheIdsCarry() {
		InMemoryWebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10_000, Clock.systemUTC());
		List<String> given = new ArrayList<>();
		WebhookDeliveryStore recording = new WebhookDeliveryStore() {

			@Override
			public Claim claim(String key, Duration lease) {
				given.add(key);
				return store.claim(key, lease);
			}

			@Override
			public void confirm(String key, Duration timeToLive) {
				given.add(key);
				store.confirm(key, timeToLive);
			}

			@Override
			public void release(String key) {
				given.add(key);
				store.release(key);
			}

		};
		int[] handed = new int[1];
		NxCloudWebhookHandler handler = new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), null,
				(event) -> handed[0]++, this.events, recording, Duration.ofMinutes(5), Duration.ofDays(7));
		String padding = "x".repeat(100_000);
		for (int i = 0; i < 2_000; i++) {
			String id = i + padding;
			byte[] body = (i % 2 == 0) ? bytes(statuses(id, "read"))
					: bytes("{\"messages\":[{\"id\":\"" + id + "\",\"type\":\"text\"}]}");
			assertThat(handler.handle(new HttpHeaders(), body)).isEqualTo(HttpStatus.OK);
		}
		assertThat(handed[0]).isEqualTo(2_000);
		assertThat(given).hasSize(4_000).allMatch((key) -> key.matches("[0-9a-f]{64}"));
		assertThat(store.keys()).hasSize(2_000).doesNotHaveDuplicates().allMatch((key) -> key.matches("[0-9a-f]{64}"));
	}

	@Test
	void eachEventGoesToTheListenersAndToTheStream() {
		Disposable subscription = this.events.stream().subscribe(this.streamed::add);
		List<MessageStatusEvent> statusesOnly = new ArrayList<>();
		Disposable typed = this.events.stream(MessageStatusEvent.class).subscribe(statusesOnly::add);
		HttpStatus status = handler(100, null).handle(new HttpHeaders(), bytes(statuses("m1", "sent", "m1", "delivered")));
		handler(100, null).handle(new HttpHeaders(), bytes("{\"messages\":[{\"id\":\"in1\",\"type\":\"text\"}]}"));
		assertThat(status).isEqualTo(HttpStatus.OK);
		assertThat(this.published).hasSize(3);
		assertThat(this.streamed)
			.containsExactlyElementsOf(this.published.stream().map(NxCloudWebhookEvent.class::cast).toList());
		assertThat(statusesOnly).hasSize(2);
		subscription.dispose();
		typed.dispose();
	}

	@Test
	void aRedeliveryOfHandledEventsIsAcknowledgedButNotHandedOverAgain() {
		NxCloudWebhookHandler handler = handler(100, null);
		byte[] body = bytes(statuses("m1", "sent"));
		assertThat(handler.handle(new HttpHeaders(), body)).isEqualTo(HttpStatus.OK);
		assertThat(handler.handle(new HttpHeaders(), body)).isEqualTo(HttpStatus.OK);
		assertThat(handler.handle(new HttpHeaders(), bytes(statuses("m1", "delivered", "m1", "sent"))))
			.isEqualTo(HttpStatus.OK);
		assertThat(publishedStatuses()).containsExactly("m1:sent", "m1:delivered");
		byte[] inbound = bytes("{\"messages\":[{\"id\":\"in1\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}");
		handler.handle(new HttpHeaders(), inbound);
		handler.handle(new HttpHeaders(), inbound);
		byte[] template = bytes("{\"field\":\"message_template_status_update\",\"value\":{\"event\":\"APPROVED\"}}");
		handler.handle(new HttpHeaders(), template);
		handler.handle(new HttpHeaders(), template);
		assertThat(this.published).hasSize(4);
	}

	@Test
	void statusesNxCloudAddsLaterAreToldApartByTheirText() {
		NxCloudWebhookHandler handler = handler(100, null);
		handler.handle(new HttpHeaders(), bytes(statuses("m1", "warning", "m1", "pending", "m1", "pending")));
		assertThat(publishedStatuses()).containsExactly("m1:unknown", "m1:unknown");
		assertThat(this.published).extracting((event) -> ((MessageStatusEvent) event).raw().path("status").asString())
			.containsExactly("warning", "pending");
	}

	@Test
	void aFailingListenerGets500AndTheRedeliveryIsHandedOverFromWhereItFailed() {
		NxCloudWebhookHandler handler = handler(100, null);
		this.failing = (event) -> ((MessageStatusEvent) event).status().id().equals("m2");
		byte[] body = bytes(statuses("m1", "read", "m2", "read", "m3", "read"));
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			assertThat(handler.handle(new HttpHeaders(), body)).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
			assertThat(output.text()).contains("WARN An NxCloud webhook event listener failed; answering 500 so that "
					+ "NxCloud delivers the callback again listener failed");
		}
		assertThat(publishedStatuses()).containsExactly("m1:read");
		this.failing = (event) -> false;
		assertThat(handler.handle(new HttpHeaders(), body)).isEqualTo(HttpStatus.OK);
		assertThat(publishedStatuses()).containsExactly("m1:read", "m2:read", "m3:read");
	}

	@Test
	void aFailedEventIsNotStreamedUntilItSucceeds() {
		Disposable subscription = this.events.stream().subscribe(this.streamed::add);
		NxCloudWebhookHandler handler = handler(100, null);
		this.failing = (event) -> true;
		handler.handle(new HttpHeaders(), bytes(statuses("m1", "sent")));
		assertThat(this.streamed).isEmpty();
		this.failing = (event) -> false;
		handler.handle(new HttpHeaders(), bytes(statuses("m1", "sent")));
		assertThat(this.streamed).hasSize(1);
		subscription.dispose();
	}

	@Test
	void onlyTheMostRecentEventsAreRemembered() {
		NxCloudWebhookHandler handler = handler(2, null);
		handler.handle(new HttpHeaders(), bytes(statuses("m1", "sent", "m2", "sent", "m3", "sent")));
		handler.handle(new HttpHeaders(), bytes(statuses("m3", "sent", "m2", "sent")));
		assertThat(publishedStatuses()).containsExactly("m1:sent", "m2:sent", "m3:sent");
		handler.handle(new HttpHeaders(), bytes(statuses("m1", "sent")));
		assertThat(publishedStatuses()).containsExactly("m1:sent", "m2:sent", "m3:sent", "m1:sent");
	}

	@Test
	void zeroCapacityHandsEveryDeliveryOver() {
		NxCloudWebhookHandler handler = handler(0, null);
		handler.handle(new HttpHeaders(), bytes(statuses("m1", "sent")));
		handler.handle(new HttpHeaders(), bytes(statuses("m1", "sent")));
		assertThat(publishedStatuses()).containsExactly("m1:sent", "m1:sent");
	}

	@Test
	void unknownPayloadsAreAcknowledgedAndPublishedRaw() {
		assertThat(handler(100, null).handle(new HttpHeaders(), bytes("{\"hello\":\"world\"}")))
			.isEqualTo(HttpStatus.OK);
		assertThat(this.published).singleElement()
			.isInstanceOfSatisfying(UnknownWebhookEvent.class,
					(event) -> assertThat(event.raw().path("hello").asString()).isEqualTo("world"));
	}

	@Test
	void aBodyThatIsNotJsonGets400() {
		assertThat(handler(100, null).handle(new HttpHeaders(), bytes("<xml/>"))).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.published).isEmpty();
	}

	@Test
	void aSignedBodyThatIsNotWellFormedUtf8Gets400AndNoEventWhileMultiByteTextPasses() {
		NxCloudWebhookVerifier verifier = new NxCloudWebhookVerifier(new NxCloudSigner(SignAlgorithm.MD5),
				() -> new NxCloudWebhookVerifier.Credentials("key1", "secret1"), Duration.ofMinutes(5),
				Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));
		NxCloudWebhookHandler handler = handler(100, verifier);
		byte[] overlongSlash = withText(new byte[] { 'a', (byte) 0xC0, (byte) 0xAF, 'b' });
		byte[] loneFf = withText(new byte[] { 'a', (byte) 0xFF, 'b' });
		byte[] chineseAndEmoji = withText("你好 \uD83D\uDE00".getBytes(StandardCharsets.UTF_8));
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			assertThat(handler.handle(signedHeaders(overlongSlash), overlongSlash)).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(handler.handle(signedHeaders(loneFf), loneFf)).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(output.text()).contains("DEBUG Refused an NxCloud webhook callback: A callback body must be "
					+ "well-formed UTF-8");
		}
		assertThat(this.published).isEmpty();
		assertThat(handler.handle(signedHeaders(chineseAndEmoji), chineseAndEmoji)).isEqualTo(HttpStatus.OK);
		assertThat(this.published).singleElement()
			.extracting((event) -> ((InboundMessageEvent) event).raw().path("text").path("body").asString())
			.isEqualTo("你好 \uD83D\uDE00");
	}

	/** An inbound text message whose body is the given bytes, as they are. */
	private static byte[] withText(byte[] text) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(bytes("{\"messages\":[{\"id\":\"in1\",\"type\":\"text\",\"text\":{\"body\":\""));
		body.writeBytes(text);
		body.writeBytes(bytes("\"}}]}"));
		return body.toByteArray();
	}

	private static HttpHeaders signedHeaders(byte[] body) {
		String ts = "1700000001000";
		HttpHeaders headers = new HttpHeaders();
		headers.set("accesskey", "key1");
		headers.set("action", "dr");
		headers.set("biztype", "2");
		headers.set("ts", ts);
		headers.set("sign", Signatures.sign("key1", "dr", "2", ts, body, "secret1", Signatures.MD5));
		return headers;
	}

	@Test
	void anUnsignedOrTamperedCallbackGets401AndADebugLineThatLeaksNothing() {
		NxCloudWebhookVerifier verifier = new NxCloudWebhookVerifier(new NxCloudSigner(SignAlgorithm.MD5),
				() -> new NxCloudWebhookVerifier.Credentials("key1", "secret1"), Duration.ofMinutes(5),
				Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));
		NxCloudWebhookHandler handler = handler(100, verifier);
		byte[] body = bytes(statuses("m1", "read"));
		String ts = "1700000001000";
		String sign = Signatures.sign("key1", "dr", "2", ts, body, "secret1", Signatures.MD5);
		HttpHeaders headers = new HttpHeaders();
		headers.set("accesskey", "key1");
		headers.set("action", "dr");
		headers.set("biztype", "2");
		headers.set("ts", ts);
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			assertThat(handler.handle(headers, body)).isEqualTo(HttpStatus.UNAUTHORIZED);
			headers.set("sign", sign);
			assertThat(handler.handle(headers, bytes(statuses("m1", "sent")))).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(output.text()).contains("DEBUG Refused an NxCloud webhook callback: a signature header")
				.contains("Refused an NxCloud webhook callback: the signature does not match")
				.doesNotContain(sign)
				.doesNotContain("secret1")
				.doesNotContain("key1");
		}
		assertThat(this.published).isEmpty();
		assertThat(handler.handle(headers, body)).isEqualTo(HttpStatus.OK);
		assertThat(publishedStatuses()).containsExactly("m1:read");
		assertThat(handler.verifiesSignatures()).isTrue();
	}

	@Test
	void onlyAVerifierWithoutASecretRefusingEveryCallbackIsAWarning() {
		NxCloudWebhookVerifier verifier = new NxCloudWebhookVerifier(new NxCloudSigner(SignAlgorithm.MD5),
				() -> new NxCloudWebhookVerifier.Credentials("key1", null), Duration.ofMinutes(5),
				Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC));
		byte[] body = bytes(statuses("m1", "read"));
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			assertThat(handler(100, verifier).handle(signedHeaders(body), body)).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(handler(100, verifier).handle(new HttpHeaders(), body)).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(output.lines()).containsExactly(
					"WARN Refused an NxCloud webhook callback: no access secret is configured to verify it with",
					"DEBUG Refused an NxCloud webhook callback: a signature header (accesskey, action, biztype, ts, "
							+ "sign) is missing");
		}
		assertThat(this.published).isEmpty();
	}

	@Test
	void withoutAVerifierTheHandlerSaysItAcceptsUnsignedCallbacks() {
		NxCloudWebhookHandler handler = handler(100, null);
		assertThat(handler.verifiesSignatures()).isFalse();
		assertThat(handler.handle(new HttpHeaders(), bytes(statuses("m1", "read")))).isEqualTo(HttpStatus.OK);
	}

}
