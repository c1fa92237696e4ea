package dev.nxcloud.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Handles one callback, whichever web stack received it: verifies its signature (when a verifier is given), decodes
 * it and hands each event over, first to the listener (in a Spring application, its {@code @EventListener}s), then to
 * {@link NxCloudWebhookEvents#stream()}.
 * <p>
 * The answer tells NxCloud what to do: {@code 200} once every event is handed over; {@code 401} for a callback
 * whose signature is missing or wrong (nothing is handed over); {@code 400} for a body that is not a JSON object in
 * well-formed UTF-8, or beyond the {@linkplain NxCloudWebhookDecoder decoder's} limits;
 * {@code 500} when a listener throws, so that NxCloud delivers the callback again; {@code 503} when the
 * {@link WebhookDeliveryStore} fails (for example a shared store that cannot be reached), without handing the event
 * over, so that NxCloud delivers it again once the store is back; {@code 503} too for an event another attempt
 * is handing over right now (claimed and neither confirmed nor released), since that attempt may still fail.
 * Events already handed over are recognised when they are delivered again and not handed over twice: a status by
 * its message id and status, an inbound message by its id, other payloads by their content; the
 * {@link WebhookDeliveryStore} remembers them, each claimed for a short lease before it is handed over and confirmed
 * for the full time to live once the listener took it, so that an attempt whose confirm or release never reached
 * the store (the store went away) holds up the redeliveries for the lease at most.
 * <p>
 * A refused callback (401 or 400) is one {@code DEBUG} line naming the rule it broke and no value it carries, since
 * anyone who finds the endpoint can send them; only a verifier without an access secret, which refuses every
 * callback, is a {@code WARN}. Nothing a callback carries outlives its handling except its event's key in the store:
 * 64 characters whatever the callback, so the store's memory is bounded by its number of keys. Instances are
 * thread-safe.
 */
public final class NxCloudWebhookHandler {

	private static final Log logger = LogFactory.getLog(NxCloudWebhookHandler.class);

	private final NxCloudWebhookDecoder decoder;

	private final @Nullable NxCloudWebhookVerifier verifier;

	private final Consumer<NxCloudWebhookEvent> listener;

	private final NxCloudWebhookEvents events;

	private final WebhookDeliveryStore deliveries;

	private final Duration claimTimeout;

	private final Duration deduplicationTimeToLive;

	/**
	 * Create a handler.
	 * @param decoder reads callback bodies
	 * @param verifier checks signatures, or {@code null} to accept unsigned callbacks
	 * @param listener takes each event first; when it throws, the callback is answered with {@code 500}
	 * @param events the stream each event is emitted on once the listener took it
	 * @param deliveries remembers the events handed over, to recognise redeliveries
	 * @param claimTimeout how long an event being handed over is claimed (the lease) before it is confirmed or
	 * released; when neither reaches the store, its redeliveries are answered {@code 503} for that long, then handed
	 * over
	 * @param deduplicationTimeToLive how long an event handed over is remembered
	 */
	public NxCloudWebhookHandler(NxCloudWebhookDecoder decoder, @Nullable NxCloudWebhookVerifier verifier,
			Consumer<NxCloudWebhookEvent> listener, NxCloudWebhookEvents events, WebhookDeliveryStore deliveries,
			Duration claimTimeout, Duration deduplicationTimeToLive) {
		if (claimTimeout.isNegative() || claimTimeout.isZero()) {
			throw new IllegalArgumentException("claimTimeout must be positive (got " + claimTimeout + ")");
		}
		if (claimTimeout.compareTo(deduplicationTimeToLive) > 0) {
			throw new IllegalArgumentException("claimTimeout must not be longer than deduplicationTimeToLive (got "
					+ claimTimeout + " and " + deduplicationTimeToLive + ")");
		}
		this.decoder = decoder;
		this.verifier = verifier;
		this.listener = listener;
		this.events = events;
		this.deliveries = deliveries;
		this.claimTimeout = claimTimeout;
		this.deduplicationTimeToLive = deduplicationTimeToLive;
	}

	/**
	 * Whether this handler refuses callbacks without a valid signature, that is, whether it was given a verifier.
	 * @return {@code false} if it accepts unsigned callbacks
	 */
	public boolean verifiesSignatures() {
		return this.verifier != null;
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
				refused(verification.description(), verification == NxCloudWebhookVerifier.Verification.NO_SECRET);
				return HttpStatus.UNAUTHORIZED;
			}
		}
		List<NxCloudWebhookEvent> decoded;
		try {
			decoded = this.decoder.decode(body);
		}
		catch (IllegalArgumentException ex) {
			refused(ex.getMessage(), false);
			return HttpStatus.BAD_REQUEST;
		}
		for (NxCloudWebhookEvent event : decoded) {
			String key = deduplicationKey(event);
			if (key != null) {
				WebhookDeliveryStore.Claim claim = claim(key);
				if (claim == null) {
					return HttpStatus.SERVICE_UNAVAILABLE;
				}
				if (claim == WebhookDeliveryStore.Claim.HANDLED) {
					logger.debug("Skipped an NxCloud webhook event that was delivered before");
					continue;
				}
				if (claim == WebhookDeliveryStore.Claim.IN_PROGRESS) {
					logger.info("An NxCloud webhook event is being handed over by another attempt (for at most "
							+ this.claimTimeout + "); answering 503 so that NxCloud delivers the callback again, "
							+ "in case that attempt fails");
					return HttpStatus.SERVICE_UNAVAILABLE;
				}
			}
			try {
				this.listener.accept(event);
			}
			catch (RuntimeException ex) {
				if (key != null) {
					release(key);
				}
				logger.warn("An NxCloud webhook event listener failed; answering 500 so that NxCloud delivers the "
						+ "callback again", ex);
				return HttpStatus.INTERNAL_SERVER_ERROR;
			}
			if (key != null) {
				confirm(key);
			}
			this.events.emit(event);
		}
		return HttpStatus.OK;
	}

	/**
	 * Anyone who can reach the endpoint can send a refused callback: it is a {@code DEBUG} line, so that a flood of
	 * them does not flood the log, unless this application's own configuration refuses every callback.
	 */
	private static void refused(@Nullable String reason, boolean misconfigured) {
		String message = "Refused an NxCloud webhook callback: " + reason;
		if (misconfigured) {
			logger.warn(message);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message);
		}
	}

	/** Whether the delivery is now ours, or {@code null} when the store failed and nothing may be handed over. */
	private WebhookDeliveryStore.@Nullable Claim claim(String key) {
		try {
			return this.deliveries.claim(key, this.claimTimeout);
		}
		catch (RuntimeException ex) {
			logger.warn("The NxCloud webhook delivery store failed; answering 503 without handing the event over, so "
					+ "that NxCloud delivers the callback again: " + ex);
			return null;
		}
	}

	/** The listener took the event: a failure to remember it lets a redelivery after the lease be handed over. */
	private void confirm(String key) {
		try {
			this.deliveries.confirm(key, this.deduplicationTimeToLive);
		}
		catch (RuntimeException ex) {
			logger.warn("The NxCloud webhook delivery store failed to confirm an event handed over: a redelivery "
					+ "after its claim expires (" + this.claimTimeout + ") would be handed over again; the event's key "
					+ "was " + key + ": " + ex);
		}
	}

	private void release(String key) {
		try {
			this.deliveries.release(key);
		}
		catch (RuntimeException ex) {
			logger.warn("The NxCloud webhook delivery store failed to release an event whose listener failed: its "
					+ "redeliveries are answered 503 until the claim expires (" + this.claimTimeout
					+ "), then handed over; the event's key was " + key + ": " + ex);
		}
	}

	/**
	 * The key that identifies an event across redeliveries: the hex SHA-256 of its {@linkplain #identity identity},
	 * 64 characters whatever ids a callback carries, so that a store's memory is bounded by its number of keys.
	 * @param event the event
	 * @return the key, or {@code null} if the event cannot be recognised
	 */
	static @Nullable String deduplicationKey(NxCloudWebhookEvent event) {
		String identity = identity(event);
		return (identity != null) ? sha256(identity) : null;
	}

	private static @Nullable String identity(NxCloudWebhookEvent event) {
		if (event instanceof MessageStatusEvent status) {
			String id = status.status().id();
			MessageStatus.Status value = status.status().status();
			if (id == null || id.isEmpty() || value == null) {
				return null;
			}
			// a status NxCloud added later reads as UNKNOWN; its own text keeps two such statuses apart
			String name = (value != MessageStatus.Status.UNKNOWN) ? value.name()
					: status.raw().path("status").asString("").toUpperCase(Locale.ROOT);
			return "status\u0000" + id + "\u0000" + name;
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
