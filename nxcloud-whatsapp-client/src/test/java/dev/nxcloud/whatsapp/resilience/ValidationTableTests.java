package dev.nxcloud.whatsapp.resilience;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.integrator.DefaultNxCloudIntegratorService;
import dev.nxcloud.whatsapp.media.DefaultNxCloudMediaService;
import dev.nxcloud.whatsapp.media.MediaUploadRequest;
import dev.nxcloud.whatsapp.message.ButtonParameter;
import dev.nxcloud.whatsapp.message.DefaultNxCloudMessageService;
import dev.nxcloud.whatsapp.message.HeaderParameter;
import dev.nxcloud.whatsapp.message.MediaSource;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.Template;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import dev.nxcloud.whatsapp.otp.DefaultNxCloudOtpService;
import dev.nxcloud.whatsapp.otp.OtpRequest;
import dev.nxcloud.whatsapp.phone.DefaultNxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfoRequest;
import dev.nxcloud.whatsapp.template.DefaultNxCloudTemplateService;
import dev.nxcloud.whatsapp.template.TemplateButton;
import dev.nxcloud.whatsapp.template.TemplateButtonEvent;
import dev.nxcloud.whatsapp.template.TemplateCategoryType;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import dev.nxcloud.whatsapp.template.TemplateListRequest;
import dev.nxcloud.whatsapp.template.TemplateRequest;
import dev.nxcloud.whatsapp.flow.DefaultNxCloudFlowService;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Bad input is rejected before any network call, with an error that names the field and the rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ValidationTableTests {

	private static final String TO = "8613800000000";

	private final RecordingServer server = new RecordingServer();

	private Services services;

	private Services noDefaults;

	@BeforeAll
	void services() {
		this.services = new Services(TestClients.client(this.server.baseUrl(),
				new NxCloudDefaults("app1", "15550000001", 1L)));
		this.noDefaults = new Services(TestClients.client(this.server.baseUrl(), TestClients.NO_DEFAULTS));
	}

	@AfterAll
	void close() {
		assertThat(this.server.requests()).as("requests that reached the server").isEmpty();
		this.server.close();
	}

	private static Template template() {
		return Template.of("order_update", TemplateLanguage.EN_US);
	}

	private static TemplateRequest.Builder templateRequest() {
		return TemplateRequest.builder()
			.name("order_update")
			.language(TemplateLanguage.EN_US)
			.category(TemplateCategoryType.UTILITY)
			.content("Your order {{1}} has shipped");
	}

	Stream<Arguments> badInputs() {
		List<Arguments> rows = List.of(
				// phone numbers
				row("recipient with +", "to", "no '+'", (s) -> s.messages.send(Message.text("+8613800000000", "hi"))),
				row("recipient with letters", "to", "7 to 15 digits", (s) -> s.messages.send(Message.text("86138abc000", "hi"))),
				row("recipient too short", "to", "7 to 15 digits", (s) -> s.messages.send(Message.text("123456", "hi"))),
				row("recipient too long", "to", "7 to 15 digits", (s) -> s.messages.send(Message.text("1234567890123456", "hi"))),
				row("recipient blank", "to", "required", (s) -> s.messages.send(Message.text(" ", "hi"))),
				row("business phone with spaces", "business_phone", "7 to 15 digits",
						(s) -> s.messages.send(Message.text(TO, "hi").withBusinessPhone("1555 000 0001"))),
				row("OTP recipient with dashes", "to", "7 to 15 digits",
						(s) -> s.otp.send(OtpRequest.of("86-138-0000-0000", "code 1234", TemplateLanguage.EN))),
				row("queried phone with +", "business_phones[0]", "no '+'",
						(s) -> s.phones.getPhones(PhoneInfoRequest.of("+15550000001"))),
				row("template send recipient", "to", "7 to 15 digits",
						(s) -> s.messages.sendTemplate(TemplateMessage.to("abc", template()))),
				// defaults missing
				row("no app key anywhere (send)", "appkey", "NxCloudClient.builder().appKey(…)", (n) -> n.messages.send(Message.text(TO, "hi"))),
				row("no business phone anywhere (send)", "business_phone", "NxCloudClient.builder().businessPhone(…)",
						(n) -> n.messages.send(Message.text(TO, "hi").withAppKey("app1"))),
				row("no tenant anywhere (template send)", "tenant_id", "NxCloudClient.builder().tenantId(…)",
						(n) -> n.messages.sendTemplate(TemplateMessage.to(TO, template()).withAppKey("app1")
							.withBusinessPhone("15550000001"))),
				row("no app key anywhere (phones)", "appkey", "NxCloudClient.builder().appKey(…)", (n) -> n.phones.getPhones()),
				row("no tenant anywhere (templates)", "tenant_id", "NxCloudClient.builder().tenantId(…)",
						(n) -> n.templates.list(TemplateListRequest.page(1, 10).withBusinessPhone("15550000001"))),
				row("no business phone anywhere (flows)", "phone", "NxCloudClient.builder().businessPhone(…)", (n) -> n.flows.list().collectList()),
				// OTP content and language
				row("OTP without digits", "content", "4 to 8", (s) -> s.otp.send(OtpRequest.of(TO, "your code", TemplateLanguage.EN))),
				row("OTP with 3 digits", "content", "4 to 8", (s) -> s.otp.send(OtpRequest.of(TO, "code 123", TemplateLanguage.EN))),
				row("OTP with 9 digits", "content", "4 to 8", (s) -> s.otp.send(OtpRequest.of(TO, "123456789", TemplateLanguage.EN))),
				row("OTP blank content", "content", "required", (s) -> s.otp.send(OtpRequest.of(TO, "  ", TemplateLanguage.EN))),
				row("OTP dr_webhook not http", "dr_webhook", "http or https",
						(s) -> s.otp.send(OtpRequest.of(TO, "code 1234", TemplateLanguage.EN).withDrWebhook("ftp://x/y"))),
				row("language code outside the list", "language", "documented template language",
						(s) -> Mono.fromCallable(() -> TemplateLanguage.of("xx_YY"))),
				row("language code wrong case", "language", "documented template language",
						(s) -> Mono.fromCallable(() -> TemplateLanguage.of("EN_us"))),
				// message content
				row("empty text body", "text.body", "", (s) -> s.messages.send(Message.text(TO, ""))),
				row("text body over 4096", "text.body", "4096", (s) -> s.messages.send(Message.text(TO, "x".repeat(4097)))),
				row("image link not http", "image.link", "http or https",
						(s) -> s.messages.send(Message.image(TO, MediaSource.link("file:///etc/passwd"), null))),
				row("image link not a URL", "image.link", "http or https",
						(s) -> s.messages.send(Message.image(TO, MediaSource.link("not a url"), null))),
				row("document with a blank filename", "document.filename", "required",
						(s) -> s.messages.send(Message.document(TO, MediaSource.id("m1"), " "))),
				row("latitude out of range", "location.latitude", "-90 and 90",
						(s) -> s.messages.send(Message.location(TO, 91, 10, "n", "a"))),
				row("longitude out of range", "location.longitude", "-180 and 180",
						(s) -> s.messages.send(Message.location(TO, 10, -181, "n", "a"))),
				row("dr_webhook not http", "dr_webhook", "http or https",
						(s) -> s.messages.send(Message.text(TO, "hi").withDrWebhook("mailto:ops@example.com"))),
				row("blank cus_message_id", "cus_message_id", "required",
						(s) -> s.messages.send(Message.text(TO, "hi").withCustomMessageId(" "))),
				row("header image link not http", "template.components[0].parameters[0].image.link", "http or https",
						(s) -> s.messages.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN)
							.header(HeaderParameter.image("ftp://cdn/x.png")).build()))),
				row("button index 3", "template.components[0].index", "0",
						(s) -> s.messages.send(Message.template(TO, Template.builder("order_update", TemplateLanguage.EN)
							.button(ButtonParameter.url(3, "x")).build()))),
				row("blank template name (send)", "template.name", "required",
						(s) -> s.messages.send(Message.template(TO, Template.of(" ", TemplateLanguage.EN)))),
				row("button on the SaaS send", "template.components[0].type", "header or body",
						(s) -> s.messages.sendTemplate(TemplateMessage.to(TO, Template.builder("order_update", TemplateLanguage.EN)
							.button(ButtonParameter.url(0, "x")).build()))),
				row("video header on the SaaS send", "template.components[0].parameters[0].type", "text or image",
						(s) -> s.messages.sendTemplate(TemplateMessage.to(TO, Template.builder("order_update", TemplateLanguage.EN)
							.header(HeaderParameter.video("https://cdn.example.com/v.mp4")).build()))),
				row("header image by id on the SaaS send", "template.components[0].parameters[0].image.link", "required",
						(s) -> s.messages.sendTemplate(TemplateMessage.to(TO, Template.builder("order_update", TemplateLanguage.EN)
							.header(HeaderParameter.image(MediaSource.id("m1"))).build()))),
				// templates
				row("template name with Chinese", "name", "Chinese", (s) -> s.templates.create(templateRequest().name("订单_update").build())),
				row("template name with capitals", "name", "lowercase", (s) -> s.templates.create(templateRequest().name("OrderUpdate").build())),
				row("template name with spaces", "name", "lowercase", (s) -> s.templates.create(templateRequest().name("order update").build())),
				row("template name too long", "name", "512", (s) -> s.templates.create(templateRequest().name("a".repeat(513)).build())),
				row("template without content", "content", "required", (s) -> s.templates.create(templateRequest().content(" ").build())),
				row("four buttons", "buttonComponents", "3", (s) -> s.templates.create(templateRequest()
					.button(TemplateButton.quickReply("a")).button(TemplateButton.quickReply("b"))
					.button(TemplateButton.quickReply("c")).button(TemplateButton.quickReply("d")).build())),
				row("button without text", "buttonComponents[0].text", "required",
						(s) -> s.templates.create(templateRequest().button(TemplateButton.quickReply(" ")).build())),
				row("URL button with ftp", "buttonComponents[0].url", "http or https",
						(s) -> s.templates.create(templateRequest().button(TemplateButton.url("Track", "ftp://x/{{1}}")).build())),
				row("URL button without host", "buttonComponents[0].url", "http or https",
						(s) -> s.templates.create(templateRequest().button(TemplateButton.url("Track", "https://")).build())),
				row("phone button without number", "buttonComponents[0].phoneNumber", "required",
						(s) -> s.templates.create(templateRequest().button(TemplateButton.phoneNumber("Call", " ")).build())),
				row("flow button without flow id", "buttonComponents[0].flow_id", "required",
						(s) -> s.templates.create(templateRequest().button(TemplateButton.flow("Sign up", " ")).build())),
				row("tag event without tag", "buttonComponents[0].buttonEvents[0].tagName", "required", (s) -> s.templates.create(templateRequest()
					.button(TemplateButton.quickReply("Yes").withEvents(TemplateButtonEvent.tag(" "))).build())),
				row("text event without text", "buttonComponents[0].buttonEvents[0].text", "required", (s) -> s.templates.create(templateRequest()
					.button(TemplateButton.quickReply("Yes").withEvents(TemplateButtonEvent.text(""))).build())),
				row("template event without name", "buttonComponents[0].buttonEvents[0].templateName", "required", (s) -> s.templates.create(templateRequest()
					.button(TemplateButton.quickReply("Yes").withEvents(TemplateButtonEvent.template(314, " "))).build())),
				row("page number 0", "page_number", "at least 1", (s) -> s.templates.list(TemplateListRequest.page(0, 10))),
				row("page size 0", "page_size", "at least 1", (s) -> s.templates.list(TemplateListRequest.page(1, 0))),
				// media
				row("image over 5 MB", "file", "5", (s) -> s.media.upload(MediaUploadRequest.of(new byte[5 * 1024 * 1024 + 1],
						"big.png", MediaType.IMAGE_PNG))),
				row("sticker as a template header example", "file", "image/webp", (s) -> s.media.upload(
						MediaUploadRequest.of(new byte[10], "s.webp", MediaType.parseMediaType("image/webp")))),
				row("audio as a template header example", "file", "audio/mpeg", (s) -> s.media.upload(
						MediaUploadRequest.of(new byte[10], "a.mp3", MediaType.parseMediaType("audio/mpeg")))),
				row("unsupported media type", "file", "image/gif",
						(s) -> s.media.upload(MediaUploadRequest.of(new byte[10], "a.gif", MediaType.IMAGE_GIF))),
				row("empty file", "file", "empty", (s) -> s.media.upload(MediaUploadRequest.of(new byte[0], "a.png", MediaType.IMAGE_PNG))),
				row("missing file", "file", "", (s) -> s.media.upload(Path.of("does/not/exist.png"))),
				// integrator
				row("app name blank", "app_name", "required", (s) -> s.integrator.createApp(" ", "https://example.com/hook")),
				row("webhook not http", "webhook", "http or https", (s) -> s.integrator.createApp("Acme", "example.com/hook")));
		return rows.stream();
	}

	private static Arguments row(String description, String field, String rule, Function<Services, Mono<?>> call) {
		return arguments(description, field, rule, call);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badInputs")
	void badInputIsRejectedBeforeAnyCallNamingFieldAndRule(String description, String field, String rule,
			Function<Services, Mono<?>> call) {
		Services target = description.contains("anywhere") ? this.noDefaults : this.services;
		Throwable error = Mono.defer(() -> call.apply(target))
			.then(Mono.<Throwable>empty())
			.onErrorResume(Mono::just)
			.block();
		assertThat(error).as(description).isInstanceOf(NxCloudValidationException.class);
		NxCloudValidationException validation = (NxCloudValidationException) error;
		assertThat(validation.getField()).as(description).isEqualTo(field);
		assertThat(validation.getRule()).as(description).containsIgnoringCase(rule);
		assertThat(validation.getMessage()).contains(field);
	}

	private static final class Services {

		final DefaultNxCloudMessageService messages;

		final DefaultNxCloudOtpService otp;

		final DefaultNxCloudPhoneService phones;

		final DefaultNxCloudTemplateService templates;

		final DefaultNxCloudFlowService flows;

		final DefaultNxCloudMediaService media;

		final DefaultNxCloudIntegratorService integrator;

		Services(NxCloudClient client) {
			this.messages = new DefaultNxCloudMessageService(client);
			this.otp = new DefaultNxCloudOtpService(client);
			this.phones = new DefaultNxCloudPhoneService(client);
			this.templates = new DefaultNxCloudTemplateService(client);
			this.flows = new DefaultNxCloudFlowService(client);
			this.media = new DefaultNxCloudMediaService(client);
			this.integrator = new DefaultNxCloudIntegratorService(client);
		}

	}

}
