package dev.nxcloud.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import dev.nxcloud.simulator.TestClient.Response;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint with a body requires the Content-Type its page names; NxCloud's auth page lists a wrong one among
 * the causes of 1003. GET and DELETE carry no body and are not checked.
 */
class ContentTypeTest {

	private static final String BOUNDARY = "----simboundary";

	private NxCloudSimulator sim;

	private TestClient client;

	private DemoAccount demo;

	private String getPhone;

	@BeforeEach
	void start() {
		this.sim = NxCloudSimulator.builder().build().start();
		this.client = new TestClient(this.sim);
		this.demo = this.sim.demoAccount();
		this.getPhone = "{\"appkey\":\"" + this.demo.appKey() + "\",\"messaging_product\":\"whatsapp\"}";
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.sim.close();
	}

	private Response json(String path, String action, String body, String contentType) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return this.client.raw(HttpMethod.POST, path, this.client.headers(action, bytes), bytes, contentType);
	}

	private Response upload(String contentType) {
		byte[] body = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"tenant_id\"\r\n\r\n1\r\n--" + BOUNDARY
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png"
				+ "\r\n\r\nPNG\r\n--" + BOUNDARY + "--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = this.client.headers("mt", new byte[0]);
		return this.client.raw(HttpMethod.POST, "/saas/wa/media/" + this.demo.businessPhone(), headers, body,
				contentType);
	}

	@Test
	void jsonEndpointsAcceptApplicationJsonWithParameters() {
		assertThat(json("/api/wa/getPhone", "getPhone", this.getPhone, "application/json").code()).isZero();
		assertThat(json("/api/wa/getPhone", "getPhone", this.getPhone, "Application/JSON; charset=UTF-8").code())
			.isZero();
	}

	@Test
	void jsonEndpointsRefuseAnotherOrNoContentTypeWith1003() {
		Response text = json("/api/wa/getPhone", "getPhone", this.getPhone, "text/plain");
		assertThat(text.code()).isEqualTo(1003);
		assertThat(text.json().get("message").asString()).contains("Content-Type must be application/json", "text/plain");
		Response none = json("/api/wa/getPhone", "getPhone", this.getPhone, null);
		assertThat(this.sim.requests()).last().satisfies((request) -> assertThat(request.header("Content-Type")).isNull());
		assertThat(none.code()).isEqualTo(1003);
		assertThat(none.json().get("message").asString()).contains("not absent");
		String template = "{\"tenant_id\":1,\"name\":\"t\",\"language\":\"en\",\"category_type\":2,\"content\":\"hi\"}";
		assertThat(json("/saas/wa/template/" + this.demo.businessPhone(), "mt", template, "text/json").code())
			.isEqualTo(1003);
	}

	@Test
	void aMultipartTypeOnAJsonEndpointDoesNotEscapeTheBodySignature() {
		byte[] body = this.getPhone.getBytes(StandardCharsets.UTF_8);
		Map<String, String> unsignedBody = this.client.headers("getPhone", new byte[0]);
		assertThat(this.client.raw(HttpMethod.POST, "/api/wa/getPhone", unsignedBody, body,
				"multipart/form-data; boundary=" + BOUNDARY).code()).isEqualTo(1003);
	}

	@Test
	void theMediaUploadRequiresMultipart() {
		assertThat(upload("multipart/form-data; boundary=" + BOUNDARY).code()).isZero();
		Response json = upload("application/json");
		assertThat(json.code()).isEqualTo(1003);
		assertThat(json.json().get("message").asString()).contains("multipart/form-data");
		assertThat(upload(null).code()).isEqualTo(1003);
	}

	@Test
	void bodylessRequestsAreNotChecked() {
		String list = "/saas/wa/template/" + this.demo.businessPhone() + "?tenant_id=1&page_number=1&page_size=10";
		assertThat(this.client.raw(HttpMethod.GET, list, this.client.headers("mt", new byte[0]), new byte[0], null)
			.code()).isZero();
		assertThat(this.client.raw(HttpMethod.GET, list, this.client.headers("mt", new byte[0]), new byte[0],
				"text/plain").code()).isZero();
	}

}
