package dev.nxcloud.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.nxcloud.simulator.state.AcceptedMessage;
import dev.nxcloud.simulator.state.Account;
import dev.nxcloud.simulator.state.App;
import dev.nxcloud.simulator.state.BusinessPhone;
import dev.nxcloud.simulator.state.Flow;
import dev.nxcloud.simulator.state.Media;
import dev.nxcloud.simulator.state.SimulatorState;
import dev.nxcloud.simulator.state.Template;
import dev.nxcloud.simulator.state.TemplateLanguages;
import io.netty.handler.codec.http.HttpHeaders;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.nxcloud.simulator.JsonFields.required;
import static dev.nxcloud.simulator.JsonFields.text;

/**
 * The NxCloud behaviour: authentication, parameter checks, business rules and state changes. Synchronous and
 * CPU-only, so it runs on the event loop.
 */
final class ApiHandler {

	static final long MAX_SKEW_MILLIS = 60_000;

	private static final int MAX_APPS = 1000;

	private static final Pattern OTP_CODE = Pattern.compile("(?<!\\d)\\d{4,8}(?!\\d)");

	private static final Pattern PHONE = Pattern.compile("\\d{5,20}");

	private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://\\S+");

	private static final Set<String> MT_TYPES = Set.of("text", "image", "video", "audio", "document", "location",
			"sticker", "template", "interactive", "reaction");

	private final SimulatorState state;

	private final SimulatorClock clock;

	private final JsonMapper json;

	private final TemplateCodec templates;

	private final Supplier<String> baseUrl;

	private final GetPhoneShape getPhoneShape;

	private final SendLimits sendLimits;

	ApiHandler(SimulatorState state, SimulatorClock clock, JsonMapper json, Supplier<String> baseUrl,
			GetPhoneShape getPhoneShape, SendLimits sendLimits) {
		this.state = state;
		this.clock = clock;
		this.json = json;
		AtomicLong payloads = new AtomicLong(300);
		this.templates = new TemplateCodec(json, payloads::incrementAndGet);
		this.baseUrl = baseUrl;
		this.getPhoneShape = getPhoneShape;
		this.sendLimits = sendLimits;
	}

	TemplateCodec templates() {
		return this.templates;
	}

	Result handle(Call call) {
		try {
			Account account = authenticate(call);
			return switch (call.endpoint()) {
				case CREATE_APP -> createApp(account, jsonBody(call));
				case OTP -> otp(account, jsonBody(call), call);
				case GET_PHONE -> getPhone(account, jsonBody(call), call);
				case MT -> mt(account, jsonBody(call), call);
				case SAAS_SEND -> saasSend(account, jsonBody(call), call);
				case TEMPLATE_LIST -> templateList(account, call);
				case TEMPLATE_CREATE -> templateCreate(account, call, jsonBody(call));
				case TEMPLATE_UPDATE -> templateUpdate(account, call, jsonBody(call));
				case TEMPLATE_DETAIL -> templateDetail(account, call);
				case TEMPLATE_DELETE -> templateDelete(account, call);
				case FLOW_LIST -> flowList(account, call);
				case MEDIA_UPLOAD -> mediaUpload(account, call);
			};
		}
		catch (ApiError error) {
			return new Result(error.code(), error.getMessage(), error.data(), null);
		}
	}

	/**
	 * The answer of a {@link Fault.ErrorCode}: the endpoint page's message, its placeholder filled from the request.
	 */
	Result answer(Call call, Fault.ErrorCode fault) {
		int code = fault.code();
		String message = fault.message();
		if (message == null) {
			JsonNode body = lenientJsonBody(call);
			String argument = switch (code) {
				case 22049 -> firstText(call.pathVariables().get("phone"), text(body, "business_phone"));
				case 22092 -> firstText(switch (call.endpoint()) {
					case OTP -> text(body, "language_code");
					case TEMPLATE_CREATE, TEMPLATE_UPDATE -> text(body, "language");
					default -> text(body.path("template").path("language"), "code");
				});
				default -> "";
			};
			message = ErrorCodes.message(call.endpoint(), code, argument);
		}
		return new Result(code, message, (code == 9099) ? MetaError.INVALID_PARAMETER.data(this.json) : null, null);
	}

	private JsonNode lenientJsonBody(Call call) {
		try {
			return jsonBody(call);
		}
		catch (ApiError ex) {
			return this.json.createObjectNode();
		}
	}

	private static String firstText(@Nullable String... candidates) {
		return Stream.of(candidates).filter(Objects::nonNull).findFirst().orElse("");
	}

	// authentication (reference §1)

	private Account authenticate(Call call) {
		String accessKey = header(call, "accessKey");
		String ts = header(call, "ts");
		String bizType = header(call, "bizType");
		String action = header(call, "action");
		String sign = header(call, "sign");
		Endpoint endpoint = call.endpoint();
		if (!"2".equals(bizType)) {
			throw ErrorCodes.detailed(endpoint, 1002, "bizType must be 2");
		}
		if (!endpoint.action().equals(action)) {
			throw ErrorCodes.detailed(endpoint, 1002, "action must be " + endpoint.action());
		}
		Account account = this.state.account(accessKey).orElseThrow(() -> ErrorCodes.error(endpoint, 1005));
		Long millis = JsonFields.parseLong(ts);
		if (millis == null || Math.abs(this.clock.millis() - millis) > MAX_SKEW_MILLIS) {
			throw ErrorCodes.error(endpoint, 1004);
		}
		requireContentType(call);
		String algorithm = call.headers().get("algorithm");
		byte[] signed = (endpoint == Endpoint.MEDIA_UPLOAD || call.body().length == 0) ? null : call.body();
		if (!Signatures.verify(accessKey, action, bizType, ts, signed, account.accessSecret(),
				(algorithm != null) ? algorithm : Signatures.MD5, sign)) {
			throw ErrorCodes.error(endpoint, 1003);
		}
		return account;
	}

	/**
	 * NxCloud's auth page lists a wrong Content-Type among the causes of 1003: the body is not read as signed.
	 */
	private static void requireContentType(Call call) {
		String required = call.endpoint().bodyContentType();
		String sent = call.mediaType();
		if (required != null && !required.equals(sent)) {
			throw ErrorCodes.detailed(call.endpoint(), 1003,
					"Content-Type must be " + required + ", not " + (sent.isEmpty() ? "absent" : sent));
		}
	}

	private static String header(Call call, String name) {
		String value = call.headers().get(name);
		if (value == null || value.isBlank()) {
			throw ErrorCodes.detailed(call.endpoint(), 1001, name);
		}
		return value;
	}

	private JsonNode jsonBody(Call call) {
		if (call.body().length == 0) {
			return this.json.createObjectNode();
		}
		try {
			JsonNode node = this.json.readTree(call.body());
			if (node.isObject()) {
				return node;
			}
		}
		catch (JacksonException ex) {
			// fall through
		}
		throw ErrorCodes.detailed(call.endpoint(), 1002, "the body is not a JSON object");
	}

	// api2

	private Result createApp(Account account, JsonNode body) {
		if (!account.integrator()) {
			throw ErrorCodes.error(Endpoint.CREATE_APP, 9007);
		}
		String name = parameter(Endpoint.CREATE_APP, body, "app_name");
		String webhook = parameter(Endpoint.CREATE_APP, body, "webhook");
		if (this.state.appsOf(account.accessKey()).size() >= MAX_APPS) {
			throw ErrorCodes.error(Endpoint.CREATE_APP, 9009);
		}
		App app = this.state.createApp(account.accessKey(), name, webhook);
		ObjectNode data = this.json.createObjectNode();
		data.put("app_id", app.appId());
		data.put("app_name", app.appName());
		data.put("app_key", app.appKey());
		return Result.ok(data);
	}

	private Result getPhone(Account account, JsonNode body, Call call) {
		App app = api2App(call, account, body);
		requireWhatsapp(call, body);
		String requested = text(body, "business_phones");
		List<BusinessPhone> phones = new ArrayList<>();
		if (requested == null) {
			phones.addAll(this.state.phonesOf(app.appKey()));
		}
		else {
			for (String number : requested.split(",")) {
				if (number.isBlank()) {
					continue;
				}
				String trimmed = number.trim();
				BusinessPhone phone = this.state.phone(trimmed).orElseThrow(() -> notWhatsapp(call, trimmed));
				if (!phone.appKey().equals(app.appKey())) {
					throw ErrorCodes.error(Endpoint.GET_PHONE, 9006);
				}
				phones.add(phone);
			}
		}
		ObjectNode data = this.json.createObjectNode();
		ArrayNode table = (this.getPhoneShape == GetPhoneShape.BUSINESS_PHONES_ARRAY) ? data.putArray("business_phones")
				: null;
		for (BusinessPhone phone : phones) {
			ObjectNode item = (table != null) ? table.addObject() : data.putArray(phone.phone()).addObject();
			item.put("display_phone_number", phone.displayPhoneNumber());
			item.put("quality_rating", phone.qualityRating());
			item.put("verified_name", phone.verifiedName());
			item.put("name_status", phone.nameStatus());
			item.put("status", phone.status());
			item.put("current_limit", phone.currentLimit());
			item.put("code_verification_status", phone.codeVerificationStatus());
		}
		return Result.ok(data);
	}

	private Result otp(Account account, JsonNode body, Call call) {
		App app = api2App(call, account, body);
		requireWhatsapp(call, body);
		requireIndividual(call, body);
		String to = recipient(call, body);
		// The newest (zh) page drops business_phone ("number pool"): without it the app's first connected phone sends.
		String requestedPhone = text(body, "business_phone");
		BusinessPhone phone = (requestedPhone != null) ? boundPhone(call, app, requestedPhone)
				: this.state.phonesOf(app.appKey())
					.stream()
					.filter(BusinessPhone::isConnected)
					.findFirst()
					.orElseThrow(() -> ErrorCodes.error(Endpoint.OTP, 10003));
		String category = (text(body, "category") != null) ? text(body, "category") : "AUTHENTICATION";
		if (!category.equals("AUTHENTICATION") && !category.equals("UTILITY")) {
			throw ErrorCodes.error(Endpoint.OTP, 9014);
		}
		String language = parameter(call.endpoint(), body, "language_code");
		requireLanguage(call, "language_code", language);
		String content = parameter(call.endpoint(), body, "content");
		if (!OTP_CODE.matcher(content).find()) {
			throw ErrorCodes.error(Endpoint.OTP, 9015);
		}
		String apiType = text(body, "api_type");
		if (apiType != null && !apiType.equals("0") && !apiType.equals("1")) {
			throw ErrorCodes.detailed(call.endpoint(), 9000, "api_type must be 0 or 1");
		}
		Template template = this.state.templatesOf(phone.phone())
			.stream()
			.filter((t) -> t.category().equals(category) && t.language().equals(language)
					&& t.status().equals("APPROVED"))
			.findFirst()
			.orElseThrow(() -> ErrorCodes.error(call.endpoint(), 10005));
		Accepted accepted = accept(call, account, app, phone, to, "otp", template.name(), body,
				template.category());
		return Result.accepted(metaMessages(accepted.message().id()), accepted);
	}

	private Result mt(Account account, JsonNode body, Call call) {
		App app = api2App(call, account, body);
		requireWhatsapp(call, body);
		requireIndividual(call, body);
		String phoneNumber = parameter(call.endpoint(), body, "business_phone");
		String to = recipient(call, body);
		String type = parameter(call.endpoint(), body, "type");
		if (!MT_TYPES.contains(type)) {
			throw ErrorCodes.detailed(call.endpoint(), 9000, "unsupported type " + type);
		}
		requireTypeObject(call, body, type);
		BusinessPhone phone = boundPhone(call, app, phoneNumber);
		String templateName = null;
		String origin = "service";
		if (type.equals("template")) {
			JsonNode templateNode = body.path("template");
			templateName = parameter(call.endpoint(), templateNode, "name", "template.name");
			String language = parameter(call.endpoint(), templateNode.path("language"), "code",
					"template.language.code");
			requireLanguage(call, "template.language.code", language);
			Template template = this.state.template(phone.phone(), templateName, language)
				.filter((t) -> t.status().equals("APPROVED"))
				.orElseThrow(() -> ErrorCodes.error(call.endpoint(), 10005));
			origin = template.category();
		}
		Accepted accepted = accept(call, account, app, phone, to, type, templateName, body, origin);
		return Result.accepted(metaMessages(accepted.message().id()), accepted);
	}

	private static void requireTypeObject(Call call, JsonNode body, String type) {
		JsonNode object = body.path(type);
		boolean valid = switch (type) {
			case "text" -> text(object, "body") != null;
			case "image", "video", "audio", "document", "sticker" -> text(object, "link") != null
					|| text(object, "id") != null;
			case "location" -> text(object, "latitude") != null && text(object, "longitude") != null;
			case "template" -> object.isObject();
			case "reaction" -> text(object, "message_id") != null;
			default -> object.isObject();
		};
		if (!valid) {
			throw ErrorCodes.detailed(call.endpoint(), 9000, type + " is missing or invalid");
		}
	}

	private ObjectNode metaMessages(String id) {
		ObjectNode data = this.json.createObjectNode();
		data.put("messaging_product", "whatsapp");
		data.putArray("messages").addObject().put("id", id);
		return data;
	}

	/**
	 * A parameter of an api2 body; a missing one is the page's 9000 "Parameter exception" naming it.
	 */
	private static String parameter(Endpoint endpoint, JsonNode node, String name) {
		return parameter(endpoint, node, name, name);
	}

	private static String parameter(Endpoint endpoint, JsonNode node, String name, String field) {
		String value = text(node, name);
		if (value == null) {
			throw ErrorCodes.detailed(endpoint, 9000, field + " is required");
		}
		return value;
	}

	private App api2App(Call call, Account account, JsonNode body) {
		return ownedApp(call, account, parameter(call.endpoint(), body, "appkey"), 9003);
	}

	private App ownedApp(Call call, Account account, String appKey, int code) {
		return this.state.app(appKey)
			.filter((app) -> app.accessKey().equals(account.accessKey()))
			.orElseThrow(() -> ErrorCodes.error(call.endpoint(), code));
	}

	/**
	 * The sender of a send: a WhatsApp business number (9002; SaaS 22049), bound to the app (10003; SaaS 22126) and
	 * connected (9002; SaaS 22089).
	 */
	private BusinessPhone boundPhone(Call call, App app, String number) {
		Endpoint endpoint = call.endpoint();
		boolean saas = endpoint.isSaas();
		BusinessPhone phone = this.state.phone(number)
			.orElseThrow(() -> saas ? ErrorCodes.error(endpoint, 22049, number) : notWhatsapp(call, number));
		if (!phone.appKey().equals(app.appKey())) {
			throw ErrorCodes.error(endpoint, saas ? 22126 : 10003);
		}
		if (!phone.isConnected()) {
			throw saas ? ErrorCodes.error(endpoint, 22089)
					: ErrorCodes.detailed(endpoint, 9002, number + " is " + phone.status());
		}
		return phone;
	}

	private static ApiError notWhatsapp(Call call, String number) {
		return ErrorCodes.detailed(call.endpoint(), 9002, number + " is not a WhatsApp business number");
	}

	/**
	 * The api2 pages answer their parameter exception, 9000; the SaaS send page documents no code for this, so it
	 * answers its first "Parameter exception", 21058 [derived].
	 */
	private static void requireWhatsapp(Call call, JsonNode body) {
		if (!"whatsapp".equals(text(body, "messaging_product"))) {
			throw new ApiError(parameterException(call), "Parameter exception: messaging_product must be whatsapp");
		}
	}

	private static void requireIndividual(Call call, JsonNode body) {
		if (!"individual".equals(text(body, "recipient_type"))) {
			throw new ApiError(parameterException(call), "Parameter exception: recipient_type must be individual");
		}
	}

	private static int parameterException(Call call) {
		return call.endpoint().isSaas() ? 21058 : 9000;
	}

	private static String recipient(Call call, JsonNode body) {
		String to = parameter(call.endpoint(), body, "to");
		if (!PHONE.matcher(to).matches()) {
			throw ErrorCodes.detailed(call.endpoint(), 9000, "to is invalid");
		}
		return to;
	}

	/**
	 * A language of the pages' table: the SaaS pages document 22092 for another; the api2 pages document no code,
	 * so it is their parameter exception, 9000.
	 */
	private static void requireLanguage(Call call, String field, String language) {
		if (TemplateLanguages.isKnown(language)) {
			return;
		}
		if (call.endpoint().isSaas()) {
			throw ErrorCodes.error(call.endpoint(), 22092, language);
		}
		throw ErrorCodes.detailed(call.endpoint(), 9000, field + " " + language + " is not a template language");
	}

	private Accepted accept(Call call, Account account, App app, BusinessPhone phone, String to, String type,
			@Nullable String templateName, JsonNode body, String category) {
		MetaError refusal = this.sendLimits.admit(phone.phone(), to);
		if (refusal != null) {
			throw new ApiError(9099, ErrorCodes.message(call.endpoint(), 9099), refusal.data(this.json));
		}
		String id = text(body, "cus_message_id");
		if (id == null) {
			byte[] random = new byte[16];
			ThreadLocalRandom.current().nextBytes(random);
			id = "wamid." + HexFormat.of().formatHex(random);
		}
		String drWebhook = text(body, "dr_webhook");
		AcceptedMessage message = new AcceptedMessage(id, call.endpoint().pathTemplate(), account.accessKey(),
				app.appKey(), phone.phone(), to, type, templateName, (drWebhook != null) ? drWebhook : app.webhook(),
				new String(call.body(), StandardCharsets.UTF_8), this.clock.instant());
		this.state.recordMessage(message);
		return new Accepted(message, account, category.toLowerCase(Locale.ROOT),
				text(body, "biz_opaque_callback_data"));
	}

	// SaaS

	private Result saasSend(Account account, JsonNode body, Call call) {
		long tenantId = tenantId(call, text(body, "tenant_id"));
		String appKey = required(body, "appkey", 21059, ErrorCodes.message(Endpoint.SAAS_SEND, 21059));
		String phoneNumber = required(body, "business_phone", 21060, ErrorCodes.message(Endpoint.SAAS_SEND, 21060));
		String to = required(body, "to", 21061, ErrorCodes.message(Endpoint.SAAS_SEND, 21061));
		if (!"template".equals(text(body, "type"))) {
			throw ErrorCodes.error(Endpoint.SAAS_SEND, 21062);
		}
		requireWhatsapp(call, body);
		requireIndividual(call, body);
		JsonNode templateNode = body.path("template");
		String name = text(templateNode, "name");
		String language = text(templateNode.path("language"), "code");
		if (name == null || language == null) {
			throw ErrorCodes.error(Endpoint.SAAS_SEND, 21063);
		}
		requireSendableComponents(templateNode.path("components"));
		requireTenant(account, tenantId);
		App app = ownedApp(call, account, appKey, 22124);
		BusinessPhone phone = boundPhone(call, app, phoneNumber);
		if (!PHONE.matcher(to).matches()) {
			throw ErrorCodes.error(Endpoint.SAAS_SEND, 22090);
		}
		requireLanguage(call, "template.language.code", language);
		Template template = this.state.template(phone.phone(), name, language)
			.orElseThrow(() -> ErrorCodes.error(Endpoint.SAAS_SEND, 22093));
		if (!template.status().equals("APPROVED")) {
			throw ErrorCodes.error(Endpoint.SAAS_SEND, 23025);
		}
		Accepted accepted = accept(call, account, app, phone, to, "template", name, body, template.category());
		ObjectNode data = this.json.createObjectNode();
		data.put("message_id", accepted.message().id());
		return Result.accepted(data, accepted);
	}

	/**
	 * The SaaS send page allows {@code header} and {@code body} components only, with {@code text} parameters
	 * (with their text) and {@code image} parameters (with an HTTP/HTTPS {@code link}). It documents no code for a
	 * refusal; 21063, the code of the {@code template} parameter, is the closest [derived].
	 */
	private static void requireSendableComponents(JsonNode components) {
		if (components.isMissingNode() || components.isNull()) {
			return;
		}
		if (!components.isArray()) {
			throw new ApiError(21063, "Parameter exception: template.components must be an array");
		}
		for (int i = 0; i < components.size(); i++) {
			JsonNode component = components.get(i);
			String field = "template.components[" + i + "]";
			String type = text(component, "type");
			if (!"header".equals(type) && !"body".equals(type)) {
				throw new ApiError(21063, "Parameter exception: " + field
						+ ".type must be header or body (buttons and other media go through /api/wa/mt), not " + type);
			}
			JsonNode parameters = component.path("parameters");
			for (int j = 0; j < parameters.size(); j++) {
				requireSendableParameter(parameters.get(j), field + ".parameters[" + j + "]");
			}
		}
	}

	private static void requireSendableParameter(JsonNode parameter, String field) {
		String type = text(parameter, "type");
		if ("text".equals(type)) {
			if (text(parameter, "text") == null) {
				throw new ApiError(21063, "Parameter exception: " + field + ".text is required for a text parameter");
			}
		}
		else if ("image".equals(type)) {
			String link = text(parameter.path("image"), "link");
			if (link == null || !HTTP_URL.matcher(link).matches()) {
				throw new ApiError(21063,
						"Parameter exception: " + field + ".image.link must be an HTTP/HTTPS URL for an image parameter");
			}
		}
		else {
			throw new ApiError(21063, "Parameter exception: " + field + ".type must be text or image, not " + type);
		}
	}

	private Result templateList(Account account, Call call) {
		BusinessPhone phone = saasPhone(account, call, call.query("tenant_id"));
		long page = pageParameter(call, "page_number");
		long size = pageParameter(call, "page_size");
		String name = call.query("name");
		List<Template> all = this.state.templatesOf(phone.phone())
			.stream()
			.filter((t) -> name == null || t.name().toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))
			.toList();
		ObjectNode data = this.json.createObjectNode();
		ArrayNode list = data.putArray("list");
		all.stream().skip((page - 1) * size).limit(size).forEach((t) -> list.add(this.templates.listItem(t)));
		data.put("total", all.size());
		data.put("has_next_page", page * size < all.size());
		return Result.ok(data);
	}

	/** Required, as the page says; it gives no code for a missing or bad one, so 21058 [derived]. */
	private static long pageParameter(Call call, String name) {
		String value = call.query(name);
		if (value == null) {
			throw new ApiError(21058, "Parameter error: " + name + " is required");
		}
		Long parsed = JsonFields.parseLong(value);
		if (parsed == null || parsed < 1) {
			throw new ApiError(21058, "Parameter error: " + name + " must be a positive integer, not " + value);
		}
		return parsed;
	}

	private Result templateCreate(Account account, Call call, JsonNode body) {
		BusinessPhone phone = saasPhone(account, call, text(body, "tenant_id"));
		Template template = this.templates.read(body, phone.phone(), 0, null, "APPROVED");
		requireUploadedHandle(phone, template);
		// [gap] Meta refuses a second template with the same name and language; NxCloud's code for it is undocumented.
		if (this.state.template(phone.phone(), template.name(), template.language()).isPresent()) {
			throw new ApiError(21058, "Parameter error: a template with this name and language already exists");
		}
		// New templates are approved at once (real review takes minutes to days); use
		// SimulatorState#setTemplateStatus to exercise other states.
		Template stored = this.state.addTemplate(template);
		return Result.ok(templateId(stored));
	}

	private Result templateUpdate(Account account, Call call, JsonNode body) {
		BusinessPhone phone = saasPhone(account, call, text(body, "tenant_id"));
		String idText = required(body, "id", 21058, "Parameter error: id is required");
		Long id = JsonFields.parseLong(idText);
		if (id == null) {
			throw new ApiError(21058, "Parameter error: id must be a template id, not " + idText);
		}
		Template old = ownedTemplate(phone, id);
		if (old == null) {
			throw ErrorCodes.error(call.endpoint(), 22093);
		}
		Template updated = this.templates.read(body, phone.phone(), old.id(), null, old.status());
		requireUploadedHandle(phone, updated);
		return Result.ok(templateId(this.state.updateTemplate(updated)));
	}

	/**
	 * A {@code templateMediaId} is one handle of a media upload's {@code h} for this phone (or one a template of the
	 * phone already carries, e.g. a seeded one): not the whole multi-line {@code h}, not a made-up value. The pages
	 * document no code for either, so 21058, the SaaS family's parameter error [derived].
	 */
	private void requireUploadedHandle(BusinessPhone phone, Template template) {
		String handle = template.templateMediaId();
		if (handle == null) {
			return;
		}
		if (handle.contains("\n") || handle.contains("\r")) {
			throw new ApiError(21058, "Parameter error: templateMediaId must be one handle of the upload's h, "
					+ "not several lines");
		}
		if (!this.state.isTemplateMediaHandle(phone.phone(), handle)) {
			throw new ApiError(21058, "Parameter error: templateMediaId " + handle
					+ " was not issued by a media upload for " + phone.phone());
		}
	}

	/** The docs show no create/update response; this returns {@code {"id": <template id>}} like api2 createTemplate. */
	private ObjectNode templateId(Template template) {
		ObjectNode data = this.json.createObjectNode();
		data.put("id", template.id());
		return data;
	}

	private Result templateDetail(Account account, Call call) {
		BusinessPhone phone = saasPhone(account, call, call.query("tenant_id"));
		Template template = pathTemplate(phone, call);
		return Result.ok(this.templates.detail(template, this.baseUrl.get() + "/media/",
				(flowId) -> this.state.flowsOf(phone.phone())
					.stream()
					.filter((flow) -> flow.id().equals(flowId))
					.map(Flow::firstScreen)
					.filter(Objects::nonNull)
					.findFirst()
					.orElse(null)));
	}

	private Result templateDelete(Account account, Call call) {
		BusinessPhone phone = saasPhone(account, call, call.query("tenant_id"));
		Template template = pathTemplate(phone, call);
		this.state.deleteTemplate(template.id());
		return Result.ok(null);
	}

	private Template pathTemplate(BusinessPhone phone, Call call) {
		Long id = JsonFields.parseLong(call.pathVariables().get("id"));
		Template template = (id != null) ? ownedTemplate(phone, id) : null;
		if (template == null) {
			throw ErrorCodes.error(call.endpoint(), 22093);
		}
		return template;
	}

	private @Nullable Template ownedTemplate(BusinessPhone phone, long id) {
		return this.state.template(id).filter((t) -> t.phone().equals(phone.phone())).orElse(null);
	}

	private Result flowList(Account account, Call call) {
		BusinessPhone phone = saasPhone(account, call, call.query("tenant_id"));
		ObjectNode data = this.json.createObjectNode();
		ArrayNode flows = data.putArray("data");
		for (Flow flow : this.state.flowsOf(phone.phone())) {
			ObjectNode item = flows.addObject();
			item.put("name", flow.name());
			item.put("status", flow.status());
			ArrayNode categories = item.putArray("categories");
			flow.categories().forEach(categories::add);
			item.putArray("validation_errors");
			item.put("id", flow.id());
		}
		return Result.ok(data);
	}

	private Result mediaUpload(Account account, Call call) {
		Multipart form = Multipart.parse(call.contentType(), call.body());
		BusinessPhone phone = saasPhone(account, call, form.fields().get("tenant_id"));
		Multipart.FilePart file = form.file();
		if (file == null) {
			// No code is documented for a missing file; 21058 is the SaaS family's parameter error.
			throw new ApiError(21058, "Parameter error: file is required");
		}
		Media media = this.state.addMedia(phone.phone(), file.filename(), file.contentType(), file.content());
		ObjectNode data = this.json.createObjectNode();
		data.put("h", media.h());
		data.put("media_id", media.mediaId());
		data.put("original_filename", media.originalFilename());
		data.put("mime_type", media.mimeType());
		data.put("url", this.baseUrl.get() + "/media/" + media.mediaId());
		return Result.ok(data);
	}

	private BusinessPhone saasPhone(Account account, Call call, @Nullable String tenantParameter) {
		long tenantId = tenantId(call, tenantParameter);
		String number = call.pathVariables().getOrDefault("phone", "");
		if (number.isBlank()) {
			throw ErrorCodes.error(call.endpoint(), 21060);
		}
		requireTenant(account, tenantId);
		return this.state.phone(number)
			.filter((phone) -> this.state.app(phone.appKey())
				.map((app) -> app.accessKey().equals(account.accessKey()))
				.orElse(false))
			.orElseThrow(() -> ErrorCodes.error(call.endpoint(), 22049, number));
	}

	private static long tenantId(Call call, @Nullable String value) {
		Long tenantId = JsonFields.parseLong(value);
		if (tenantId == null) {
			throw ErrorCodes.error(call.endpoint(), 21058);
		}
		return tenantId;
	}

	private void requireTenant(Account account, long tenantId) {
		if (this.state.tenant(tenantId).filter((t) -> t.accessKey().equals(account.accessKey())).isEmpty()) {
			throw ErrorCodes.error(Endpoint.SAAS_SEND, 22020);
		}
	}

	/**
	 * One request to handle.
	 */
	record Call(Endpoint endpoint, Map<String, String> pathVariables, Map<String, List<String>> queryParameters,
			HttpHeaders headers, byte[] body) {

		@Nullable String query(String name) {
			List<String> values = this.queryParameters.get(name);
			return (values == null || values.isEmpty() || values.get(0).isBlank()) ? null : values.get(0);
		}

		String contentType() {
			String type = this.headers.get("Content-Type");
			return (type != null) ? type : "";
		}

		/** The media type of the body, without parameters, in lower case; empty if none was sent. */
		String mediaType() {
			String type = contentType();
			int semicolon = type.indexOf(';');
			return ((semicolon >= 0) ? type.substring(0, semicolon) : type).trim().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * A message accepted for sending, with what its callbacks need.
	 */
	record Accepted(AcceptedMessage message, Account account, String origin, @Nullable String bizOpaqueCallbackData) {
	}

	/**
	 * The answer: code, message, data, and the accepted message of a successful send.
	 */
	record Result(int code, String message, @Nullable JsonNode data, @Nullable Accepted accepted) {

		static Result ok(@Nullable JsonNode data) {
			return new Result(0, "Request successful", data, null);
		}

		static Result accepted(JsonNode data, Accepted accepted) {
			return new Result(0, "Request successful", data, accepted);
		}

	}

}
