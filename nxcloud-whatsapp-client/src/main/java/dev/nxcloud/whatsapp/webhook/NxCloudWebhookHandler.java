package dev.nxcloud.whatsapp.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import dev.nxcloud.whatsapp.NxCloudValidation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;

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
 * A refused callback (401 or 400) is logged naming its {@link Refusal reason} and what to check, never a value it
 * carries: the first refusal for each reason is a {@code WARN}, since a wrong secret or signing algorithm refuses
 * every genuine callback; after it, at most one {@code WARN} per reason every {@link #REFUSAL_WARNING_INTERVAL}
 * (saying how many were refused since), and a {@code DEBUG} line for each other one, so that a flood of forged
 * callbacks does not flood the log. Each refusal is also told to the {@code refusals} consumer, for example to count
 * it. Nothing a callback carries outlives its handling except its event's key in the store: 64 characters whatever
 * the callback, so the store's memory is bounded by its number of keys. Instances are thread-safe.
 */
public final class NxCloudWebhookHandler {

	/**
	 * The least time between two {@code WARN} lines for refusals of the same reason.
	 */
	public static final Duration REFUSAL_WARNING_INTERVAL = Duration.ofMinutes(5);

	private static final Log logger = LogFactory.getLog(NxCloudWebhookHandler.class);

	private final NxCloudWebhookDecoder decoder;

	private final @Nullable NxCloudWebhookVerifier verifier;

	private final Consumer<NxCloudWebhookEvent> listener;

	private final NxCloudWebhookEvents events;

	private final WebhookDeliveryStore deliveries;

	private final Duration claimTimeout;

	private final Duration deduplicationTimeToLive;

	private final Clock clock;

	private final Consumer<Refusal> refusals;

	private final EnumMap<Refusal, RefusalLog> refusalLogs = new EnumMap<>(Refusal.class);

	/**
	 * Create a handler that times its refusal warnings with the system clock and tells nobody of its refusals.
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
		this(decoder, verifier, listener, events, deliveries, claimTimeout, deduplicationTimeToLive, Clock.systemUTC(),
				(refusal) -> {
				});
	}

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
	 * @param clock the clock that spaces the {@code WARN} lines for refusals
	 * @param refusals told of each refused callback, on the request's thread, for example to count it; it must be
	 * cheap and must not throw
	 */
	public NxCloudWebhookHandler(NxCloudWebhookDecoder decoder, @Nullable NxCloudWebhookVerifier verifier,
			Consumer<NxCloudWebhookEvent> listener, NxCloudWebhookEvents events, WebhookDeliveryStore deliveries,
			Duration claimTimeout, Duration deduplicationTimeToLive, Clock clock, Consumer<Refusal> refusals) {
		Assert.notNull(decoder, "decoder must not be null");
		Assert.notNull(listener, "listener must not be null");
		Assert.notNull(events, "events must not be null");
		Assert.notNull(deliveries, "deliveries must not be null");
		Assert.notNull(claimTimeout, "claimTimeout must not be null");
		Assert.notNull(deduplicationTimeToLive, "deduplicationTimeToLive must not be null");
		Assert.notNull(clock, "clock must not be null");
		Assert.notNull(refusals, "refusals must not be null");
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
		this.clock = clock;
		this.refusals = refusals;
		for (Refusal refusal : Refusal.values()) {
			this.refusalLogs.put(refusal, new RefusalLog());
		}
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
	 * @throws dev.nxcloud.whatsapp.error.NxCloudValidationException if the headers or the body are {@code null}
	 */
	public HttpStatus handle(HttpHeaders headers, byte[] body) {
		NxCloudValidation.requireNonNull("headers", headers);
		NxCloudValidation.requireNonNull("body", body);
		if (this.verifier != null) {
			NxCloudWebhookVerifier.Verification verification = this.verifier.verify(headers, body);
			if (verification != NxCloudWebhookVerifier.Verification.VALID) {
				return refused(Refusal.of(verification), verification.description());
			}
		}
		List<NxCloudWebhookEvent> decoded;
		try {
			decoded = this.decoder.decode(body);
		}
		catch (IllegalArgumentException ex) {
			return refused(Refusal.INVALID_BODY, String.valueOf(ex.getMessage()));
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
	 * Anyone who can reach the endpoint can send a refused callback, and so can this application's own
	 * misconfiguration: the first of each reason is a {@code WARN}, then at most one every interval.
	 */
	private HttpStatus refused(Refusal refusal, String description) {
		this.refusals.accept(refusal);
		String warning = this.refusalLogs.get(refusal).warning(this.clock.instant());
		if (warning != null) {
			logger.warn(refusalLine(refusal, description) + warning + ". " + refusal.check() + ". Refusals for this reason are "
					+ "logged at DEBUG, with at most one WARN every " + REFUSAL_WARNING_INTERVAL.toMinutes() + " minutes");
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(refusalLine(refusal, description));
		}
		return refusal.status();
	}

	private static String refusalLine(Refusal refusal, String description) {
		return "Refused an NxCloud webhook callback (" + refusal.status().value() + "): " + description;
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

	/** When refusals of one reason were last a {@code WARN}, and how many were not since. */
	private static final class RefusalLog {

		private @Nullable Instant lastWarning;

		private long quiet;

		/**
		 * Count a refusal at the given time.
		 * @return {@code null} if it is a {@code DEBUG} line, else what the {@code WARN} adds: nothing for the first,
		 * how many were quiet since the last for a later one
		 */
		synchronized @Nullable String warning(Instant now) {
			Instant last = this.lastWarning;
			if (last != null && now.isBefore(last.plus(REFUSAL_WARNING_INTERVAL))) {
				this.quiet++;
				return null;
			}
			String since = (last != null) ? "; " + this.quiet + " more refused since " + last : "";
			this.lastWarning = now;
			this.quiet = 0;
			return since;
		}

	}

	/**
	 * Why a callback was refused. The descriptions and hints are safe to log: they name no value a callback carries
	 * and no setting's value.
	 */
	public enum Refusal {

		/** A signature header is missing ({@code 401}). */
		MISSING_SIGNATURE(HttpStatus.UNAUTHORIZED,
				"If NxCloud's callbacks are refused, check that callback signing is configured for the app in the "
						+ "NxCloud console"),
		/** No access secret is configured to verify with ({@code 401}): every callback is refused. */
		NO_SECRET(HttpStatus.UNAUTHORIZED,
				"Every callback is refused until an access secret is configured to verify callbacks with"),
		/** The callback names another access key ({@code 401}). */
		WRONG_ACCESS_KEY(HttpStatus.UNAUTHORIZED,
				"If NxCloud's callbacks are refused, check that the access key callbacks are verified with is the one "
						+ "the NxCloud console signs them with"),
		/** The signature does not match ({@code 401}). */
		INVALID_SIGNATURE(HttpStatus.UNAUTHORIZED,
				"If NxCloud's callbacks are refused, check that the access secret and the signing algorithm callbacks "
						+ "are verified with are those of the app's callback signing in the NxCloud console"),
		/** The signature matches but its {@code ts} is too far from now ({@code 401}). */
		EXPIRED(HttpStatus.UNAUTHORIZED,
				"If NxCloud's callbacks are refused, check this host's clock and the allowed clock skew"),
		/**
		 * The body is not a JSON object in well-formed UTF-8, or beyond the {@linkplain NxCloudWebhookDecoder
		 * decoder's} limits ({@code 400}).
		 */
		INVALID_BODY(HttpStatus.BAD_REQUEST,
				"If NxCloud's callbacks are refused, check that they come from NxCloud and are within the decoder's "
						+ "limits");

		private final HttpStatus status;

		private final String check;

		Refusal(HttpStatus status, String check) {
			this.status = status;
			this.check = check;
		}

		static Refusal of(NxCloudWebhookVerifier.Verification verification) {
			return switch (verification) {
				case MISSING_SIGNATURE -> MISSING_SIGNATURE;
				case NO_SECRET -> NO_SECRET;
				case WRONG_ACCESS_KEY -> WRONG_ACCESS_KEY;
				case INVALID_SIGNATURE -> INVALID_SIGNATURE;
				case EXPIRED -> EXPIRED;
				case VALID -> throw new IllegalArgumentException("A valid callback is not refused");
			};
		}

		/**
		 * The status a callback refused for this reason is answered with.
		 * @return {@code 401} or {@code 400}
		 */
		public HttpStatus status() {
			return this.status;
		}

		/**
		 * What to check when genuine callbacks are refused for this reason.
		 * @return the hint, safe to log
		 */
		public String check() {
			return this.check;
		}

		/**
		 * The reason in lower case, as a metric tag, for example {@code invalid_signature}.
		 * @return the tag value
		 */
		public String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
