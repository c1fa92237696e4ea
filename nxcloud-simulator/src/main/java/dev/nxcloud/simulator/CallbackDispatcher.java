package dev.nxcloud.simulator;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.nxcloud.simulator.ApiHandler.Accepted;
import dev.nxcloud.simulator.state.AcceptedMessage;
import dev.nxcloud.simulator.state.BoundedHistory;
import dev.nxcloud.simulator.state.FailingRecipient;
import dev.nxcloud.simulator.state.SimulatorState;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the status callbacks of accepted messages (reference §3.3), signed the way NxCloud signs callbacks, one after
 * the other: {@code sent}, {@code delivered}, {@code read}, or a single {@code failed} for a failing recipient or a
 * send answered with an error code after processing. Only
 * plain-http loopback URLs are called; anything else is refused and recorded.
 */
final class CallbackDispatcher {

	private static final Logger logger = LoggerFactory.getLogger(CallbackDispatcher.class);

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final SimulatorState state;

	private final SimulatorClock clock;

	private final JsonMapper json;

	private final Duration interval;

	private final BoundedHistory<CallbackRecord> records;

	private final ConnectionProvider connections = ConnectionProvider.builder("nxcloud-simulator-callbacks")
		.maxConnections(64)
		.build();

	private final HttpClient client = HttpClient.create(this.connections).responseTimeout(TIMEOUT);

	private final Disposable.Composite inFlight = Disposables.composite();

	CallbackDispatcher(SimulatorState state, SimulatorClock clock, JsonMapper json,
			Duration interval, int capacity) {
		this.state = state;
		this.clock = clock;
		this.json = json;
		this.interval = interval;
		this.records = new BoundedHistory<>(capacity);
	}

	BoundedHistory<CallbackRecord> records() {
		return this.records;
	}

	/**
	 * Sends {@code sent}, {@code delivered} and {@code read}, or a single {@code failed} for a failing recipient.
	 */
	void dispatch(Accepted accepted) {
		FailingRecipient failing = this.state.failingRecipient(accepted.message().to()).orElse(null);
		dispatch(accepted, (failing != null) ? new Failure(failing.errorCode(), failing.errorTitle()) : null);
	}

	/**
	 * Sends a single {@code failed} carrying an error: the message was processed, but the answer told the caller
	 * that it failed.
	 */
	void dispatchFailed(Accepted accepted, int code, String title) {
		dispatch(accepted, new Failure(code, title));
	}

	private void dispatch(Accepted accepted, @Nullable Failure failure) {
		String url = accepted.message().callbackUrl();
		if (url == null) {
			return;
		}
		List<String> statuses = (failure != null) ? List.of("failed") : List.of("sent", "delivered", "read");
		String conversationId = Ids.randomHex(16);
		Disposable[] holder = new Disposable[1];
		holder[0] = Flux.fromIterable(statuses)
			.concatMap((status) -> Mono.delay(this.interval)
				.then(Mono.defer(() -> send(url, accepted, status, conversationId, failure))))
			.doFinally((signal) -> {
				if (holder[0] != null) {
					this.inFlight.remove(holder[0]);
				}
			})
			.subscribe();
		this.inFlight.add(holder[0]);
	}

	private Mono<Void> send(String url, Accepted accepted, String status, String conversationId,
			@Nullable Failure failure) {
		AcceptedMessage message = accepted.message();
		Instant now = this.clock.instant();
		byte[] body = this.json.writeValueAsBytes(payload(accepted, status, conversationId, failure, now));
		String bodyText = new String(body, StandardCharsets.UTF_8);
		URI uri = loopback(url);
		if (uri == null) {
			this.records.add(new CallbackRecord(message.id(), status, url, CallbackRecord.Outcome.REFUSED, 0,
					"only plain-http loopback URLs (127.0.0.1, localhost) are called", bodyText, now));
			return Mono.empty();
		}
		String ts = Long.toString(this.clock.millis());
		String accessKey = accepted.account().accessKey();
		String sign = Signatures.sign(accessKey, "dr", "2", ts, body, accepted.account().accessSecret(),
				Signatures.MD5);
		int port = (uri.getPort() != -1) ? uri.getPort() : 80;
		String path = ((uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath())
				+ ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
		return this.client.host("127.0.0.1")
			.port(port)
			.headers((headers) -> headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
				.set("accesskey", accessKey)
				.set("action", "dr")
				.set("biztype", "2")
				.set("ts", ts)
				.set("sign", sign))
			.post()
			.uri(path)
			.send(ByteBufFlux.fromString(Mono.just(bodyText)))
			.responseSingle((response, content) -> content.then(Mono.just(response.status().code())))
			.timeout(TIMEOUT)
			.doOnNext((code) -> this.records.add(new CallbackRecord(message.id(), status, url,
					CallbackRecord.Outcome.DELIVERED, code, null, bodyText, now)))
			.onErrorResume((ex) -> {
				logger.debug("Status callback to {} failed", url, ex);
				this.records.add(new CallbackRecord(message.id(), status, url, CallbackRecord.Outcome.ERROR, 0,
						String.valueOf(ex), bodyText, now));
				return Mono.empty();
			})
			.then();
	}

	private ObjectNode payload(Accepted accepted, String status, String conversationId, @Nullable Failure failure,
			Instant now) {
		AcceptedMessage message = accepted.message();
		ObjectNode root = this.json.createObjectNode();
		ObjectNode item = root.putArray("statuses").addObject();
		item.put("id", message.id());
		item.put("status", status);
		item.put("timestamp", Long.toString(now.getEpochSecond()));
		item.put("recipient_id", message.to());
		if (failure != null) {
			ObjectNode error = item.putArray("errors").addObject();
			error.put("code", failure.code());
			error.put("title", failure.title());
		}
		else {
			ObjectNode conversation = item.putObject("conversation");
			conversation.put("id", conversationId);
			if (status.equals("sent")) {
				conversation.put("expiration_timestamp",
						Long.toString(message.acceptedAt().plus(Duration.ofDays(1)).getEpochSecond()));
			}
			conversation.putObject("origin").put("type", accepted.origin());
			ObjectNode pricing = item.putObject("pricing");
			pricing.put("billable", true);
			pricing.put("pricing_model", "CBP");
			pricing.put("category", accepted.origin());
		}
		if (accepted.bizOpaqueCallbackData() != null) {
			item.put("biz_opaque_callback_data", accepted.bizOpaqueCallbackData());
		}
		root.put("business_phone", message.businessPhone());
		root.put("messaging_product", "whatsapp");
		return root;
	}

	/** The URL if it is plain http to 127.0.0.1 or localhost (this machine's network rule), else {@code null}. */
	static @Nullable URI loopback(String url) {
		try {
			URI uri = URI.create(url.trim());
			String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : "";
			boolean http = "http".equalsIgnoreCase(uri.getScheme());
			return (http && (host.equals("127.0.0.1") || host.equals("localhost"))) ? uri : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	void close() {
		this.inFlight.dispose();
		this.connections.disposeLater().block(Duration.ofSeconds(2));
	}

	/** The {@code errors[0]} of a {@code failed} status. */
	private record Failure(int code, String title) {
	}

}
