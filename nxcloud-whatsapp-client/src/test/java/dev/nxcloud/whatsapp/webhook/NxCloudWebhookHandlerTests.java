package dev.nxcloud.whatsapp.webhook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.SignAlgorithm;
import dev.nxcloud.simulator.Signatures;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.testsupport.LogCapture;
import dev.nxcloud.whatsapp.testsupport.SteppedClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

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
			assertThat(output.lines()).containsExactly(
					"WARN Refused an NxCloud webhook callback (400): A callback body must be well-formed UTF-8. If "
							+ "NxCloud's callbacks are refused, check that they come from NxCloud and are within the "
							+ "decoder's limits. Refusals for this reason are logged at DEBUG, with at most one WARN "
							+ "every 5 minutes",
					"DEBUG Refused an NxCloud webhook callback (400): A callback body must be well-formed UTF-8");
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
	void anUnsignedOrTamperedCallbackGets401AndALogLineThatLeaksNothing() {
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
			assertThat(output.text()).contains("WARN Refused an NxCloud webhook callback (401): a signature header")
				.contains("WARN Refused an NxCloud webhook callback (401): the signature does not match")
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
	void aWrongSecretWarnsAtItsFirstRefusalThenAtMostOncePerIntervalSayingHowManyWereRefusedSince() {
		// the console signs with secret1, this application verifies with another: every genuine callback is refused
		NxCloudWebhookVerifier verifier = new NxCloudWebhookVerifier(new NxCloudSigner(SignAlgorithm.MD5),
				() -> new NxCloudWebhookVerifier.Credentials("key1", "not-secret1"), Duration.ZERO, Clock.systemUTC());
		SteppedClock clock = new SteppedClock();
		Map<NxCloudWebhookHandler.Refusal, Integer> counted = new EnumMap<>(NxCloudWebhookHandler.Refusal.class);
		NxCloudWebhookHandler handler = new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), verifier, this.listener,
				this.events, new InMemoryWebhookDeliveryStore(100, clock), Duration.ofMinutes(5), Duration.ofDays(7),
				clock, (refusal) -> counted.merge(refusal, 1, Integer::sum));
		byte[] body = bytes(statuses("m1", "read"));
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			for (int i = 0; i < 1_000; i++) {
				assertThat(handler.handle(signedHeaders(body), body)).isEqualTo(HttpStatus.UNAUTHORIZED);
			}
			clock.advance(NxCloudWebhookHandler.REFUSAL_WARNING_INTERVAL.minusSeconds(1));
			assertThat(handler.handle(signedHeaders(body), body)).isEqualTo(HttpStatus.UNAUTHORIZED);
			clock.advance(Duration.ofSeconds(1));
			assertThat(handler.handle(signedHeaders(body), body)).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(handler.handle(new HttpHeaders(), body)).as("another reason warns on its own")
				.isEqualTo(HttpStatus.UNAUTHORIZED);
			List<String> warnings = output.lines().stream().filter((line) -> line.startsWith("WARN")).toList();
			assertThat(warnings).containsExactly(
					"WARN Refused an NxCloud webhook callback (401): the signature does not match. If NxCloud's "
							+ "callbacks are refused, check that the access secret and the signing algorithm callbacks "
							+ "are verified with are those of the app's callback signing in the NxCloud console. "
							+ "Refusals for this reason are logged at DEBUG, with at most one WARN every 5 minutes",
					"WARN Refused an NxCloud webhook callback (401): the signature does not match; 1000 more "
							+ "refused since 2026-01-01T00:00:00Z. If NxCloud's callbacks are refused, check that the "
							+ "access secret and the signing algorithm callbacks are verified with are those of the "
							+ "app's callback signing in the NxCloud console. Refusals for this reason are logged at "
							+ "DEBUG, with at most one WARN every 5 minutes",
					"WARN Refused an NxCloud webhook callback (401): a signature header (accesskey, action, biztype, "
							+ "ts, sign) is missing. If NxCloud's callbacks are refused, check that callback signing is "
							+ "configured for the app in the NxCloud console. Refusals for this reason are logged at "
							+ "DEBUG, with at most one WARN every 5 minutes");
			assertThat(output.lines()).hasSize(1_003)
				.filteredOn((line) -> line.startsWith("DEBUG"))
				.containsOnly("DEBUG Refused an NxCloud webhook callback (401): the signature does not match");
			assertThat(output.text()).doesNotContain("secret1").doesNotContain("key1");
		}
		assertThat(counted).containsExactly(entry(NxCloudWebhookHandler.Refusal.MISSING_SIGNATURE, 1),
				entry(NxCloudWebhookHandler.Refusal.INVALID_SIGNATURE, 1_002));
		assertThat(this.published).isEmpty();
	}

	@Test
	void aVerifierWithoutASecretWarnsByTheSameRuleRatherThanOnEveryCallback() {
		NxCloudWebhookVerifier verifier = new NxCloudWebhookVerifier(new NxCloudSigner(SignAlgorithm.MD5),
				() -> new NxCloudWebhookVerifier.Credentials("key1", null), Duration.ZERO, Clock.systemUTC());
		SteppedClock clock = new SteppedClock();
		NxCloudWebhookHandler handler = new NxCloudWebhookHandler(new NxCloudWebhookDecoder(), verifier, this.listener,
				this.events, new InMemoryWebhookDeliveryStore(100, clock), Duration.ofMinutes(5), Duration.ofDays(7),
				clock, (refusal) -> {
				});
		byte[] body = bytes(statuses("m1", "read"));
		try (LogCapture output = LogCapture.of(NxCloudWebhookHandler.class)) {
			for (int i = 0; i < 1_000; i++) {
				assertThat(handler.handle(signedHeaders(body), body)).isEqualTo(HttpStatus.UNAUTHORIZED);
			}
			assertThat(output.lines()).hasSize(1_000)
				.filteredOn((line) -> line.startsWith("WARN"))
				.containsExactly("WARN Refused an NxCloud webhook callback (401): no access secret is configured to "
						+ "verify it with. Every callback is refused until an access secret is configured to verify "
						+ "callbacks with. Refusals for this reason are logged at DEBUG, with at most one WARN every 5 "
						+ "minutes");
		}
		assertThat(this.published).isEmpty();
	}

	@Test
	void nullCollaboratorsAndNullRequestsAreRefusedByName() {
		NxCloudWebhookDecoder decoder = new NxCloudWebhookDecoder();
		WebhookDeliveryStore store = new InMemoryWebhookDeliveryStore(10, Clock.systemUTC());
		Duration lease = Duration.ofMinutes(5);
		Duration ttl = Duration.ofDays(7);
		Consumer<NxCloudWebhookHandler.Refusal> ignored = (refusal) -> {
		};
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookHandler(null, null, this.listener, this.events, store, lease, ttl))
			.withMessage("decoder must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookHandler(decoder, null, null, this.events, store, lease, ttl))
			.withMessage("listener must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookHandler(decoder, null, this.listener, null, store, lease, ttl))
			.withMessage("events must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookHandler(decoder, null, this.listener, this.events, null, lease, ttl))
			.withMessage("deliveries must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookHandler(decoder, null, this.listener, this.events, store, null, ttl))
			.withMessage("claimTimeout must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookHandler(decoder, null, this.listener, this.events, store, lease, null))
			.withMessage("deduplicationTimeToLive must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookHandler(decoder, null, this.listener, this.events, store, lease, ttl,
					null, ignored))
			.withMessage("clock must not be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NxCloudWebhookHandler(decoder, null, this.listener, this.events, store, lease, ttl,
					Clock.systemUTC(), null))
			.withMessage("refusals must not be null");
		NxCloudWebhookHandler handler = handler(10, null);
		assertThatExceptionOfType(NxCloudValidationException.class)
			.isThrownBy(() -> handler.handle(null, bytes("{}")))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("headers"));
		assertThatExceptionOfType(NxCloudValidationException.class)
			.isThrownBy(() -> handler.handle(new HttpHeaders(), null))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("body"));
		assertThat(this.published).isEmpty();
	}

	@Test
	void withoutAVerifierTheHandlerSaysItAcceptsUnsignedCallbacks() {
		NxCloudWebhookHandler handler = handler(100, null);
		assertThat(handler.verifiesSignatures()).isFalse();
		assertThat(handler.handle(new HttpHeaders(), bytes(statuses("m1", "read")))).isEqualTo(HttpStatus.OK);
	}

}
