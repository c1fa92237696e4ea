package dev.nxcloud.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nxcloud.simulator.ErrorCodes.Page;
import dev.nxcloud.simulator.state.Account;
import dev.nxcloud.simulator.state.App;
import dev.nxcloud.simulator.state.BusinessPhone;
import dev.nxcloud.simulator.state.Template;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessRulesTest {

	private static final String OTHER_PHONE = "15550000002";

	private NxCloudSimulator sim;

	private TestClient client;

	private DemoAccount demo;

	@BeforeEach
	void start() {
		this.sim = NxCloudSimulator.builder()
			.state((state) -> state.addApp(new App("simdemoaccesskey", 2000, "other", "otherApp", null))
				.addPhone(BusinessPhone.connected(OTHER_PHONE, "otherApp", "Other")))
			.build()
			.start();
		this.client = new TestClient(this.sim);
		this.demo = this.sim.demoAccount();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.sim.close();
	}

	private int post(String path, String action, String body) {
		return this.client.post(path, action, body).code();
	}

	/** Asserts the code and that the message names the field. */
	private void refused(String path, String action, String body, int code, String field) {
		TestClient.Response response = this.client.post(path, action, body);
		assertThat(response.code()).as(body).isEqualTo(code);
		assertThat(response.json().get("message").asString()).as(body).contains(field);
	}

	private String otp(String appKey, String phone, String content, String language) {
		return "{\"appkey\":\"" + appKey + "\",\"business_phone\":\"" + phone + "\",\"messaging_product\":\"whatsapp\","
				+ "\"recipient_type\":\"individual\",\"to\":\"861370000446\",\"language_code\":\"" + language
				+ "\",\"content\":\"" + content + "\"}";
	}

	private String mtTemplate(String phone, String name, String language) {
		return "{\"appkey\":\"" + this.demo.appKey() + "\",\"business_phone\":\"" + phone
				+ "\",\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"8613600009759\","
				+ "\"type\":\"template\",\"template\":{\"name\":\"" + name + "\",\"language\":{\"code\":\"" + language
				+ "\"}}}";
	}

	private String saasSend(String tenant, String appKey, String phone, String to, String type, String template) {
		return "{" + tenant + "\"appkey\":\"" + appKey + "\",\"business_phone\":\"" + phone
				+ "\",\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"" + to
				+ "\",\"type\":\"" + type + "\"" + template + "}";
	}

	@Test
	void api2ParameterAndAppRules() {
		assertThat(post("/api/wa/otp", "mt", "{}")).isEqualTo(9000);
		assertThat(post("/api/wa/mt", "mt", mtTemplate(this.demo.businessPhone(), "order_update", "en_US")
			.replace("\"type\":\"template\"", "\"type\":\"carousel\""))).isEqualTo(9000);
		assertThat(post("/api/wa/otp", "mt", otp("nosuchapp", this.demo.businessPhone(), "123456", "en")))
			.isEqualTo(9003);
		assertThat(post("/api/wa/getPhone", "getPhone",
				"{\"appkey\":\"nosuchapp\",\"messaging_product\":\"whatsapp\"}")).isEqualTo(9003);
		assertThat(post("/api/wa/getPhone", "getPhone", "{\"appkey\":\"" + this.demo.appKey()
				+ "\",\"business_phones\":\"" + OTHER_PHONE + "\",\"messaging_product\":\"whatsapp\"}")).isEqualTo(9006);
		assertThat(post("/api/wa/otp", "mt", otp(this.demo.appKey(), OTHER_PHONE, "123456", "en"))).isEqualTo(10003);
		assertThat(post("/api/wa/mt", "mt", mtTemplate(OTHER_PHONE, "order_update", "en_US"))).isEqualTo(10003);
	}

	@Test
	void otpRules() {
		assertThat(post("/api/wa/otp", "mt", otp(this.demo.appKey(), this.demo.businessPhone(), "code abc", "en")))
			.isEqualTo(9015);
		assertThat(post("/api/wa/otp", "mt", otp(this.demo.appKey(), this.demo.businessPhone(), "123", "en")))
			.isEqualTo(9015);
		assertThat(post("/api/wa/otp", "mt", otp(this.demo.appKey(), this.demo.businessPhone(), "123456789", "en")))
			.isEqualTo(9015);
		assertThat(post("/api/wa/otp", "mt", otp(this.demo.appKey(), this.demo.businessPhone(), "1234", "xx_YY")))
			.as("an api2 page: its parameter exception, not the SaaS 22092").isEqualTo(9000);
		assertThat(post("/api/wa/otp", "mt", otp(this.demo.appKey(), this.demo.businessPhone(), "1234", "fr")))
			.isEqualTo(10005);
		assertThat(post("/api/wa/otp", "mt", otp(this.demo.appKey(), this.demo.businessPhone(), "1234", "en")
			.replace("{", "{\"category\":\"MARKETING\","))).isEqualTo(9014);
	}

	@Test
	void mtTemplateRules() {
		assertThat(post("/api/wa/mt", "mt", mtTemplate(this.demo.businessPhone(), "nope", "en_US"))).isEqualTo(10005);
		assertThat(post("/api/wa/mt", "mt", mtTemplate(this.demo.businessPhone(), "order_update", "klingon")))
			.as("an api2 endpoint: its parameter exception, not the SaaS 22092").isEqualTo(9000);
	}

	@Test
	void saasSendRules() {
		String tenant = "\"tenant_id\":1,";
		String template = ",\"template\":{\"name\":\"spring_promo\",\"language\":{\"code\":\"en\"}}";
		String app = this.demo.appKey();
		String phone = this.demo.businessPhone();
		assertThat(post("/saas/wa/send", "mt", saasSend("", app, phone, "861", "template", template)))
			.isEqualTo(21058);
		assertThat(post("/saas/wa/send", "mt", saasSend(tenant, "", phone, "8613600009759", "template", template)))
			.isEqualTo(21059);
		assertThat(post("/saas/wa/send", "mt", saasSend(tenant, app, "", "8613600009759", "template", template)))
			.isEqualTo(21060);
		assertThat(post("/saas/wa/send", "mt", saasSend(tenant, app, phone, "", "template", template)))
			.isEqualTo(21061);
		assertThat(post("/saas/wa/send", "mt", saasSend(tenant, app, phone, "8613600009759", "text", template)))
			.isEqualTo(21062);
		assertThat(post("/saas/wa/send", "mt", saasSend(tenant, app, phone, "8613600009759", "template", "")))
			.isEqualTo(21063);
		assertThat(post("/saas/wa/send", "mt", saasSend(tenant, "nosuchapp", phone, "8613600009759", "template",
				template))).isEqualTo(22124);
		assertThat(post("/saas/wa/send", "mt", saasSend(tenant, app, OTHER_PHONE, "8613600009759", "template",
				template))).isEqualTo(22126);
		assertThat(post("/saas/wa/send", "mt", saasSend(tenant, app, phone, "8613600009759", "template",
				template.replace("spring_promo", "nope")))).isEqualTo(22093);
		assertThat(post("/saas/wa/send", "mt", saasSend(tenant, app, phone, "8613600009759", "template",
				template.replace("\"en\"", "\"xx\"")))).isEqualTo(22092);
		assertThat(post("/saas/wa/send", "mt", saasSend("\"tenant_id\":99,", app, phone, "8613600009759", "template",
				template))).isEqualTo(22020);
	}

	@Test
	void templateRules() {
		String path = "/saas/wa/template/" + this.demo.businessPhone();
		String base = "{\"tenant_id\":1,\"name\":\"t1\",\"language\":\"en\",\"category_type\":2,\"content\":\"hi\"";
		String button = "{\"type\":\"QUICK_REPLY\",\"text\":\"b\"}";
		assertThat(post(path, "mt", base + ",\"buttonComponents\":[" + button + "," + button + "," + button + ","
				+ button + "]}")).isEqualTo(22070);
		assertThat(post(path, "mt", base + ",\"buttonComponents\":[{\"type\":\"QUICK_REPLY\",\"text\":\"\"}]}"))
			.isEqualTo(22216);
		assertThat(post(path, "mt", base.replace("\"en\"", "\"xx\"") + "}")).isEqualTo(22092);
		assertThat(post(path, "mt", base.replace("\"t1\"", "\"模板\"") + "}")).isEqualTo(21058);
		assertThat(post(path, "mt", base.replace("\"tenant_id\":1,", "") + "}")).isEqualTo(21058);
		assertThat(this.client.get(path + "/123?tenant_id=1").code()).isEqualTo(22093);
		assertThat(this.client.call(HttpMethod.DELETE, path + "/123?tenant_id=1", "mt", "", (h) -> {
		}).code()).isEqualTo(22093);
		assertThat(this.client.call(HttpMethod.PUT, path, "mt", base + ",\"id\":123}", (h) -> {
		}).code()).isEqualTo(22093);
		assertThat(this.client.get("/saas/wa/template/19990000000?tenant_id=1&page_number=1&page_size=1").code())
			.isEqualTo(22049);
	}

	@Test
	void createAppCapsAtOneThousandApps() {
		for (int i = this.sim.state().appsOf(this.demo.accessKey()).size(); i < 1000; i++) {
			this.sim.state().createApp(this.demo.accessKey(), "app" + i, null);
		}
		assertThat(post("/api/wa/integrator/embedded/register/createApp", "createApp",
				"{\"app_name\":\"one too many\",\"webhook\":\"http://127.0.0.1:1/hook\"}")).isEqualTo(9009);
		assertThat(post("/api/wa/integrator/embedded/register/createApp", "createApp", "{\"app_name\":\"x\"}"))
			.isEqualTo(9000);
	}

	@Test
	void createAppAnswers9007ToAnAccountThatIsNotAnIntegrator() {
		String body = "{\"app_name\":\"Whatsapp\",\"webhook\":\"https://example.invalid/hook\"}";
		this.sim.state().addAccount(new Account("plain", "plainsecret", false));
		try (TestClient plain = new TestClient(this.sim.baseUrl(), "plain", "plainsecret")) {
			TestClient.Response refused = plain.post("/api/wa/integrator/embedded/register/createApp", "createApp", body);
			assertThat(refused.code()).isEqualTo(9007);
			assertThat(refused.json().get("message").asString()).isEqualTo("Non-integrator request");
		}
		this.sim.loadSeed("{\"accounts\":[{\"access_key\":\"seeded\",\"access_secret\":\"s\",\"integrator\":false}]}");
		assertThat(this.sim.state().account("seeded")).hasValueSatisfying((a) -> assertThat(a.integrator()).isFalse());
		assertThat(this.sim.state().account(this.demo.accessKey())).hasValueSatisfying((a) -> assertThat(a.integrator())
			.isTrue());
		assertThat(post("/api/wa/integrator/embedded/register/createApp", "createApp", body)).isZero();
	}

	@Test
	void getPhoneAnswers9002ForANumberThatIsNotAWhatsappBusinessNumber() {
		String body = "{\"appkey\":\"" + this.demo.appKey() + "\",\"business_phones\":\"%s\",\"messaging_product\":\"whatsapp\"}";
		refused("/api/wa/getPhone", "getPhone", body.formatted(this.demo.businessPhone() + ",19990000000"), 9002,
				"19990000000");
		assertThat(post("/api/wa/getPhone", "getPhone", body.formatted(OTHER_PHONE))).as("bound to another app")
			.isEqualTo(9006);
	}

	@Test
	void api2SendsFromANumberThatIsNotAWhatsappBusinessNumberAnswer9002() {
		assertThat(post("/api/wa/mt", "mt", mtTemplate("19990000000", "order_update", "en_US"))).isEqualTo(9002);
		assertThat(post("/api/wa/otp", "mt", otp(this.demo.appKey(), "19990000000", "123456", "en"))).isEqualTo(9002);
	}

	@Test
	void saasSendRefusesWhatItsPageRefuses() {
		String valid = "{\"tenant_id\":1,\"appkey\":\"" + this.demo.appKey() + "\",\"business_phone\":\""
				+ this.demo.businessPhone() + "\",\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
				+ "\"to\":\"8613600009759\",\"type\":\"template\",\"template\":{\"name\":\"order_update\","
				+ "\"language\":{\"code\":\"en_US\",\"policy\":\"deterministic\"},\"components\":[COMPONENTS]}}";
		String header = "{\"type\":\"header\",\"parameters\":[{\"type\":\"image\",\"image\":{\"link\":\"LINK\"}}]}";
		String body = "{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"David\"}]}";
		String send = "/saas/wa/send";
		assertThat(post(send, "mt", valid.replace("COMPONENTS",
				header.replace("LINK", "https://example.invalid/a.png") + "," + body))).isZero();
		refused(send, "mt", valid.replace("COMPONENTS", body).replace("\"whatsapp\"", "\"sms\""), 21058,
				"messaging_product");
		refused(send, "mt", valid.replace("COMPONENTS", body).replace("\"individual\"", "\"group\""), 21058,
				"recipient_type");
		refused(send, "mt", valid.replace("COMPONENTS", body + ",{\"type\":\"button\",\"sub_type\":\"url\","
				+ "\"index\":\"0\",\"parameters\":[{\"type\":\"text\",\"text\":\"x\"}]}"), 21063,
				"template.components[1].type");
		refused(send, "mt", valid.replace("COMPONENTS", "{\"type\":\"header\",\"parameters\":[{\"type\":\"video\","
				+ "\"video\":{\"link\":\"https://example.invalid/v.mp4\"}}]}"), 21063,
				"template.components[0].parameters[0].type");
		refused(send, "mt", valid.replace("COMPONENTS", "{\"type\":\"header\",\"parameters\":[{\"type\":\"image\","
				+ "\"image\":{\"id\":\"1187184585633620\"}}]}"), 21063, "image.link");
		refused(send, "mt", valid.replace("COMPONENTS", header.replace("LINK", "ftp://example.invalid/a.png")), 21063,
				"image.link");
		refused(send, "mt", valid.replace("COMPONENTS", body.replace(",\"text\":\"David\"", "")), 21063,
				"parameters[0].text");
		refused(send, "mt", valid.replace("COMPONENTS", body).replace("8613600009759", "+86 136"), 22090,
				"Invalid number");
		assertThat(post(send, "mt", valid.replace("COMPONENTS", body).replace("\"8613600009759\"", "\"\"")))
			.as("a missing to is still 21061").isEqualTo(21061);
		assertThat(this.sim.messages()).hasSize(1);
	}

	@Test
	void templateListNeedsItsPageParameters() {
		String list = "/saas/wa/template/" + this.demo.businessPhone() + "?tenant_id=1";
		TestClient.Response noPage = this.client.get(list + "&page_size=10");
		assertThat(noPage.code()).isEqualTo(21058);
		assertThat(noPage.json().get("message").asString()).contains("page_number is required");
		TestClient.Response noSize = this.client.get(list + "&page_number=1");
		assertThat(noSize.code()).isEqualTo(21058);
		assertThat(noSize.json().get("message").asString()).contains("page_size is required");
		assertThat(this.client.get(list + "&page_number=0&page_size=10").code()).isEqualTo(21058);
		assertThat(this.client.get(list + "&page_number=1&page_size=10").code()).isZero();
	}

	@Test
	void templateButtonsFollowTheDocumentedRules() {
		String path = "/saas/wa/template/" + this.demo.businessPhone();
		String base = "{\"tenant_id\":1,\"name\":\"buttons\",\"language\":\"en\",\"category_type\":1,"
				+ "\"content\":\"hi\",\"buttonComponents\":[BUTTON]}";
		Map<String, String> refusals = new LinkedHashMap<>();
		refusals.put("{\"type\":\"QUICK_REPLY\",\"text\":\"b\"}", "buttonComponents[0].customizeType");
		refusals.put("{\"type\":\"QUICK_REPLY\",\"customizeType\":\"special\",\"text\":\"b\"}", "customizeType");
		refusals.put("{\"type\":\"PHONE_NUMBER\",\"text\":\"b\"}", "buttonComponents[0].phoneNumber");
		refusals.put("{\"type\":\"URL\",\"text\":\"b\"}", "buttonComponents[0].url");
		refusals.put("{\"type\":\"FLOW\",\"text\":\"b\"}", "buttonComponents[0].flow_id");
		refusals.put("{\"type\":\"COPY_CODE\",\"text\":\"b\"}", "buttonComponents[0].type");
		refusals.put("{\"text\":\"b\"}", "buttonComponents[0].type");
		String quickReply = "{\"type\":\"QUICK_REPLY\",\"customizeType\":\"conventional\",\"text\":\"b\","
				+ "\"buttonEvents\":[EVENT]}";
		refusals.put(quickReply.replace("EVENT", "{\"tagName\":\"t\"}"), "buttonEvents[0].event");
		refusals.put(quickReply.replace("EVENT", "{\"event\":\"webhook\"}"), "buttonEvents[0].event");
		refusals.put(quickReply.replace("EVENT", "{\"event\":\"tag\"}"), "buttonEvents[0].tagName");
		refusals.put(quickReply.replace("EVENT", "{\"event\":\"text\"}"), "buttonEvents[0].text");
		refusals.put(quickReply.replace("EVENT", "{\"event\":\"template\",\"templateName\":\"x\"}"),
				"buttonEvents[0].templateId");
		refusals.put(quickReply.replace("EVENT", "{\"event\":\"template\",\"templateId\":314}"),
				"buttonEvents[0].templateName");
		refusals.forEach((button, field) -> refused(path, "mt", base.replace("BUTTON", button), 21058, field));
		String accepted = quickReply.replace("EVENT", "{\"event\":\"tag\",\"tagName\":\"t\"},{\"event\":\"text\","
				+ "\"text\":\"x\"},{\"event\":\"template\",\"templateId\":314,\"templateName\":\"x\"}")
				+ ",{\"type\":\"flow\",\"text\":\"f\",\"flow_id\":\"803348158336427\"},{\"type\":\"PHONE_NUMBER\","
				+ "\"text\":\"p\",\"phoneNumber\":\"8613128000\"}";
		assertThat(post(path, "mt", base.replace("BUTTON", accepted))).as("sample 3 spells FLOW in lower case").isZero();
	}

	/** The handles of an upload for a phone: its {@code h}, one handle a line. */
	private List<String> uploadHandles(String phone) {
		TestClient.Response upload = this.client.upload(phone, "banner.png", "image/png", "PNG");
		assertThat(upload.code()).isZero();
		return List.of(upload.data().get("h").asString().split("\n"));
	}

	@Test
	void templateMediaTypeIsImageDocumentOrVideo() {
		String path = "/saas/wa/template/" + this.demo.businessPhone();
		String base = "{\"tenant_id\":1,\"name\":\"NAME\",\"language\":\"en\",\"category_type\":1,"
				+ "\"content\":\"hi\",\"mediaType\":\"TYPE\",\"mediaId\":\"1\",\"templateMediaId\":\""
				+ uploadHandles(this.demo.businessPhone()).get(0) + "\"}";
		for (String type : List.of("IMAGE", "DOCUMENT", "VIDEO")) {
			assertThat(post(path, "mt", base.replace("NAME", type.toLowerCase()).replace("TYPE", type))).as(type).isZero();
		}
		refused(path, "mt", base.replace("NAME", "audio").replace("TYPE", "AUDIO"), 21058, "mediaType");
		assertThat(post(path, "mt", base.replace("NAME", "none").replace("\"TYPE\"", "\"\"")))
			.as("blank, as in the update example").isZero();
	}

	@Test
	void templateMediaIdIsOneHandleAnUploadForThePhoneAnswered() {
		String path = "/saas/wa/template/" + this.demo.businessPhone();
		List<String> handles = uploadHandles(this.demo.businessPhone());
		assertThat(handles).hasSize(4);
		String base = "{\"tenant_id\":1,\"name\":\"NAME\",\"language\":\"en\",\"category_type\":1,"
				+ "\"content\":\"hi\",\"mediaType\":\"IMAGE\",\"mediaId\":\"1\",\"templateMediaId\":HANDLE}";
		for (int i = 0; i < handles.size(); i++) {
			String handle = handles.get(i);
			TestClient.Response created = this.client.post(path, "mt",
					base.replace("NAME", "banner_" + i).replace("HANDLE", "\"" + handle + "\""));
			assertThat(created.code()).as(handle).isZero();
			JsonNode header = this.client.get(path + "/" + created.data().get("id").asLong() + "?tenant_id=1")
				.data()
				.get("components")
				.get(0);
			assertThat(header.get("h").asString()).isEqualTo(handle);
		}
		String wholeH = TestClient.JSON.writeValueAsString(String.join("\n", handles));
		refused(path, "mt", base.replace("NAME", "whole_h").replace("HANDLE", wholeH), 21058, "templateMediaId");
		refused(path, "mt", base.replace("NAME", "made_up").replace("HANDLE", "\"4:x\""), 21058, "templateMediaId");
		String otherPhones = uploadHandles(OTHER_PHONE).get(0);
		refused(path, "mt", base.replace("NAME", "other_phone").replace("HANDLE", "\"" + otherPhones + "\""), 21058,
				"templateMediaId");
		String update = base.replace("{", "{\"id\":ID,").replace("NAME", "banner_0").replace("HANDLE", wholeH);
		long id = this.sim.state().templatesOf(this.demo.businessPhone()).stream()
			.filter((t) -> t.name().equals("banner_0")).findFirst().orElseThrow().id();
		TestClient.Response refusedUpdate = this.client.call(HttpMethod.PUT, path, "mt",
				update.replace("ID", Long.toString(id)), (h) -> {
				});
		assertThat(refusedUpdate.code()).as("an update is checked too").isEqualTo(21058);
	}

	@Test
	void aHandleASeededTemplateCarriesIsAccepted() {
		String seeded = "4:c2VlZGVkLmpwZw==:aW1hZ2UvanBlZw==:seeded:e:1719660668";
		this.sim.state().addTemplate(new Template(0, this.demo.businessPhone(), "seeded_banner", "en", "MARKETING",
				"APPROVED", "hi", null, "IMAGE", "1", "seeded.jpg", seeded, null, List.of(), 0, Instant.EPOCH,
				Instant.EPOCH));
		String path = "/saas/wa/template/" + this.demo.businessPhone();
		assertThat(post(path, "mt", "{\"tenant_id\":1,\"name\":\"reuse\",\"language\":\"en\",\"category_type\":1,"
				+ "\"content\":\"hi\",\"mediaType\":\"IMAGE\",\"mediaId\":\"1\",\"templateMediaId\":\"" + seeded
				+ "\"}")).isZero();
	}

	@Test
	void templateUpdateNeedsTheTemplateId() {
		String path = "/saas/wa/template/" + this.demo.businessPhone();
		String body = "{\"tenant_id\":1,\"name\":\"t1\",\"language\":\"en\",\"category_type\":2,\"content\":\"hi\"";
		TestClient.Response noId = this.client.call(HttpMethod.PUT, path, "mt", body + "}", (h) -> {
		});
		assertThat(noId.code()).isEqualTo(21058);
		assertThat(noId.json().get("message").asString()).contains("id is required");
		assertThat(this.client.call(HttpMethod.PUT, path, "mt", body + ",\"id\":\"abc\"}", (h) -> {
		}).code()).isEqualTo(21058);
	}

	/** Asserts the code and the message: the page's message for the code, then the detail, if any. */
	private void answers(TestClient.Response response, int code, String message) {
		assertThat(response.code()).as(response.body()).isEqualTo(code);
		assertThat(response.json().get("message").asString()).isEqualTo(message);
	}

	@Test
	void messagesAreTheirPagesOwn() {
		String unknownApp = "{\"appkey\":\"nosuchapp\",\"messaging_product\":\"whatsapp\"}";
		answers(this.client.post("/api/wa/otp", "mt", otp("nosuchapp", this.demo.businessPhone(), "123456", "en")),
				9003, NxCloudPages.message(Page.OTP, 9003));
		answers(this.client.post("/api/wa/getPhone", "getPhone", unknownApp), 9003,
				NxCloudPages.message(Page.OTP, 9003));
		answers(this.client.post("/api/wa/getPhone", "getPhone", "{\"appkey\":\"" + this.demo.appKey()
				+ "\",\"business_phones\":\"19990000000\",\"messaging_product\":\"whatsapp\"}"), 9002,
				NxCloudPages.message(Page.GET_PHONE, 9002) + ": 19990000000 is not a WhatsApp business number");
		answers(this.client.post("/api/wa/otp", "mt", "{}"), 9000,
				NxCloudPages.message(Page.OTP, 9000) + ": appkey is required");
		String template = ",\"template\":{\"name\":\"spring_promo\",\"language\":{\"code\":\"en\"}}";
		answers(this.client.post("/saas/wa/send", "mt", saasSend("\"tenant_id\":1,", "nosuchapp",
				this.demo.businessPhone(), "8613600009759", "template", template)), 22124,
				NxCloudPages.message(Page.SAAS_SEND, 22124));
		answers(this.client.post("/saas/wa/send", "mt", saasSend("", this.demo.appKey(), this.demo.businessPhone(),
				"8613600009759", "template", template)), 21058, NxCloudPages.message(Page.SAAS_SEND, 21058));
		answers(this.client.get("/saas/wa/template/" + this.demo.businessPhone() + "?page_number=1&page_size=1"), 21058,
				NxCloudPages.message(Page.SAAS_TEMPLATE, 21058));
		answers(this.client.get("/saas/wa/template/?tenant_id=1&page_number=1&page_size=1"), 21060,
				NxCloudPages.message(Page.SAAS_TEMPLATE, 21060));
	}

	@Test
	void codesComeFromTheEndpointsPage() {
		TestClient.Response saas = this.client.get("/saas/wa/template/19990000000?tenant_id=1&page_number=1&page_size=1");
		assertThat(saas.json().get("message").asString()).isEqualTo("Merchant with business_phone=19990000000 does not exist");
		TestClient.Response send = this.client.post("/saas/wa/send", "mt", saasSend("\"tenant_id\":1,", this.demo.appKey(),
				"19990000000", "8613600009759", "template", ",\"template\":{\"name\":\"x\",\"language\":{\"code\":\"en\"}}"));
		assertThat(send.code()).isEqualTo(22049);
		assertThat(send.json().get("message").asString()).isEqualTo("Business phone 19990000000 does not exist");
		TestClient.Response language = this.client.post("/saas/wa/template/" + this.demo.businessPhone(), "mt",
				"{\"tenant_id\":1,\"name\":\"t\",\"language\":\"xx\",\"category_type\":2,\"content\":\"hi\"}");
		assertThat(language.json().get("message").asString()).isEqualTo("Language pack not found: xx");
	}

}
