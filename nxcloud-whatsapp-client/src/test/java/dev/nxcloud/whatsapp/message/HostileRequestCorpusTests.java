package dev.nxcloud.whatsapp.message;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.bulk.NxCloudBulkSender;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.flow.DefaultNxCloudFlowService;
import dev.nxcloud.whatsapp.flow.FlowListRequest;
import dev.nxcloud.whatsapp.integrator.CreateAppRequest;
import dev.nxcloud.whatsapp.integrator.DefaultNxCloudIntegratorService;
import dev.nxcloud.whatsapp.otp.DefaultNxCloudOtpService;
import dev.nxcloud.whatsapp.otp.OtpRequest;
import dev.nxcloud.whatsapp.phone.DefaultNxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfoRequest;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Hostile and careless calls through the public API of the message, OTP, phone, integrator, flow and bulk packages,
 * each with its expected outcome. A refused call fails with an {@link NxCloudValidationException} that names the
 * field, in a short message on one line, thrown at once by a factory or builder and signalled by the returned
 * publisher of a service, and nothing reaches the server. An accepted call at a limit reaches the server with the
 * value intact, so that the table fails both ways.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRequestCorpusTests {

	private static final String TO = "8613800000000";

	private static final String HOOK = "https://example.com/status";

	private static final String EMOJI = "😀";

	private static final String TEN_MB = "x".repeat(10 * 1024 * 1024);

	private static final String TEN_MB_DIGITS = "1".repeat(10 * 1024 * 1024);

	private static final String APP_KEY_257 = "k".repeat(257);

	private static final String MT_SENT = """
			{"code":0,"message":"Request successful","data":{"messaging_product":"whatsapp","messages":[{"id":"wamid.1"}]}}""";

	private static final String SAAS_SENT = """
			{"code":0,"message":"","data":{"message_id":"wamid.2"}}""";

	private static final String APP_CREATED = """
			{"code":0,"message":"Request successful","data":{"app_id":7,"app_name":"Acme","app_key":"k7"}}""";

	private final RecordingServer server = new RecordingServer();

	private final Services services = new Services(
			TestClients.client(this.server.baseUrl(), new NxCloudDefaults("app1", "15550000001", 1L)),
			TestClients.client(this.server.baseUrl(), new NxCloudDefaults(APP_KEY_257, "+15550000001", 0L)));

	@AfterAll
	void close() {
		this.server.close();
	}

	Stream<Arguments> corpus() {
		List<Arguments> rows = new ArrayList<>();
		nulls(rows);
		lengths(rows);
		controlCharacters(rows);
		urls(rows);
		listsAndBlanks(rows);
		accepted(rows);
		assertThat(rows).hasSizeGreaterThanOrEqualTo(60);
		return rows.stream();
	}

	private static void nulls(List<Arguments> rows) {
		rows.add(atOnce("Message.of with null content", "content", (s) -> s.messages.send(Message.of(TO, null))));
		rows.add(atOnce("Message.of with null recipient", "to",
				(s) -> s.messages.send(Message.of(null, new MessageContent.Text("hi", false)))));
		rows.add(atOnce("null text body", "text.body", (s) -> s.messages.send(Message.text(TO, null))));
		rows.add(atOnce("null image", "image", (s) -> s.messages.send(Message.image(TO, null))));
		rows.add(atOnce("null document", "document", (s) -> s.messages.send(Message.document(TO, null))));
		rows.add(atOnce("null media link", "link", (s) -> s.messages.send(Message.video(TO, MediaSource.link(null)))));
		rows.add(atOnce("null media id", "id", (s) -> s.messages.send(Message.audio(TO, MediaSource.id(null)))));
		rows.add(atOnce("null app key", "appkey", (s) -> s.messages.send(Message.text(TO, "hi").withAppKey(null))));
		rows.add(atOnce("null dr_webhook", "dr_webhook",
				(s) -> s.messages.send(Message.text(TO, "hi").withDrWebhook(null))));
		rows.add(atOnce("null biz_opaque_callback_data", "biz_opaque_callback_data",
				(s) -> s.messages.send(Message.text(TO, "hi").withBizOpaqueCallbackData(null))));
		rows.add(atOnce("null template language", "template.language",
				(s) -> s.messages.send(Message.template(TO, Template.of("order_update", null)))));
		rows.add(atOnce("null template name in a builder", "template.name",
				(s) -> s.messages.send(Message.template(TO, Template.builder(null, TemplateLanguage.EN).build()))));
		rows.add(atOnce("null body parameter", "body.parameters[1]", (s) -> s.messages
			.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN).body("a", null).build()))));
		rows.add(atOnce("null body parameter array", "body.parameters", (s) -> s.messages.send(Message.template(TO,
				Template.builder("order_update", TemplateLanguage.EN).body((String[]) null).build()))));
		rows.add(atOnce("null header parameter", "header.parameters[0]", (s) -> s.messages.send(Message.template(TO,
				Template.builder("order_update", TemplateLanguage.EN).header((HeaderParameter) null).build()))));
		rows.add(atOnce("null header text", "text", (s) -> s.messages.send(Message.template(TO,
				Template.builder("order_update", TemplateLanguage.EN).header(HeaderParameter.text(null)).build()))));
		rows.add(atOnce("null URL button text", "text", (s) -> s.messages.send(Message.template(TO,
				Template.builder("order_update", TemplateLanguage.EN).button(ButtonParameter.url(0, null)).build()))));
		rows.add(atOnce("null quick-reply payload", "payload", (s) -> s.messages.send(Message.template(TO, Template
			.builder("order_update", TemplateLanguage.EN).button(ButtonParameter.quickReply(0, null)).build()))));
		rows.add(atOnce("null button", "button", (s) -> s.messages.send(
				Message.template(TO, Template.builder("order_update", TemplateLanguage.EN).button(null).build()))));
		rows.add(atOnce("null component among Arrays.asList", "template.components[1]",
				(s) -> s.messages.send(Message.template(TO, new Template("order_update", TemplateLanguage.EN,
						Arrays.asList(new TemplateComponentValues.Body(List.of("a")), null))))));
		rows.add(atOnce("null template of a SaaS send", "template",
				(s) -> s.messages.sendTemplate(TemplateMessage.to(TO, null))));
		rows.add(atOnce("null OTP language", "language_code",
				(s) -> s.otp.send(OtpRequest.of(TO, "code 1234", null))));
		rows.add(atOnce("null OTP content", "content", (s) -> s.otp.send(OtpRequest.of(TO, null, TemplateLanguage.EN))));
		rows.add(atOnce("null OTP category", "category",
				(s) -> s.otp.send(OtpRequest.of(TO, "code 1234", TemplateLanguage.EN).withCategory(null))));
		rows.add(atOnce("PhoneInfoRequest.of((String) null)", "business_phones[0]",
				(s) -> s.phones.getPhones(PhoneInfoRequest.of((String) null))));
		rows.add(atOnce("null phone among Arrays.asList", "business_phones[1]",
				(s) -> s.phones.getPhones(new PhoneInfoRequest(null, Arrays.asList("15550000001", null)))));
		rows.add(atOnce("null app name", "app_name",
				(s) -> s.integrator.createApp(CreateAppRequest.of(null, HOOK))));
		rows.add(atOnce("null flow phone", "phone",
				(s) -> s.flows.list(FlowListRequest.configured().withBusinessPhone(null))));
		rows.add(atOnce("bulk sender without a message service", "messages",
				(s) -> new NxCloudBulkSender(null, s.otp, 1).sendMessages(Flux.empty())));
		rows.add(signalled("send(null)", "message", "required", (s) -> s.messages.send(null)));
		rows.add(signalled("sendTemplate(null)", "message", "required", (s) -> s.messages.sendTemplate(null)));
		rows.add(signalled("OTP send(null)", "request", "required", (s) -> s.otp.send(null)));
		rows.add(signalled("OTP send(to, content, null)", "language_code", "required",
				(s) -> s.otp.send(TO, "code 1234", null)));
		rows.add(signalled("getPhones(null)", "request", "required", (s) -> s.phones.getPhones(null)));
		rows.add(signalled("createApp(null)", "request", "required",
				(s) -> s.integrator.createApp((CreateAppRequest) null)));
		rows.add(signalled("createApp(null, webhook)", "app_name", "required",
				(s) -> s.integrator.createApp(null, HOOK)));
		rows.add(signalled("flows list(null)", "request", "required", (s) -> s.flows.list(null)));
		rows.add(signalled("bulk sendMessages(null)", "inputs", "required", (s) -> s.bulk.sendMessages(null)));
	}

	private static void lengths(List<Arguments> rows) {
		rows.add(signalled("4,097 emoji in a text body", "text.body", "at most 4096 characters (got 4097)",
				(s) -> s.messages.send(Message.text(TO, EMOJI.repeat(4097)))));
		rows.add(signalled("10 MB text body", "text.body", "at most 4096",
				(s) -> s.messages.send(Message.text(TO, TEN_MB))));
		rows.add(signalled("1,025 characters of image caption", "image.caption", "at most 1024",
				(s) -> s.messages.send(Message.image(TO, MediaSource.id("m1"), "c".repeat(1025)))));
		rows.add(signalled("10 MB video caption", "video.caption", "at most 1024",
				(s) -> s.messages.send(Message.video(TO, MediaSource.id("m1"), TEN_MB))));
		rows.add(signalled("1,025 emoji of document caption", "document.caption", "at most 1024",
				(s) -> s.messages.send(Message.document(TO, MediaSource.id("m1"), "a.pdf", EMOJI.repeat(1025)))));
		rows.add(signalled("513 characters of biz_opaque_callback_data", "biz_opaque_callback_data", "at most 512",
				(s) -> s.messages.send(Message.text(TO, "hi").withBizOpaqueCallbackData("b".repeat(513)))));
		rows.add(signalled("10 MB cus_message_id", "cus_message_id", "at most 512",
				(s) -> s.messages.send(Message.text(TO, "hi").withCustomMessageId(TEN_MB))));
		rows.add(signalled("256 characters of document filename", "document.filename", "at most 255",
				(s) -> s.messages.send(Message.document(TO, MediaSource.id("m1"), "f".repeat(252) + ".pdf"))));
		rows.add(signalled("1,025 characters of location name", "location.name", "at most 1024",
				(s) -> s.messages.send(Message.location(TO, 1, 2, "n".repeat(1025), "a"))));
		rows.add(signalled("10 MB location address", "location.address", "at most 1024",
				(s) -> s.messages.send(Message.location(TO, 1, 2, "n", TEN_MB))));
		rows.add(signalled("2,001 characters of dr_webhook", "dr_webhook", "at most 2000",
				(s) -> s.messages.send(Message.text(TO, "hi").withDrWebhook(url(2001)))));
		rows.add(signalled("10 MB image link", "image.link", "at most 2000",
				(s) -> s.messages.send(Message.image(TO, MediaSource.link("https://cdn.example.com/" + TEN_MB)))));
		rows.add(signalled("10 MB media id", "sticker.id", "at most 256",
				(s) -> s.messages.send(Message.sticker(TO, MediaSource.id(TEN_MB)))));
		rows.add(signalledQuoting("10 MB recipient", "to", "7 to 15 digits", "'" + "1".repeat(40) + "…'",
				(s) -> s.messages.send(Message.text(TEN_MB_DIGITS, "hi"))));
		rows.add(signalled("61 characters of header text", "template.components[0].parameters[0].text", "at most 60",
				(s) -> s.messages.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN)
					.header(HeaderParameter.text("h".repeat(61)))
					.build()))));
		rows.add(signalled("1,025 characters of body text beside a button", "template.components[0].parameters[0].text",
				"at most 1024", (s) -> s.messages.send(Message.template(TO, Template
					.builder("order_update", TemplateLanguage.EN)
					.body("v".repeat(1025))
					.button(ButtonParameter.quickReply(0, "yes"))
					.build()))));
		rows.add(signalled("32,769 characters of body text alone", "template.components[0].parameters[0].text",
				"at most 32768", (s) -> s.messages.send(Message.template(TO,
						Template.builder("order_update", TemplateLanguage.EN).body("v".repeat(32769)).build()))));
		rows.add(signalled("body texts adding up to 35,000 characters", "template.components[0].parameters",
				"add up to at most 32768", (s) -> s.messages.send(Message.template(TO, Template
					.builder("order_update", TemplateLanguage.EN)
					.body(Collections.nCopies(5, "v".repeat(7000)).toArray(String[]::new))
					.build()))));
		rows.add(signalled("2,001 characters of URL button text", "template.components[0].parameters[0].text",
				"at most 2000", (s) -> s.messages.send(Message.template(TO, Template
					.builder("order_update", TemplateLanguage.EN)
					.button(ButtonParameter.url(0, "u".repeat(2001)))
					.build()))));
		rows.add(signalled("513 characters of template name", "template.name", "at most 512",
				(s) -> s.messages.send(Message.template(TO, Template.of("t".repeat(513), TemplateLanguage.EN)))));
		rows.add(signalled("61 characters of header text on the SaaS send", "template.components[0].parameters[0].text",
				"at most 60", (s) -> s.messages.sendTemplate(TemplateMessage.to(TO, Template
					.builder("order_update", TemplateLanguage.EN)
					.header(HeaderParameter.text("h".repeat(61)))
					.build()))));
		rows.add(signalled("10 MB OTP content", "content", "at most 4096",
				(s) -> s.otp.send(OtpRequest.of(TO, "code 1234 " + TEN_MB, TemplateLanguage.EN))));
		rows.add(signalled("10 MB OTP dr_webhook", "dr_webhook", "at most 2000",
				(s) -> s.otp.send(OtpRequest.of(TO, "code 1234", TemplateLanguage.EN)
					.withDrWebhook("https://example.com/" + TEN_MB))));
		rows.add(signalled("513 characters of OTP cus_message_id", "cus_message_id", "at most 512",
				(s) -> s.otp.send(OtpRequest.of(TO, "code 1234", TemplateLanguage.EN).withCustomMessageId("i".repeat(513)))));
		rows.add(signalled("2,001 characters of app webhook", "webhook", "at most 2000",
				(s) -> s.integrator.createApp("Acme", url(2001))));
		rows.add(signalled("257 characters of app name", "app_name", "at most 256",
				(s) -> s.integrator.createApp("a".repeat(257), HOOK)));
		rows.add(signalled("10 MB app key on a message", "appkey", "at most 256",
				(s) -> s.messages.send(Message.text(TO, "hi").withAppKey(TEN_MB))));
		rows.add(signalled("257 characters of app key on a phone query", "appkey", "at most 256",
				(s) -> s.phones.getPhones(PhoneInfoRequest.all().withAppKey(APP_KEY_257))));
		rows.add(signalled("257 characters of app key as the client's default", "appkey", "at most 256",
				(s) -> s.careless.messages.send(Message.text(TO, "hi"))));
		rows.add(signalled("257 characters of app key as the client's default, on an OTP", "appkey", "at most 256",
				(s) -> s.careless.otp.send(OtpRequest.of(TO, "code 1234", TemplateLanguage.EN))));
		rows.add(signalledQuoting("a '+' in the client's default business phone", "business_phone", "no '+'",
				"'+15550000001'", (s) -> s.careless.messages.send(Message.text(TO, "hi").withAppKey("app1"))));
		rows.add(signalled("tenant id 0 as the client's default", "tenant_id", "at least 1 (got 0)",
				(s) -> s.careless.messages.sendTemplate(TemplateMessage.to(TO, Template.of("order_update",
						TemplateLanguage.EN)))));
		rows.add(signalled("negative tenant id on a SaaS send", "tenant_id", "at least 1 (got -1)",
				(s) -> s.messages.sendTemplate(TemplateMessage.to(TO, Template.of("order_update", TemplateLanguage.EN))
					.withTenantId(-1))));
		rows.add(signalled("negative tenant id on a flow list", "tenant_id", "at least 1 (got -7)",
				(s) -> s.flows.list(FlowListRequest.configured().withTenantId(-7))));
	}

	private static void controlCharacters(List<Arguments> rows) {
		rows.add(signalledQuoting("CR/LF in the recipient", "to", "digits", "'8613800000000\\r\\nX-Evil: 1'",
				(s) -> s.messages.send(Message.text(TO + "\r\nX-Evil: 1", "hi"))));
		rows.add(signalledQuoting("CR/LF in dr_webhook", "dr_webhook", "http or https", "\\r\\nX-Evil: 1'",
				(s) -> s.messages.send(Message.text(TO, "hi").withDrWebhook(HOOK + "\r\nX-Evil: 1"))));
		rows.add(signalledQuoting("LF in the OTP dr_webhook", "dr_webhook", "http or https", "/status\\nx'",
				(s) -> s.otp.send(OtpRequest.of(TO, "code 1234", TemplateLanguage.EN).withDrWebhook(HOOK + "\nx"))));
		rows.add(signalledQuoting("CR/LF in a document filename", "document.filename", "control characters",
				"'a.pdf\\r\\nX-Evil: 1'",
				(s) -> s.messages.send(Message.document(TO, MediaSource.id("m1"), "a.pdf\r\nX-Evil: 1"))));
		rows.add(signalledQuoting("NUL in a document filename", "document.filename", "control characters",
				"'a\\u0000.pdf'",
				(s) -> s.messages.send(Message.document(TO, MediaSource.id("m1"), "a\u0000.pdf"))));
		rows.add(signalledQuoting("CR in a header document filename",
				"template.components[0].parameters[0].document.filename", "control characters", "'a\\r.pdf'", (s) -> s.messages.send(Message.template(TO, Template
					.builder("order_update", TemplateLanguage.EN)
					.header(HeaderParameter.document("https://cdn.example.com/a.pdf", "a\r.pdf"))
					.build()))));
		rows.add(signalled("LF in a body parameter", "template.components[0].parameters[0].text", "line break",
				(s) -> s.messages.send(Message.template(TO,
						Template.builder("order_update", TemplateLanguage.EN).body("a\nb").build()))));
		rows.add(signalled("tab in a body parameter", "template.components[0].parameters[1].text", "tab",
				(s) -> s.messages.send(Message.template(TO,
						Template.builder("order_update", TemplateLanguage.EN).body("a", "b\tc").build()))));
		rows.add(signalled("five spaces in a body parameter", "template.components[0].parameters[0].text",
				"4 consecutive spaces", (s) -> s.messages.send(Message.template(TO,
						Template.builder("order_update", TemplateLanguage.EN).body("a     b").build()))));
		rows.add(signalled("CR in a header text", "template.components[0].parameters[0].text", "line break",
				(s) -> s.messages.sendTemplate(TemplateMessage.to(TO, Template
					.builder("order_update", TemplateLanguage.EN)
					.header(HeaderParameter.text("a\rb"))
					.build()))));
		rows.add(signalled("LF in a URL button text", "template.components[0].parameters[0].text", "line break",
				(s) -> s.messages.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN)
					.button(ButtonParameter.url(0, "track/42\nX-Evil: 1"))
					.build()))));
		rows.add(signalledQuoting("LF in the business phone", "business_phone", "digits", "'15550000001\\n'",
				(s) -> s.messages.send(Message.text(TO, "hi").withBusinessPhone("15550000001\n"))));
		rows.add(signalledQuoting("CR in a queried phone", "business_phones[0]", "digits", "'15550000001\\r'",
				(s) -> s.phones.getPhones(PhoneInfoRequest.of("15550000001\r"))));
		rows.add(signalledQuoting("malformed second queried phone", "business_phones[1]", "digits", "'1555-0000002'",
				(s) -> s.phones.getPhones(PhoneInfoRequest.of("15550000001", "1555-0000002"))));
		rows.add(signalledQuoting("right-to-left override in a document filename", "document.filename",
				"Unicode format characters", "'invoice\\u202efdp.exe'",
				(s) -> s.messages.send(Message.document(TO, MediaSource.id("m1"), "invoice\u202Efdp.exe"))));
		rows.add(signalledQuoting("zero-width joiner in a header document filename",
				"template.components[0].parameters[0].document.filename", "Unicode format characters",
				"'a\\u200d.pdf'", (s) -> s.messages.send(Message.template(TO, Template
					.builder("order_update", TemplateLanguage.EN)
					.header(HeaderParameter.document("https://cdn.example.com/a.pdf", "a\u200D.pdf"))
					.build()))));
		rows.add(signalledQuoting("CR/LF in the app webhook", "webhook", "http or https", "\\r\\nX-Evil: 1'",
				(s) -> s.integrator.createApp("Acme", HOOK + "\r\nX-Evil: 1")));
		rows.add(signalledQuoting("CR/LF in the flow phone", "phone", "digits", "'1555\\r\\n0000001'",
				(s) -> s.flows.list(FlowListRequest.configured().withBusinessPhone("1555\r\n0000001"))));
	}

	private static void urls(List<Arguments> rows) {
		rows.add(signalledQuoting("javascript: dr_webhook", "dr_webhook", "http or https", "'javascript:alert(1)'",
				(s) -> s.messages.send(Message.text(TO, "hi").withDrWebhook("javascript:alert(1)"))));
		rows.add(signalled("file: image link", "image.link", "http or https",
				(s) -> s.messages.send(Message.image(TO, MediaSource.link("file:///etc/passwd")))));
		rows.add(signalled("data: document link", "document.link", "http or https",
				(s) -> s.messages.send(Message.document(TO, MediaSource.link("data:text/html,<script>x</script>")))));
		rows.add(signalled("file: OTP dr_webhook", "dr_webhook", "http or https",
				(s) -> s.otp.send(OtpRequest.of(TO, "code 1234", TemplateLanguage.EN).withDrWebhook("file:///tmp/x"))));
		rows.add(signalled("javascript: app webhook", "webhook", "http or https",
				(s) -> s.integrator.createApp("Acme", "javascript:alert(1)")));
		rows.add(signalled("gopher: header image", "template.components[0].parameters[0].image.link", "http or https",
				(s) -> s.messages.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN)
					.header(HeaderParameter.image("gopher://cdn.example.com/x.png"))
					.build()))));
	}

	private static void listsAndBlanks(List<Arguments> rows) {
		rows.add(signalled("100,000 body parameters", "template.components[0].parameters", "add up to",
				(s) -> s.messages.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN)
					.body(Collections.nCopies(100_000, "v").toArray(String[]::new))
					.build()))));
		rows.add(signalled("two header parameters", "template.components[0].parameters", "at most one parameter",
				(s) -> s.messages.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN)
					.header(HeaderParameter.text("a"), HeaderParameter.text("b"))
					.build()))));
		rows.add(signalled("two body components", "template.components", "at most one body",
				(s) -> s.messages.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN)
					.body("a")
					.body("b")
					.build()))));
		rows.add(signalled("one button index twice", "template.components[1].index", "given twice",
				(s) -> s.messages.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN)
					.button(ButtonParameter.quickReply(1, "yes"))
					.button(ButtonParameter.quickReply(1, "no"))
					.build()))));
		rows.add(signalled("1,001 queried phones", "business_phones", "at most 1000",
				(s) -> s.phones.getPhones(new PhoneInfoRequest(null, Collections.nCopies(1001, "15550000001")))));
		rows.add(signalled("empty recipient", "to", "required", (s) -> s.messages.send(Message.text("", "hi"))));
		rows.add(signalled("blank body parameter", "template.components[0].parameters[0].text", "required",
				(s) -> s.messages.send(Message.template(TO,
						Template.builder("order_update", TemplateLanguage.EN).body(" ").build()))));
		rows.add(signalled("empty OTP cus_message_id", "cus_message_id", "required",
				(s) -> s.otp.send(OtpRequest.of(TO, "code 1234", TemplateLanguage.EN).withCustomMessageId(""))));
		rows.add(signalled("blank media id", "audio.id", "required",
				(s) -> s.messages.send(Message.audio(TO, MediaSource.id(" ")))));
	}

	private static void accepted(List<Arguments> rows) {
		String body = EMOJI.repeat(4096);
		rows.add(accepted("4,096 emoji in a text body", MT_SENT, body, (s) -> s.messages.send(Message.text(TO, body))));
		rows.add(accepted("line breaks in a text body", MT_SENT, "one\\r\\ntwo",
				(s) -> s.messages.send(Message.text(TO, "one\r\ntwo"))));
		String caption = EMOJI.repeat(1024);
		rows.add(accepted("1,024 emoji of caption", MT_SENT, caption,
				(s) -> s.messages.send(Message.image(TO, MediaSource.id("m1"), caption))));
		String opaque = "b".repeat(512);
		rows.add(accepted("512 characters of biz_opaque_callback_data", MT_SENT, opaque,
				(s) -> s.messages.send(Message.text(TO, "hi").withBizOpaqueCallbackData(opaque))));
		String hook = url(2000);
		rows.add(accepted("2,000 characters of dr_webhook", MT_SENT, hook,
				(s) -> s.messages.send(Message.text(TO, "hi").withDrWebhook(hook))));
		String filename = "f".repeat(251) + ".pdf";
		rows.add(accepted("255 characters of filename", MT_SENT, filename,
				(s) -> s.messages.send(Message.document(TO, MediaSource.id("m1"), filename))));
		String place = "p".repeat(1024);
		rows.add(accepted("1,024 characters of location name and address", MT_SENT, place,
				(s) -> s.messages.send(Message.location(TO, 1, 2, place, place))));
		String header = EMOJI.repeat(60);
		String bodyText = "v".repeat(1024);
		rows.add(accepted("60 emoji of header and 1,024 of body beside a button", MT_SENT,
				List.of(header, bodyText, "four    spaces", "u".repeat(2000)), (s) -> s.messages.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN)
					.header(HeaderParameter.text(header))
					.body(bodyText, "four    spaces")
					.button(ButtonParameter.url(0, "u".repeat(2000)))
					.build()))));
		String alone = "v".repeat(32768);
		rows.add(accepted("32,768 characters of body text alone", SAAS_SENT, alone,
				(s) -> s.messages.sendTemplate(TemplateMessage.to(TO,
						Template.builder("order_update", TemplateLanguage.EN).body(alone).build()))));
		String content = "Your code is 482913. " + "z".repeat(4075);
		rows.add(accepted("4,096 characters of OTP content", MT_SENT, content,
				(s) -> s.otp.send(OtpRequest.of(TO, content, TemplateLanguage.EN))));
		String appKey = "k".repeat(256);
		rows.add(accepted("256 characters of app key", MT_SENT, "\"appkey\":\"" + appKey + "\"",
				(s) -> s.messages.send(Message.text(TO, "hi").withAppKey(appKey))));
		rows.add(accepted("2,000 characters of app webhook", APP_CREATED, url(2000),
				(s) -> s.integrator.createApp("a".repeat(256), url(2000))));
	}

	private static String url(int characters) {
		String prefix = "https://example.com/";
		return prefix + "p".repeat(characters - prefix.length());
	}

	private static Arguments atOnce(String description, String field, Function<Services, Publisher<?>> call) {
		return arguments(description, new Refused(field, "is required", null, true), call);
	}

	private static Arguments signalled(String description, String field, String rule,
			Function<Services, Publisher<?>> call) {
		return arguments(description, new Refused(field, rule, null, false), call);
	}

	private static Arguments signalledQuoting(String description, String field, String rule, String quoted,
			Function<Services, Publisher<?>> call) {
		return arguments(description, new Refused(field, rule, quoted, false), call);
	}

	private static Arguments accepted(String description, String reply, String sent,
			Function<Services, Publisher<?>> call) {
		return accepted(description, reply, List.of(sent), call);
	}

	private static Arguments accepted(String description, String reply, List<String> sent,
			Function<Services, Publisher<?>> call) {
		return arguments(description, new Accepted(reply, sent), call);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void everyCallHasItsExpectedOutcome(String description, Outcome expected, Function<Services, Publisher<?>> call) {
		int before = this.server.requests().size();
		if (expected instanceof Accepted accepted) {
			this.server.reply(accepted.reply());
		}
		Throwable thrown = null;
		Throwable signalled = null;
		try {
			Publisher<?> publisher = call.apply(this.services);
			signalled = Flux.from(publisher).then().flux().materialize().blockFirst(Duration.ofSeconds(30)).getThrowable();
		}
		catch (RuntimeException ex) {
			thrown = ex;
		}
		if (expected instanceof Refused refused) {
			Throwable error = refused.atOnce() ? thrown : signalled;
			assertThat(refused.atOnce() ? signalled : thrown).as("the other way of failing").isNull();
			assertThat(error).as("the error").isInstanceOf(NxCloudValidationException.class);
			NxCloudValidationException validation = (NxCloudValidationException) error;
			assertThat(validation.getField()).isEqualTo(refused.field());
			assertThat(validation.getRule()).contains(refused.rule());
			if (refused.quoted() != null) {
				assertThat(validation.getRule()).as("the quoted excerpt of the value").contains(refused.quoted());
			}
			assertThat(validation.getMessage()).hasSizeLessThan(300).doesNotContain("\r", "\n");
			assertThat(this.server.requests()).as("requests that reached the server").hasSize(before);
		}
		else if (expected instanceof Accepted accepted) {
			assertThat(thrown).isNull();
			assertThat(signalled).isNull();
			assertThat(this.server.requests()).hasSize(before + 1);
			assertThat(this.server.lastRequest().bodyText()).contains(accepted.sent());
		}
	}

	sealed interface Outcome permits Refused, Accepted {

	}

	/**
	 * Refused with a validation error naming the field, its rule holding {@code rule} and, when given, the
	 * {@code quoted} excerpt of the hostile value; thrown at once, or signalled by the publisher.
	 */
	record Refused(String field, String rule, @Nullable String quoted, boolean atOnce) implements Outcome {

		@Override
		public String toString() {
			return (this.atOnce ? "thrown" : "signalled") + " for " + this.field;
		}

	}

	/** Sent, the server answering {@code reply}, with each of {@code sent} in the request body. */
	record Accepted(String reply, List<String> sent) implements Outcome {

		@Override
		public String toString() {
			return "sent";
		}

	}

	static final class Services {

		final DefaultNxCloudMessageService messages;

		final DefaultNxCloudOtpService otp;

		final DefaultNxCloudPhoneService phones;

		final DefaultNxCloudIntegratorService integrator;

		final DefaultNxCloudFlowService flows;

		final NxCloudBulkSender bulk;

		/** The services of a client whose defaults are careless (an overlong app key, a '+' phone, tenant 0). */
		final @Nullable Services careless;

		Services(NxCloudClient client, NxCloudClient carelessClient) {
			this(client, new Services(carelessClient, (Services) null));
		}

		private Services(NxCloudClient client, @Nullable Services careless) {
			this.messages = new DefaultNxCloudMessageService(client);
			this.otp = new DefaultNxCloudOtpService(client);
			this.phones = new DefaultNxCloudPhoneService(client);
			this.integrator = new DefaultNxCloudIntegratorService(client);
			this.flows = new DefaultNxCloudFlowService(client);
			this.bulk = new NxCloudBulkSender(this.messages, this.otp, 2);
			this.careless = careless;
		}

	}

}
