package dev.nxcloud.whatsapp.phone;

import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.error.NxCloudInvalidResponseException;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.phone.PhoneInfo.CodeVerificationStatus;
import dev.nxcloud.whatsapp.phone.PhoneInfo.QualityRating;
import dev.nxcloud.whatsapp.phone.PhoneInfo.Status;
import dev.nxcloud.whatsapp.testsupport.IndependentSignature;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudPhoneServiceTests {

	private static final String SEED_RESPONSE = """
			{
			"code": 0,
			"data": {
			"86xxx24": [
			{
			"display_phone_number": "+86 xxx 24",
			"quality_rating": "GREEN",
			"name_status": "APPROVED",
			"verified_name": "GLORY JACK",
			"code_verification_status": "VERIFIED",
			"current_limit": "",
			"status": "CONNECTED"
			}
			],
			"1xxx99": [
			{
			"display_phone_number": "+1 xxx99",
			"quality_rating": "GREEN",
			"name_status": "APPROVED",
			"verified_name": "Glory HK",
			"code_verification_status": "NOT_VERIFIED",
			"current_limit": "",
			"status": "CONNECTED"
			}
			]
			},
			"message": "Request successful"
			}""";

	private final RecordingServer server = new RecordingServer();

	@AfterEach
	void close() {
		this.server.close();
	}

	private NxCloudPhoneService service(NxCloudDefaults defaults) {
		return new DefaultNxCloudPhoneService(TestClients.client(this.server.baseUrl(), defaults));
	}

	@Test
	void getPhonePostsTheDocumentedSignedRequestAndDecodesTheSeedExample() throws Exception {
		this.server.reply(SEED_RESPONSE);
		StepVerifier.create(service(new NxCloudDefaults("jh42xxxd434", null, null))
			.getPhones(PhoneInfoRequest.of("18500000099", "8613800000024")))
			.assertNext((phones) -> {
				assertThat(phones.byPhone()).containsOnlyKeys("86xxx24", "1xxx99");
				PhoneInfo jack = phones.get("86xxx24").orElseThrow();
				assertThat(jack.displayPhoneNumber()).isEqualTo("+86 xxx 24");
				assertThat(jack.qualityRating()).isEqualTo(QualityRating.GREEN);
				assertThat(jack.nameStatus()).isEqualTo(PhoneInfo.NameStatus.APPROVED);
				assertThat(jack.verifiedName()).isEqualTo("GLORY JACK");
				assertThat(jack.codeVerificationStatus()).isEqualTo(CodeVerificationStatus.VERIFIED);
				assertThat(jack.currentLimit()).isEqualTo(PhoneInfo.MessagingLimit.UNKNOWN);
				assertThat(jack.status()).isEqualTo(Status.CONNECTED);
				assertThat(phones.phones().get("1xxx99").codeVerificationStatus())
					.isEqualTo(CodeVerificationStatus.NOT_VERIFIED);
			})
			.verifyComplete();
		RecordingServer.Recorded request = this.server.lastRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/api/wa/getPhone");
		assertThat(request.header("Content-Type")).startsWith("application/json");
		assertThat(request.header("action")).isEqualTo("getPhone");
		assertThat(request.header("bizType")).isEqualTo("2");
		assertThat(request.header("accessKey")).isEqualTo(TestClients.ACCESS_KEY);
		assertThat(request.bodyText()).isEqualTo(
				"{\"appkey\":\"jh42xxxd434\",\"business_phones\":\"18500000099,8613800000024\",\"messaging_product\":\"whatsapp\"}");
		assertThat(request.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", request, TestClients.ACCESS_SECRET, true));
	}

	@Test
	void theResponseTablesShapeIsReadAsWellAndKeyedByTheDisplayedNumber() {
		this.server.reply("""
				{"code": 0, "message": "Request successful", "data": {"business_phones": [
				{"display_phone_number": "+86 158 0000 1795", "quality_rating": "YELLOW", "verified_name": "GLORY JACK",
				"name_status": "APPROVED", "status": "CONNECTED", "current_limit": "TIER_1K",
				"code_verification_status": "VERIFIED"},
				{"display_phone_number": "+1 (555) 000-0999", "quality_rating": "GREEN", "verified_name": "Glory HK",
				"status": "FLAGGED"}
				]}}""");
		StepVerifier.create(service(new NxCloudDefaults("app1", null, null)).getPhones())
			.assertNext((phones) -> {
				assertThat(phones.byPhone()).containsOnlyKeys("8615800001795", "15550000999");
				PhoneInfo jack = phones.get("8615800001795").orElseThrow();
				assertThat(jack.verifiedName()).isEqualTo("GLORY JACK");
				assertThat(jack.qualityRating()).isEqualTo(QualityRating.YELLOW);
				assertThat(jack.currentLimit()).isEqualTo(PhoneInfo.MessagingLimit.TIER_1K);
				assertThat(phones.phones().get("15550000999").status()).isEqualTo(Status.FLAGGED);
			})
			.verifyComplete();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"business_phones": [{"verified_name": "no number", "status": "CONNECTED"}]} | data.business_phones[0].display_phone_number
			{"business_phones": [{"display_phone_number": "+1 555"}, null]}              | data.business_phones[1]
			{"business_phones": "8615800001795"}                                          | data.business_phones
			{"business_phones": {"display_phone_number": "+1 555"}}                       | data.business_phones
			{"8615800001795": [{"status": ["CONNECTED"]}]}                                | data.8615800001795[0].status
			{"8615800001795": 42}                                                         | data.8615800001795
			{"8615800001795": {"status": "CONNECTED"}}                                    | data.8615800001795
			[{"display_phone_number": "+86 158 0000 1795"}]                               | data
			""")
	void aShapeThatCannotBeReadIsAnInvalidResponseNamingTheField(String data, String field) {
		this.server.reply("{\"code\":0,\"data\":" + data + "}");
		StepVerifier.create(service(new NxCloudDefaults("app1", null, null)).getPhones())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudInvalidResponseException.class)
				.hasMessageContaining("getPhone")
				.hasMessageContaining(field + " "))
			.verify();
	}

	@Test
	void allPhonesOfTheDefaultAppLeavesBusinessPhonesOut() {
		this.server.reply("{\"code\":0,\"data\":{}}");
		StepVerifier.create(service(new NxCloudDefaults("app1", null, null)).getPhones())
			.assertNext((phones) -> assertThat(phones.byPhone()).isEmpty())
			.verifyComplete();
		assertThat(this.server.lastRequest().bodyText())
			.isEqualTo("{\"appkey\":\"app1\",\"messaging_product\":\"whatsapp\"}");
	}

	@Test
	void unknownEnumValuesAndFieldsAreTolerated() {
		this.server.reply("{\"code\":\"0\",\"data\":{\"1\":[{\"status\":\"SOMETHING_NEW\",\"quality_rating\":\"PURPLE\","
				+ "\"current_limit\":\"TIER_2K\",\"brand_new\":{\"x\":1}}]}}");
		StepVerifier.create(service(new NxCloudDefaults("app1", null, null)).getPhones())
			.assertNext((phones) -> {
				PhoneInfo info = phones.get("1").orElseThrow();
				assertThat(info.status()).isEqualTo(Status.UNKNOWN);
				assertThat(info.qualityRating()).isEqualTo(QualityRating.UNKNOWN);
				assertThat(info.currentLimit()).isEqualTo(PhoneInfo.MessagingLimit.UNKNOWN);
			})
			.verifyComplete();
	}

	@Test
	void missingAppKeyIsRejectedBeforeAnyCall() {
		StepVerifier.create(service(TestClients.NO_DEFAULTS).getPhones())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudValidationException.class)
				.hasMessageContaining("'appkey'")
				.hasMessageContaining("NxCloudClient.builder().appKey(…)"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void malformedBusinessPhoneIsRejectedBeforeAnyCall() {
		StepVerifier.create(service(new NxCloudDefaults("app1", null, null))
			.getPhones(PhoneInfoRequest.of("8613800000023", "+8613800000024")))
			.expectErrorSatisfies((ex) -> assertThat(((NxCloudValidationException) ex).getField())
				.isEqualTo("business_phones[1]"))
			.verify();
		assertThat(this.server.requests()).isEmpty();
	}

}
