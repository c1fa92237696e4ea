package dev.nxcloud.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.nxcloud.simulator.state.Template;
import dev.nxcloud.simulator.state.TemplateButton;
import dev.nxcloud.simulator.state.TemplateLanguages;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.nxcloud.simulator.JsonFields.text;

/**
 * Reads SaaS template bodies ({@code buttonComponents} and all) into {@link Template}s and renders the list and
 * detail views of the SaaS template endpoints.
 */
final class TemplateCodec {

	private static final Pattern CHINESE = Pattern.compile("[\\p{IsHan}]");

	private static final Pattern VARIABLE = Pattern.compile("\\{\\{([^}]*)}}");

	private static final Set<String> MEDIA_TYPES = Set.of("IMAGE", "DOCUMENT", "VIDEO");

	/**
	 * Example values of the named variables the pages show: {@code {{WhatsApp}}} in the template detail sample,
	 * the others in the SaaS send example. Other variables get {@code example_<name>}.
	 */
	private static final Map<String, String> EXAMPLES = Map.of("WhatsApp", "8613800000000", "Phone Number",
			"8613800000000", "First Name", "David", "Country", "China");

	/** The sample list shows {@code created_at} as Beijing local time without a zone. */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.ofHours(8));

	private final JsonMapper json;

	private final LongSupplier payloads;

	TemplateCodec(JsonMapper json, LongSupplier payloads) {
		this.json = json;
		this.payloads = payloads;
	}

	/**
	 * Reads a template create/update body, checking what NxCloud checks. The page documents codes only for a
	 * missing button name (22216), too many buttons (22070) and an unknown language (22092); every other refusal
	 * answers 21058, the SaaS family's "Parameter error" [derived].
	 * @param category the category; {@code null} to take it from {@code category_type}
	 */
	Template read(JsonNode body, String phone, long id, @Nullable String category, String status) {
		String name = JsonFields.required(body, "name", 21058, "Parameter error: name is required");
		if (CHINESE.matcher(name).find()) {
			throw new ApiError(21058, "Parameter error: template name cannot contain Chinese characters");
		}
		String language = JsonFields.required(body, "language", 21058, "Parameter error: language is required");
		if (!TemplateLanguages.isKnown(language)) {
			throw ErrorCodes.error(Endpoint.TEMPLATE_CREATE, 22092, language);
		}
		String resolvedCategory = (category != null) ? category : categoryOf(text(body, "category_type"));
		String content = JsonFields.required(body, "content", 21058, "Parameter error: content is required");
		String mediaType = text(body, "mediaType");
		if (mediaType != null && !MEDIA_TYPES.contains(mediaType)) {
			throw new ApiError(21058, "Parameter error: mediaType must be IMAGE, DOCUMENT or VIDEO, not " + mediaType);
		}
		List<TemplateButton> buttons = readButtons(body.path("buttonComponents"));
		Long closeAutoFlow = JsonFields.parseLong(text(body, "is_close_auto_flow"));
		return new Template(id, phone, name, language, resolvedCategory, status, content, text(body, "headerText"),
				mediaType, text(body, "mediaId"), text(body, "mediaName"), text(body, "templateMediaId"),
				text(body, "footerText"), buttons, (closeAutoFlow != null) ? closeAutoFlow.intValue() : 0,
				Instant.EPOCH, Instant.EPOCH);
	}

	private static String categoryOf(@Nullable String categoryType) {
		if ("1".equals(categoryType)) {
			return "MARKETING";
		}
		if ("2".equals(categoryType)) {
			return "UTILITY";
		}
		throw new ApiError(21058, "Parameter error: category_type must be 1 (MARKETING) or 2 (UTILITY)");
	}

	private List<TemplateButton> readButtons(JsonNode array) {
		if (!array.isArray()) {
			return List.of();
		}
		if (array.size() > 3) {
			throw ErrorCodes.error(Endpoint.TEMPLATE_CREATE, 22070);
		}
		List<TemplateButton> buttons = new ArrayList<>();
		for (int i = 0; i < array.size(); i++) {
			JsonNode button = array.get(i);
			String field = "buttonComponents[" + i + "].";
			String text = text(button, "text");
			if (text == null) {
				throw ErrorCodes.error(Endpoint.TEMPLATE_CREATE, 22216);
			}
			String type = JsonFields.required(button, "type", 21058, "Parameter error: " + field + "type is required")
				.toUpperCase(Locale.ROOT);
			String customizeType = text(button, "customizeType");
			switch (type) {
				case "QUICK_REPLY" -> {
					if (!"conventional".equals(customizeType) && !"unsubscribe".equals(customizeType)) {
						throw new ApiError(21058, "Parameter error: " + field
								+ "customizeType must be conventional or unsubscribe for a QUICK_REPLY button");
					}
				}
				case "PHONE_NUMBER" -> requiredFor(button, "phoneNumber", field, type);
				case "URL" -> requiredFor(button, "url", field, type);
				case "FLOW" -> requiredFor(button, "flow_id", field, type);
				default -> throw new ApiError(21058,
						"Parameter error: " + field + "type must be QUICK_REPLY, URL, PHONE_NUMBER or FLOW, not " + type);
			}
			List<Map<String, @Nullable Object>> events = new ArrayList<>();
			JsonNode eventArray = button.path("buttonEvents");
			for (int j = 0; j < eventArray.size(); j++) {
				events.add(readEvent(eventArray.get(j), field + "buttonEvents[" + j + "]."));
			}
			String payload = "QUICK_REPLY".equals(type) ? Long.toString(this.payloads.getAsLong()) : null;
			buttons.add(new TemplateButton(type, customizeType, text, text(button, "phoneNumber"), text(button, "url"),
					text(button, "flow_id"), payload, events));
		}
		return buttons;
	}

	private static void requiredFor(JsonNode button, String name, String field, String type) {
		JsonFields.required(button, name, 21058,
				"Parameter error: " + field + name + " is required for a " + type + " button");
	}

	/** An event needs the field its type names: tag a tagName, text a text, template a templateId and name. */
	private static Map<String, @Nullable Object> readEvent(JsonNode event, String field) {
		String type = JsonFields.required(event, "event", 21058, "Parameter error: " + field + "event is required");
		List<String> needed = switch (type) {
			case "tag" -> List.of("tagName");
			case "text" -> List.of("text");
			case "template" -> List.of("templateId", "templateName");
			default -> throw new ApiError(21058,
					"Parameter error: " + field + "event must be tag, text or template, not " + type);
		};
		for (String name : needed) {
			JsonFields.required(event, name, 21058,
					"Parameter error: " + field + name + " is required for a " + type + " event");
		}
		Map<String, @Nullable Object> copy = new LinkedHashMap<>();
		for (String key : List.of("event", "tagName", "text", "templateId", "templateName")) {
			copy.put(key, text(event, key));
		}
		return copy;
	}

	ObjectNode listItem(Template template) {
		ObjectNode item = this.json.createObjectNode();
		item.put("id", template.id());
		item.put("channel", 2);
		item.put("name", template.name());
		item.put("content", template.content());
		item.put("created_at", TIME.format(template.createdAt()));
		item.put("updated_at", TIME.format(template.updatedAt()));
		item.put("status", statusCode(template.status()));
		item.put("language", template.language());
		item.put("language_name", TemplateLanguages.name(template.language()).orElse(template.language()));
		item.put("unsubscribe", "");
		item.putNull("additional");
		item.put("quality", "UNKNOWN");
		item.put("category", template.category());
		item.put("category_type", template.categoryType());
		item.put("waRejectedReason", "");
		item.put("is_close_auto_flow", template.closeAutoFlow());
		return item;
	}

	/**
	 * The list view's integer status. Only 2 for an approved template is attested (the docs' sample); the other
	 * numbers are a guess.
	 */
	private static int statusCode(String status) {
		return switch (status) {
			case "PENDING" -> 1;
			case "APPROVED" -> 2;
			case "REJECTED" -> 3;
			case "PAUSED" -> 4;
			case "DISABLED" -> 5;
			case "IN_APPEAL" -> 6;
			default -> 0;
		};
	}

	/**
	 * The detail view.
	 * @param firstScreens the first screen of a flow by flow id ({@code navigate_screen}), {@code null} if unknown
	 */
	ObjectNode detail(Template template, String mediaBaseUrl, Function<String, @Nullable String> firstScreens) {
		ObjectNode detail = this.json.createObjectNode();
		detail.putNull("namespace");
		detail.put("name", template.name());
		detail.put("category", template.category());
		detail.put("category_type", template.categoryType());
		ArrayNode components = detail.putArray("components");
		if (template.headerText() != null) {
			ObjectNode header = component(components, "HEADER");
			header.put("format", "TEXT");
			header.put("text", template.headerText());
		}
		else if (template.mediaType() != null) {
			ObjectNode header = component(components, "HEADER");
			header.put("format", template.mediaType());
			ObjectNode example = header.putObject("example");
			example.put("header_handle", mediaBaseUrl + template.mediaId());
			example.put("file_name", template.mediaName());
			header.put("filename", template.mediaName());
			header.put("media_id", template.mediaId());
			header.put("h", template.templateMediaId());
		}
		ObjectNode body = component(components, "BODY");
		body.put("text", template.content());
		List<String> variables = new ArrayList<>();
		Matcher matcher = VARIABLE.matcher(template.content());
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		if (!variables.isEmpty()) {
			ArrayNode values = body.putObject("example").putArray("body_text").addArray();
			variables.forEach((variable) -> values.add(EXAMPLES.getOrDefault(variable, "example_" + variable)));
		}
		if (template.footerText() != null) {
			component(components, "FOOTER").put("text", template.footerText());
		}
		if (!template.buttons().isEmpty()) {
			ArrayNode buttons = component(components, "BUTTONS").putArray("buttons");
			template.buttons().forEach((button) -> buttons.add(button(button, firstScreens)));
		}
		detail.put("language", template.language());
		detail.put("status", template.status());
		detail.put("id", template.id());
		detail.put("channel", 2);
		detail.putObject("quality_score").put("score", "UNKNOWN");
		ArrayNode tagIds = detail.putArray("tag_ids");
		template.buttons()
			.stream()
			.flatMap((button) -> button.buttonEvents().stream())
			.map((event) -> (String) event.get("tagName"))
			.filter(Objects::nonNull)
			.map(TemplateCodec::tagId)
			.distinct()
			.forEach(tagIds::add);
		detail.put("is_close_auto_flow", template.closeAutoFlow());
		return detail;
	}

	private ObjectNode component(ArrayNode components, String type) {
		ObjectNode component = components.addObject();
		component.put("type", type);
		for (String key : List.of("format", "text", "buttons", "parameters", "sub_type", "index", "example",
				"filename", "url", "media_id", "h", "media_type")) {
			component.putNull(key);
		}
		return component;
	}

	/**
	 * The id of a tag, stable for its name. Tags are not kept: the samples show a template's {@code tag_ids} as the
	 * ids of its buttons' tag events (sample 1 and 2; sample 3 lists a tag its request names only in
	 * {@code tag_name}, which sample 2 does not).
	 */
	private static long tagId(String tagName) {
		return 30000 + Math.floorMod(tagName.hashCode(), 10000);
	}

	private ObjectNode button(TemplateButton button, Function<String, @Nullable String> firstScreens) {
		ObjectNode node = this.json.createObjectNode();
		node.put("type", button.type());
		node.put("text", button.text());
		node.putNull("payload");
		node.put("url", button.url());
		node.put("phone_number", (button.phoneNumber() != null) ? "+" + button.phoneNumber() : null);
		node.put("flow_id", button.flowId());
		boolean flow = "FLOW".equals(button.type()) && button.flowId() != null;
		node.put("navigate_screen", flow ? firstScreens.apply(button.flowId()) : null);
		node.put("flow_action", flow ? "NAVIGATE" : null);
		if (!"QUICK_REPLY".equals(button.type())) {
			node.putNull("buttonReqs");
			return node;
		}
		ObjectNode reqs = node.putObject("buttonReqs");
		reqs.put("type", button.type());
		reqs.put("customizeType", button.customizeType());
		reqs.put("text", button.text());
		reqs.putNull("phoneNumber");
		reqs.putNull("url");
		reqs.put("payload", button.payload());
		ArrayNode events = reqs.putArray("buttonEvents");
		for (Map<String, @Nullable Object> event : button.buttonEvents()) {
			ObjectNode e = events.addObject();
			Object tagName = event.get("tagName");
			Long templateId = JsonFields.parseLong((String) event.get("templateId"));
			e.put("event", (String) event.get("event"));
			e.put("tagName", (String) tagName);
			if (tagName != null) {
				e.put("tagId", tagId((String) tagName));
			}
			else {
				e.putNull("tagId");
			}
			e.put("templateName", (String) event.get("templateName"));
			e.put("templateId", templateId);
			e.put("text", (String) event.get("text"));
		}
		reqs.putNull("flow_id");
		reqs.putNull("navigate_screen");
		reqs.putNull("flow_action");
		return node;
	}

}
