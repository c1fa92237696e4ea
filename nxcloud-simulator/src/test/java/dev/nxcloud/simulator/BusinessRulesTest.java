package dev.nxcloud.simulator;

import dev.nxcloud.simulator.state.App;
import dev.nxcloud.simulator.state.BusinessPhone;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

}
