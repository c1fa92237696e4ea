package dev.nxcloud.whatsapp.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.NxCloudValidation;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.Assert;

/**
 * Reads a callback body into its events, telling payloads apart by their top-level key: {@code statuses} (one
 * {@link MessageStatusEvent} per status), {@code messages} (one {@link InboundMessageEvent} per message) or
 * {@code field} ({@link TemplateEvent} or {@link AccountEvent}). Anything else, and any item that does not have the
 * expected shape, becomes an {@link UnknownWebhookEvent}. Unknown fields are ignored and numbers sent as strings are
 * accepted. The body must be well-formed UTF-8: malformed bytes (an overlong form such as {@code C0 AF}, a lone
 * {@code FF}) are refused, not replaced or decoded leniently.
 * <p>
 * What a body may make the decoder build is bounded, whatever its size: at most {@value #MAX_TOKENS} JSON tokens in
 * all (the body's, and those of the {@code wa_ext} texts it embeds), nested at most {@value #MAX_DEPTH} deep. A body
 * beyond either is refused. An event takes at least two tokens, so a callback yields at most {@code MAX_TOKENS / 2}
 * events; the nodes and events decoding one builds hold about 150 bytes a token at most, 1.5 MB in all, besides the
 * text of its strings (a real callback, a few dozen tokens, takes a few kilobytes). Instances are immutable and
 * thread-safe.
 */
public final class NxCloudWebhookDecoder {

	private static final Set<String> ACCOUNT_FIELDS = Set.of("account_update", "account_review_update",
			"account_alerts", "business_capability_update", "phone_number_name_update", "phone_number_quality_update",
			"user_preferences");

	/**
	 * The most JSON tokens a callback may carry, counting those of the {@code wa_ext} texts it embeds: a status or an
	 * inbound message takes a few dozen.
	 */
	public static final int MAX_TOKENS = 10_000;

	/**
	 * The deepest a callback's JSON may nest: NxCloud's payloads nest a few levels.
	 */
	public static final int MAX_DEPTH = 32;

	private final JsonMapper json;

	private final StreamReadConstraints limits;

	private final TokenStreamFactory parsers;

	/**
	 * Create a decoder with NxCloud's lenient JSON settings.
	 */
	public NxCloudWebhookDecoder() {
		this(NxCloudJson.newMapper());
	}

	/**
	 * Create a decoder with the given mapper, which should be as lenient as {@link NxCloudJson#newMapper()}. Each of
	 * its parsers' limits stays where it is stricter than the decoder's: {@link #MAX_TOKENS}, {@link #MAX_DEPTH} and
	 * Jackson's defaults for the lengths of numbers, strings, names and documents.
	 * @param json the mapper
	 */
	public NxCloudWebhookDecoder(JsonMapper json) {
		Assert.notNull(json, "json must not be null");
		this.json = json;
		this.limits = stricter(json.tokenStreamFactory().streamReadConstraints(), StreamReadConstraints.builder()
			.maxTokenCount(MAX_TOKENS)
			.maxNestingDepth(MAX_DEPTH)
			.build());
		this.parsers = json.tokenStreamFactory().rebuild().streamReadConstraints(this.limits).build();
	}

	private static StreamReadConstraints stricter(StreamReadConstraints given, StreamReadConstraints own) {
		return StreamReadConstraints.builder()
			.maxNestingDepth(Math.min(given.getMaxNestingDepth(), own.getMaxNestingDepth()))
			.maxTokenCount(stricter(given.getMaxTokenCount(), own.getMaxTokenCount()))
			.maxDocumentLength(stricter(given.getMaxDocumentLength(), own.getMaxDocumentLength()))
			.maxNumberLength(Math.min(given.getMaxNumberLength(), own.getMaxNumberLength()))
			.maxStringLength(Math.min(given.getMaxStringLength(), own.getMaxStringLength()))
			.maxNameLength(Math.min(given.getMaxNameLength(), own.getMaxNameLength()))
			.build();
	}

	/** The stricter of two long limits, where zero or less means none. */
	private static long stricter(long given, long own) {
		if (given <= 0 || own <= 0) {
			return Math.max(given, own);
		}
		return Math.min(given, own);
	}

	/**
	 * Decode a callback body.
	 * @param body the raw body
	 * @return its events, in order; at least one
	 * @throws IllegalArgumentException if the body is not well-formed UTF-8, not a JSON object, or beyond
	 * {@link #MAX_TOKENS}, {@link #MAX_DEPTH} or another limit of the parsers
	 * @throws dev.nxcloud.whatsapp.error.NxCloudValidationException if the body is {@code null}
	 */
	public List<NxCloudWebhookEvent> decode(byte[] body) {
		NxCloudValidation.requireNonNull("body", body);
		TokenBudget budget = new TokenBudget(this.limits.getMaxTokenCount());
		JsonNode root = readTree(body, budget);
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("A callback body must be a JSON object");
		}
		List<NxCloudWebhookEvent> events = new ArrayList<>();
		boolean statuses = root.has("statuses");
		boolean messages = root.has("messages");
		if (statuses || messages) {
			WebhookEnvelope envelope = envelope(root);
			for (JsonNode item : root.path("statuses")) {
				events.add(status(item, envelope));
			}
			for (JsonNode item : root.path("messages")) {
				events.add(message(item, envelope, budget));
			}
		}
		else if (root.path("field").isString()) {
			events.add(field(root));
		}
		if (events.isEmpty()) {
			events.add(new UnknownWebhookEvent(root));
		}
		return List.copyOf(events);
	}

	private @Nullable JsonNode readTree(byte[] body, TokenBudget budget) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("A callback body must be well-formed UTF-8", ex);
		}
		try {
			return parse(text, budget);
		}
		catch (StreamConstraintsException ex) {
			throw new IllegalArgumentException("A callback body must have at most " + this.limits.getMaxTokenCount()
					+ " JSON tokens, nested at most " + this.limits.getMaxNestingDepth() + " deep, and no number, "
					+ "string or name longer than its parser allows", ex);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("A callback body must be a JSON object", ex);
		}
	}

	/** Parse JSON held to the limits, counting its tokens against the callback's budget. */
	private @Nullable JsonNode parse(String text, TokenBudget budget) {
		try (JsonParser parser = this.parsers.createParser(ObjectReadContext.empty(), text)) {
			JsonNode node = this.json.readTree(parser);
			budget.spend(parser.currentTokenCount());
			return node;
		}
	}

	private WebhookEnvelope envelope(JsonNode root) {
		ObjectNode top = ((ObjectNode) root).deepCopy();
		top.remove("statuses");
		top.remove("messages");
		WebhookEnvelope envelope = convert(top, WebhookEnvelope.class);
		return (envelope != null) ? envelope : new WebhookEnvelope(null, null, null, null, null, null, null);
	}

	private NxCloudWebhookEvent status(JsonNode item, WebhookEnvelope envelope) {
		MessageStatus status = convert(item, MessageStatus.class);
		return (status != null) ? new MessageStatusEvent(status, envelope, item) : new UnknownWebhookEvent(item);
	}

	private NxCloudWebhookEvent message(JsonNode item, WebhookEnvelope envelope, TokenBudget budget) {
		JsonNode readable = item;
		JsonNode waExt = item.get("wa_ext");
		if (waExt != null && waExt.isString()) {
			ObjectNode copy = ((ObjectNode) item).deepCopy();
			JsonNode decoded = readEmbedded(waExt.asString(), budget);
			if (decoded != null && decoded.isObject()) {
				copy.set("wa_ext", decoded);
			}
			else {
				copy.remove("wa_ext");
			}
			readable = copy;
		}
		InboundMessage message = (readable.isObject()) ? convert(readable, InboundMessage.class) : null;
		if (message == null) {
			return new UnknownWebhookEvent(item);
		}
		return new InboundMessageEvent(message, contact(message, envelope), envelope, item);
	}

	private @Nullable Contact contact(InboundMessage message, WebhookEnvelope envelope) {
		List<Contact> contacts = envelope.contacts();
		for (Contact contact : contacts) {
			if (contact.waId() != null && contact.waId().equals(message.from())) {
				return contact;
			}
		}
		return (contacts.size() == 1) ? contacts.get(0) : null;
	}

	private NxCloudWebhookEvent field(JsonNode root) {
		String field = root.path("field").asString();
		JsonNode value = root.path("value");
		if (value.isObject()) {
			if (field.contains("template")) {
				TemplateUpdate update = convert(value, TemplateUpdate.class);
				if (update != null) {
					return new TemplateEvent(field, update, root);
				}
			}
			else if (ACCOUNT_FIELDS.contains(field)) {
				AccountUpdate update = convert(value, AccountUpdate.class);
				if (update != null) {
					return new AccountEvent(field, update, root);
				}
			}
		}
		return new UnknownWebhookEvent(root);
	}

	/** Embedded JSON that cannot be read is left out; embedded JSON beyond the callback's budget refuses it. */
	private @Nullable JsonNode readEmbedded(String text, TokenBudget budget) {
		try {
			return parse(text, budget);
		}
		catch (StreamConstraintsException ex) {
			throw new IllegalArgumentException("A callback must have at most " + this.limits.getMaxTokenCount()
					+ " JSON tokens, counting those of its wa_ext texts, nested at most "
					+ this.limits.getMaxNestingDepth() + " deep", ex);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** The tokens a callback's parses have taken so far. */
	private static final class TokenBudget {

		private final long limit;

		private long spent;

		TokenBudget(long limit) {
			this.limit = limit;
		}

		void spend(long tokens) {
			this.spent += tokens;
			if (this.spent > this.limit) {
				throw new StreamConstraintsException("more than " + this.limit + " JSON tokens in all");
			}
		}

	}

	private <T> @Nullable T convert(JsonNode node, Class<T> type) {
		if (!node.isObject()) {
			return null;
		}
		try {
			return this.json.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

}
