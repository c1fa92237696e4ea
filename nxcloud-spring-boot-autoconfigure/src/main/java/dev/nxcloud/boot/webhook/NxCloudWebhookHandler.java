package dev.nxcloud.boot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Handles one callback, whichever web stack received it: verifies its signature (when a verifier is given), decodes
 * it and hands each event over, first to the application's event listeners, then to
 * {@link NxCloudWebhookEvents#stream()}.
 * <p>
 * The answer tells NxCloud what to do: {@code 200} once every event is handed over; {@code 401} for a callback
 * whose signature is missing or wrong (nothing is handed over); {@code 400} for a body that is not a JSON object;
 * {@code 500} when a listener throws, so that NxCloud delivers the callback again. Events already handed over are
 * recognised when they are delivered again and not handed over twice: a status by its message id and status, an
 * inbound message by its id, other payloads by their content. Only the most recent {@code deduplicationCapacity}
 * events are remembered. Instances are thread-safe.
 */
public final class NxCloudWebhookHandler {

	private static final Logger logger = LoggerFactory.getLogger(NxCloudWebhookHandler.class);

	private final NxCloudWebhookDecoder decoder;

	private final @Nullable NxCloudWebhookVerifier verifier;

	private final ApplicationEventPublisher publisher;

	private final NxCloudWebhookEvents events;

	private final RecentDeliveries recent;

	/**
	 * Create a handler.
	 * @param decoder reads callback bodies
	 * @param verifier checks signatures, or {@code null} to accept unsigned callbacks
	 * @param publisher publishes each event to the application's listeners
	 * @param events the stream each event is emitted on
	 * @param deduplicationCapacity how many recent events to remember to recognise redeliveries; 0 to not
	 * recognise them
	 */
	public NxCloudWebhookHandler(NxCloudWebhookDecoder decoder, @Nullable NxCloudWebhookVerifier verifier,
			ApplicationEventPublisher publisher, NxCloudWebhookEvents events, int deduplicationCapacity) {
		this.decoder = decoder;
		this.verifier = verifier;
		this.publisher = publisher;
		this.events = events;
		this.recent = new RecentDeliveries(deduplicationCapacity);
	}

	/**
	 * Handle a callback.
	 * @param headers the request headers
	 * @param body the raw request body
	 * @return the status to answer with
	 */
	public HttpStatus handle(HttpHeaders headers, byte[] body) {
		if (this.verifier != null) {
			NxCloudWebhookVerifier.Verification verification = this.verifier.verify(headers, body);
			if (verification != NxCloudWebhookVerifier.Verification.VALID) {
				logger.warn("Refused an NxCloud webhook callback: {}", verification.description());
				return HttpStatus.UNAUTHORIZED;
			}
		}
		List<NxCloudWebhookEvent> decoded;
		try {
			decoded = this.decoder.decode(body);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Refused an NxCloud webhook callback: its body is not a JSON object");
			return HttpStatus.BAD_REQUEST;
		}
		for (NxCloudWebhookEvent event : decoded) {
			String key = deduplicationKey(event);
			if (key != null && !this.recent.claim(key)) {
				logger.debug("Skipped an NxCloud webhook event that was delivered before");
				continue;
			}
			try {
				this.publisher.publishEvent(event);
			}
			catch (RuntimeException ex) {
				if (key != null) {
					this.recent.release(key);
				}
				logger.warn("An NxCloud webhook event listener failed; answering 500 so that NxCloud delivers the "
						+ "callback again", ex);
				return HttpStatus.INTERNAL_SERVER_ERROR;
			}
			this.events.emit(event);
		}
		return HttpStatus.OK;
	}

	/**
	 * The key that identifies an event across redeliveries.
	 * @param event the event
	 * @return the key, or {@code null} if the event cannot be recognised
	 */
	static @Nullable String deduplicationKey(NxCloudWebhookEvent event) {
		if (event instanceof MessageStatusEvent status) {
			String id = status.status().id();
			String value = status.raw().path("status").asString("");
			return (id != null && !id.isEmpty() && !value.isEmpty()) ? "status\u0000" + id + "\u0000" + value : null;
		}
		if (event instanceof InboundMessageEvent message) {
			String id = message.message().id();
			return (id != null && !id.isEmpty()) ? "message\u0000" + id : null;
		}
		return "payload\u0000" + sha256(event.raw().toString());
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
		}
	}

}
