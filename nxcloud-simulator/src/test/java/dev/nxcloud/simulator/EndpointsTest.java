package dev.nxcloud.simulator;

import java.util.HashMap;
import java.util.Map;

import dev.nxcloud.simulator.TestClient.Response;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointsTest {

	private NxCloudSimulator sim;

	private TestClient client;

	private DemoAccount demo;

	@BeforeEach
	void start() {
		this.sim = NxCloudSimulator.builder().build().start();
		this.client = new TestClient(this.sim);
		this.demo = this.sim.demoAccount();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.sim.close();
	}

	private String saas(String path) {
		return path.replace("{phone}", this.demo.businessPhone());
	}

	private static JsonNode ok(Response response) {
		assertThat(response.status()).isEqualTo(200);
		JsonNode json = response.json();
		assertThat(json.get("code").asInt()).as(response.body()).isZero();
		assertThat(json.get("traceId").asString()).matches("[0-9a-f]{32}");
		return json.get("data");
	}

	@Test
	void createApp() {
		JsonNode data = ok(this.client.post("/api/wa/integrator/embedded/register/createApp", "createApp",
				"{\"app_name\":\"Whatsapp\",\"webhook\":\"https://example.invalid/api/webhook/whatsApp\"}"));
		assertThat(data.propertyNames()).containsExactly("app_id", "app_name", "app_key");
		assertThat(data.get("app_id").asLong()).isGreaterThan(this.demo.appId());
		assertThat(data.get("app_name").asString()).isEqualTo("Whatsapp");
		assertThat(this.sim.state().app(data.get("app_key").asString())).isPresent();
	}

	@Test
	void getPhone() {
		JsonNode data = ok(this.client.post("/api/wa/getPhone", "getPhone", "{\"business_phones\":\""
				+ this.demo.businessPhone() + "\",\"appkey\":\"" + this.demo.appKey()
				+ "\",\"messaging_product\":\"whatsapp\"}"));
		JsonNode phone = data.get(this.demo.businessPhone()).get(0);
		assertThat(phone.propertyNames()).containsExactlyInAnyOrder("display_phone_number", "quality_rating",
				"verified_name", "name_status", "status", "current_limit", "code_verification_status");
		assertThat(phone.get("status").asString()).isEqualTo("CONNECTED");
		assertThat(phone.get("quality_rating").asString()).isEqualTo("GREEN");
		JsonNode all = ok(this.client.post("/api/wa/getPhone", "getPhone",
				"{\"appkey\":\"" + this.demo.appKey() + "\",\"messaging_product\":\"whatsapp\"}"));
		assertThat(all.propertyNames()).containsExactly(this.demo.businessPhone());
	}

	@Test
	void getPhoneAnswersTheTablesShapeWhenAsked() {
		try (NxCloudSimulator table = NxCloudSimulator.builder()
			.getPhoneShape(GetPhoneShape.BUSINESS_PHONES_ARRAY)
			.build()
			.start(); TestClient tableClient = new TestClient(table)) {
			JsonNode data = ok(tableClient.post("/api/wa/getPhone", "getPhone",
					"{\"appkey\":\"" + this.demo.appKey() + "\",\"messaging_product\":\"whatsapp\"}"));
			assertThat(data.propertyNames()).containsExactly("business_phones");
			assertThat(data.get("business_phones")).singleElement().satisfies((phone) -> {
				assertThat(phone.get("display_phone_number").asString().replaceAll("\\D", ""))
					.as("the phone, told apart by its display number").isEqualTo(this.demo.businessPhone());
				assertThat(phone.get("status").asString()).isEqualTo("CONNECTED");
			});
		}
	}

	@Test
	void otpUsesTheCustomMessageId() {
		JsonNode data = ok(this.client.post("/api/wa/otp", "mt", "{\"appkey\":\"" + this.demo.appKey()
				+ "\",\"business_phone\":\"" + this.demo.businessPhone() + "\",\"messaging_product\":\"whatsapp\","
				+ "\"recipient_type\":\"individual\",\"to\":\"861370000446\",\"cus_message_id\":\"mmuud333dtee003444\","
				+ "\"language_code\":\"en\",\"content\":\"Your code is 789033\"}"));
		assertThat(data.get("messaging_product").asString()).isEqualTo("whatsapp");
		assertThat(data.get("messages").get(0).get("id").asString()).isEqualTo("mmuud333dtee003444");
		assertThat(this.sim.state().message("mmuud333dtee003444")).hasValueSatisfying((message) -> {
			assertThat(message.templateName()).isEqualTo("demo_otp");
			assertThat(message.to()).isEqualTo("861370000446");
		});
	}

	@Test
	void otpWithoutBusinessPhoneUsesTheAppsNumber() {
		JsonNode data = ok(this.client.post("/api/wa/otp", "mt", "{\"appkey\":\"" + this.demo.appKey()
				+ "\",\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\"861370000446\","
				+ "\"language_code\":\"en\",\"content\":\"123456\"}"));
		String id = data.get("messages").get(0).get("id").asString();
		assertThat(id).matches("wamid\\.[0-9a-f]{32}");
		assertThat(this.sim.messages()).singleElement()
			.satisfies((m) -> assertThat(m.businessPhone()).isEqualTo(this.demo.businessPhone()));
	}

	@Test
	void mtTemplateAndText() {
		JsonNode template = ok(this.client.post("/api/wa/mt", "mt", "{\"appkey\":\"" + this.demo.appKey()
				+ "\",\"business_phone\":\"" + this.demo.businessPhone() + "\",\"messaging_product\":\"whatsapp\","
				+ "\"recipient_type\":\"individual\",\"to\":\"8613600009759\",\"type\":\"template\",\"template\":"
				+ "{\"name\":\"order_update\",\"language\":{\"code\":\"en_US\",\"policy\":\"deterministic\"},"
				+ "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"David\"}]}]}}"));
		assertThat(template.get("messages").get(0).get("id").asString()).startsWith("wamid.");
		JsonNode text = ok(this.client.post("/api/wa/mt", "mt", "{\"appkey\":\"" + this.demo.appKey()
				+ "\",\"business_phone\":\"" + this.demo.businessPhone() + "\",\"messaging_product\":\"whatsapp\","
				+ "\"recipient_type\":\"individual\",\"to\":\"8613600009759\",\"type\":\"text\","
				+ "\"cus_message_id\":\"wamid.HBgLODUyNTUzMTE3MDUVAgARGBI\",\"text\":{\"body\":\"hello\"}}"));
		assertThat(text.get("messages").get(0).get("id").asString()).isEqualTo("wamid.HBgLODUyNTUzMTE3MDUVAgARGBI");
		assertThat(this.sim.messages()).extracting("type").containsExactly("template", "text");
	}

	@Test
	void saasSend() {
		Response response = this.client.post("/saas/wa/send", "mt", saasSendBody("spring_promo", "en"));
		JsonNode data = ok(response);
		assertThat(data.propertyNames()).containsExactly("message_id");
		assertThat(data.get("message_id").asString()).matches("wamid\\.[0-9a-f]{32}");
		assertThat(response.json().get("message").asString()).isEmpty();
	}

	String saasSendBody(String template, String language) {
		return "{\"tenant_id\":" + this.demo.tenantId() + ",\"appkey\":\"" + this.demo.appKey()
				+ "\",\"business_phone\":\"" + this.demo.businessPhone() + "\",\"messaging_product\":\"whatsapp\","
				+ "\"recipient_type\":\"individual\",\"to\":\"8613600009759\",\"type\":\"template\",\"template\":"
				+ "{\"name\":\"" + template + "\",\"language\":{\"code\":\"" + language
				+ "\",\"policy\":\"deterministic\"}}}";
	}

	@Test
	void templateLifecycle() {
		String create = "{\"name\":\"test_23\",\"tenant_id\":1,\"language\":\"af\",\"category_type\":1,"
				+ "\"content\":\"send message content: WhatsApp:{{WhatsApp}}, end message\",\"headerText\":\"\","
				+ "\"footerText\":\"foot\",\"tag_name\":\"tag1\",\"is_close_auto_flow\":0,\"buttonComponents\":["
				+ "{\"customizeType\":\"conventional\",\"text\":\"button1\",\"type\":\"QUICK_REPLY\",\"buttonEvents\":"
				+ "[{\"event\":\"tag\",\"tagName\":\"Viber tag\"},{\"event\":\"template\",\"templateId\":314,"
				+ "\"templateName\":\"buttontest22\"}]},{\"text\":\"web1\",\"type\":\"URL\",\"url\":\"https://x.invalid/\"},"
				+ "{\"text\":\"phone\",\"type\":\"PHONE_NUMBER\",\"phoneNumber\":\"8613128000\"}]}";
		long id = ok(this.client.post(saas("/saas/wa/template/{phone}"), "mt", create)).get("id").asLong();

		JsonNode detail = ok(this.client.get(saas("/saas/wa/template/{phone}/" + id + "?tenant_id=1")));
		assertThat(detail.get("id").asLong()).isEqualTo(id);
		assertThat(detail.get("status").asString()).isEqualTo("APPROVED");
		assertThat(detail.get("category").asString()).isEqualTo("MARKETING");
		assertThat(detail.get("quality_score").get("score").asString()).isEqualTo("UNKNOWN");
		JsonNode components = detail.get("components");
		assertThat(components.findValuesAsString("type")).contains("BODY", "FOOTER", "BUTTONS");
		JsonNode buttons = components.get(components.size() - 1).get("buttons");
		assertThat(buttons).hasSize(3);
		JsonNode reqs = buttons.get(0).get("buttonReqs");
		assertThat(reqs.get("payload").asString()).isNotEmpty();
		assertThat(reqs.get("buttonEvents").get(1).get("templateId").asLong()).isEqualTo(314);
		assertThat(buttons.get(1).get("buttonReqs").isNull()).isTrue();
		assertThat(buttons.get(2).get("phone_number").asString()).isEqualTo("+8613128000");

		String update = create.replace("{\"name\":\"test_23\"", "{\"id\":" + id + ",\"name\":\"test_24\"")
			.replace("\"footerText\":\"foot\"", "\"footerText\":\"new foot\"");
		assertThat(ok(this.client.call(HttpMethod.PUT, saas("/saas/wa/template/{phone}"), "mt", update, (h) -> {
		})).get("id").asLong()).isEqualTo(id);

		JsonNode list = ok(this.client.get(saas("/saas/wa/template/{phone}?page_number=1&page_size=10&name=test_&tenant_id=1")));
		assertThat(list.get("total").asInt()).isEqualTo(1);
		assertThat(list.get("has_next_page").asBoolean()).isFalse();
		JsonNode item = list.get("list").get(0);
		assertThat(item.get("name").asString()).isEqualTo("test_24");
		assertThat(item.get("status").asInt()).isEqualTo(2);
		assertThat(item.get("channel").asInt()).isEqualTo(2);
		assertThat(item.get("language_name").asString()).isEqualTo("Afrikaans");
		assertThat(item.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

		Response deleted = this.client.call(HttpMethod.DELETE, saas("/saas/wa/template/{phone}/" + id + "?tenant_id=1"),
				"mt", "", (h) -> {
				});
		assertThat(deleted.code()).isZero();
		assertThat(deleted.json().get("data").isNull()).isTrue();
		assertThat(this.client.get(saas("/saas/wa/template/{phone}/" + id + "?tenant_id=1")).code()).isEqualTo(22093);
	}

	@Test
	void templateDetailCarriesTheDocumentedFields() {
		String create = "{\"name\":\"detail_fields\",\"tenant_id\":1,\"language\":\"en\",\"category_type\":2,"
				+ "\"content\":\"WhatsApp:{{WhatsApp}}, order {{1}}\",\"buttonComponents\":[{\"type\":\"QUICK_REPLY\","
				+ "\"customizeType\":\"conventional\",\"text\":\"b1\",\"buttonEvents\":[{\"event\":\"tag\","
				+ "\"tagName\":\"Viber tag\"}]},{\"type\":\"QUICK_REPLY\",\"customizeType\":\"unsubscribe\","
				+ "\"text\":\"b2\",\"buttonEvents\":[{\"event\":\"tag\",\"tagName\":\"Viber tag\"},{\"event\":"
				+ "\"tag\",\"tagName\":\"other\"}]},{\"type\":\"flow\",\"text\":\"f\",\"flow_id\":\"803348158336427\"}]}";
		long id = ok(this.client.post(saas("/saas/wa/template/{phone}"), "mt", create)).get("id").asLong();
		JsonNode detail = ok(this.client.get(saas("/saas/wa/template/{phone}/" + id + "?tenant_id=1")));
		assertThat(detail.get("channel").asInt()).isEqualTo(2);
		assertThat(detail.get("category_type").asInt()).isEqualTo(2);
		JsonNode components = detail.get("components");
		JsonNode bodyText = components.get(0).get("example").get("body_text");
		assertThat(bodyText.get(0).valueStream().map(JsonNode::asString)).as("example values, not variable names")
			.containsExactly("8613800000000", "example_1");
		JsonNode buttons = components.get(1).get("buttons");
		long viberTag = buttons.get(0).get("buttonReqs").get("buttonEvents").get(0).get("tagId").asLong();
		long otherTag = buttons.get(1).get("buttonReqs").get("buttonEvents").get(1).get("tagId").asLong();
		assertThat(detail.get("tag_ids").valueStream().map(JsonNode::asLong)).containsExactly(viberTag, otherTag);
		JsonNode flow = buttons.get(2);
		assertThat(flow.get("type").asString()).isEqualTo("FLOW");
		assertThat(flow.get("navigate_screen").asString()).as("the demo flow's first screen").isEqualTo("SIGN_UP");
		assertThat(flow.get("flow_action").asString()).isEqualTo("NAVIGATE");
		assertThat(buttons.get(0).get("navigate_screen").isNull()).isTrue();
	}

	@Test
	void categoryTypeIsNumberedAsThePagesNumberIt() {
		JsonNode list = ok(this.client.get(saas("/saas/wa/template/{phone}?page_number=1&page_size=10&tenant_id=1")))
			.get("list");
		Map<String, JsonNode> byName = new HashMap<>();
		list.forEach((item) -> byName.put(item.get("name").asString(), item.get("category_type")));
		assertThat(byName.get("spring_promo").asInt()).isEqualTo(1);
		assertThat(byName.get("order_update").asInt()).isEqualTo(2);
		assertThat(byName.get("demo_otp").isNull()).as("AUTHENTICATION has no number on the pages").isTrue();
	}

	@Test
	void templateListPages() {
		JsonNode first = ok(this.client.get(saas("/saas/wa/template/{phone}?page_number=1&page_size=2&tenant_id=1")));
		assertThat(first.get("list")).hasSize(2);
		assertThat(first.get("total").asInt()).isEqualTo(3);
		assertThat(first.get("has_next_page").asBoolean()).isTrue();
		JsonNode second = ok(this.client.get(saas("/saas/wa/template/{phone}?page_number=2&page_size=2&tenant_id=1")));
		assertThat(second.get("list")).hasSize(1);
		assertThat(second.get("has_next_page").asBoolean()).isFalse();
	}

	@Test
	void flowList() {
		JsonNode data = ok(this.client.get(saas("/saas/wa/flow/{phone}?tenant_id=1")));
		JsonNode flow = data.get("data").get(0);
		assertThat(flow.propertyNames()).containsExactly("name", "status", "categories", "validation_errors", "id");
		assertThat(flow.get("status").asString()).isEqualTo("PUBLISHED");
	}

	@Test
	void mediaUploadSignsWithoutBodyAndServesTheFile() {
		JsonNode data = ok(this.client.upload(this.demo.businessPhone(), "1705405371581.jpg", "image/png", "PNGDATA"));
		assertThat(data.propertyNames()).containsExactly("h", "media_id", "original_filename", "mime_type", "url");
		assertThat(data.get("h").asString().split("\n")).as("several handles, one a line, as in the page's example")
			.hasSize(4)
			.doesNotHaveDuplicates()
			.allSatisfy((handle) -> assertThat(handle)
				.startsWith("4:MTcwNTQwNTM3MTU4MS5qcGc=:aW1hZ2UvcG5n:")
				.matches("4(:[^:\\s]+){3}:e:\\d+(:[^:\\s]+){3}"));
		assertThat(data.get("original_filename").asString()).isEqualTo("1705405371581.jpg");
		assertThat(data.get("mime_type").asString()).isEqualTo("image/png");
		String file = this.client.http()
			.get()
			.uri(data.get("url").asString())
			.responseContent()
			.aggregate()
			.asString()
			.block();
		assertThat(file).isEqualTo("PNGDATA");
	}

	@Test
	void unknownPathsAre404() {
		assertThat(this.client.post("/api/wa/nothing", "mt", "{}").status()).isEqualTo(404);
		assertThat(this.client.get("/api/wa/mt").status()).isEqualTo(405);
	}

}
