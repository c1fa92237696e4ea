package dev.nxcloud.whatsapp.flow;

import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.error.NxCloudInvalidResponseException;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.flow.WhatsAppFlow.Category;
import dev.nxcloud.whatsapp.flow.WhatsAppFlow.Status;
import dev.nxcloud.whatsapp.testsupport.IndependentSignature;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudFlowServiceTests {

	// NxCloud's page calls its only example "Sample Response 3"
	private static final String SEED_RESPONSE = """
			{
			"code": 0,
			"message": "",
			"data": {
			"data": [
			{
			"name": "hqq_flow_endpoint_001",
			"status": "PUBLISHED",
			"categories": [
			"SIGN_UP"
			],
			"validation_errors": [],
			"id": "803348158336427"
			}
			]
			},
			"traceId": "e0fcc69fde9547dd919d1ecbeb10787c"
			}""";

	private static final String PHONE = "8615800001795";

	private final RecordingServer server = new RecordingServer();

	@AfterEach
	void close() {
		this.server.close();
	}

	private NxCloudFlowService service(NxCloudDefaults defaults) {
		return new DefaultNxCloudFlowService(TestClients.client(this.server.baseUrl(), defaults));
	}

	@Test
	void listSendsTheDocumentedRequestAndDecodesTheSeedExample() throws Exception {
		this.server.reply(SEED_RESPONSE);
		StepVerifier.create(service(new NxCloudDefaults(null, PHONE, 123L)).list()).assertNext((flow) -> {
			assertThat(flow.id()).isEqualTo("803348158336427");
			assertThat(flow.name()).isEqualTo("hqq_flow_endpoint_001");
			assertThat(flow.status()).isEqualTo(Status.PUBLISHED);
			assertThat(flow.categories()).containsExactly(Category.SIGN_UP);
			assertThat(flow.validationErrors()).isEmpty();
		}).verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/saas/wa/flow/" + PHONE);
		assertThat(request.uri().getRawQuery()).isEqualTo("tenant_id=123");
		assertThat(request.header("Content-Type")).startsWith("application/json");
		assertThat(request.header("action")).isEqualTo("mt");
		assertThat(request.header("bizType")).isEqualTo("2");
		assertThat(request.body()).isEmpty();
		assertThat(request.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, false));
	}

	@Test
	void theResponseTablesShapeIsReadAsWell() {
		this.server.reply("""
				{"code":0,"message":"","data":[{"name":"sign_up","status":"PUBLISHED","categories":["SIGN_UP"],
				"id":"803348158336427"},{"name":"survey","status":"DRAFT","categories":["SURVEY"],"id":"2"}]}""");
		StepVerifier.create(service(new NxCloudDefaults(null, PHONE, 1L)).list().map(WhatsAppFlow::name))
			.expectNext("sign_up", "survey")
			.verifyComplete();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"list": [{"id": "1"}]}     | data.data
			{"data": [{"id": "1"}, null]} | data.data[1]
			[{"id": "1"}, null]         | data[1]
			{"data": [["1"]]}           | data.data[0]
			"803348158336427"           | data
			{"data": {"id": "1"}}       | data.data
			""")
	void aShapeThatCannotBeReadIsAnInvalidResponseNamingTheField(String data, String field) {
		this.server.reply("{\"code\":0,\"data\":" + data + "}");
		StepVerifier.create(service(new NxCloudDefaults(null, PHONE, 1L)).list())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class)
				.hasMessageContaining("listFlows")
				.hasMessageContaining(field + " "))
			.verify();
	}

	@Test
	void theRequestsPhoneAndTenantWinOverTheDefaults() {
		this.server.reply("{\"code\":0,\"data\":{\"data\":[]}}");
		StepVerifier.create(service(new NxCloudDefaults(null, PHONE, 123L))
			.list(FlowListRequest.configured().withBusinessPhone("85255501234").withTenantId(9))).verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertThat(request.path()).isEqualTo("/saas/wa/flow/85255501234");
		assertThat(request.uri().getRawQuery()).isEqualTo("tenant_id=9");
	}

	@Test
	void undocumentedValuesReadAsUnknownAndMissingListsAsEmpty() {
		this.server.reply("""
				{"code":0,"data":{"data":[{"id":803348158336427,"status":"ARCHIVED","categories":["SIGN_IN","QUIZ",
				"OTHER"],"validation_errors":[{"error":"INVALID_PROPERTY","message":"x","line_start":3}]},
				{"id":"2","status":"THROTTLED","categories":null,"validation_errors":null}]}}""")
			.reply("{\"code\":0,\"data\":null}");
		NxCloudFlowService service = service(new NxCloudDefaults(null, PHONE, 1L));
		StepVerifier.create(service.list()).assertNext((flow) -> {
			assertThat(flow.id()).isEqualTo("803348158336427");
			assertThat(flow.status()).isEqualTo(Status.UNKNOWN);
			assertThat(flow.categories()).containsExactly(Category.SIGN_IN, Category.UNKNOWN, Category.OTHER);
			assertThat(flow.validationErrors()).hasSize(1);
			assertThat(flow.validationErrors().get(0).get("error").stringValue()).isEqualTo("INVALID_PROPERTY");
		}).assertNext((flow) -> {
			assertThat(flow.status()).isEqualTo(Status.THROTTLED);
			assertThat(flow.categories()).isEmpty();
			assertThat(flow.validationErrors()).isEmpty();
		}).verifyComplete();
		StepVerifier.create(service.list()).verifyComplete();
	}

	@Test
	void missingPhoneOrTenantIsRejectedBeforeAnyCall() {
		StepVerifier.create(service(new NxCloudDefaults(null, null, 1L)).list())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.hasMessageContaining("'phone'")
				.hasMessageContaining("NxCloudClient.builder().businessPhone(…)"))
			.verify();
		StepVerifier.create(service(new NxCloudDefaults(null, PHONE, null)).list())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.hasMessageContaining("'tenant_id'")
				.hasMessageContaining("NxCloudClient.builder().tenantId(…)"))
			.verify();
		StepVerifier.create(service(new NxCloudDefaults(null, "86-158", 1L)).list())
			.expectErrorSatisfies((ex) -> assertThat(((NxCloudValidationException) ex).getField()).isEqualTo("phone"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

}
