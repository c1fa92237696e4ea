package dev.nxcloud.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.state.AcceptedMessage;
import dev.nxcloud.whatsapp.error.NxCloudRateLimitExceededException;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.SentMessage;
import dev.nxcloud.whatsapp.otp.OtpRequest;
import dev.nxcloud.whatsapp.phone.BusinessPhones;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import dev.nxcloud.whatsapp.testsupport.IndependentSignature;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The builder is the one way to make a client; a plain Java program needs nothing else.
 */
class NxCloudClientBuilderTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String TO = "8613800000000";

	private final RecordingServer server = new RecordingServer();

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void aPlainJavaClientSendsThroughTheSimulator() {
		try (NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start()) {
			DemoAccount demo = simulator.demoAccount();
			NxCloudClient client = NxCloudClient.builder()
				.connection(NxCloudConnection.of(simulator.baseUrl(), simulator.baseUrl(), demo.accessKey(),
						demo.accessSecret()))
				.appKey(demo.appKey())
				.businessPhone(demo.businessPhone())
				.tenantId(demo.tenantId())
				.build();

			SentMessage text = client.messages().send(Message.text(TO, "Hello from plain Java")).block(TIMEOUT);
			SentMessage otp = client.otp()
				.send(OtpRequest.of(TO, "Your code is 482913", TemplateLanguage.EN))
				.block(TIMEOUT);
			BusinessPhones phones = client.phones().getPhones().block(TIMEOUT);

			AcceptedMessage accepted = simulator.state().message(text.messageId()).orElseThrow();
			assertThat(accepted.accessKey()).isEqualTo(demo.accessKey());
			assertThat(accepted.appKey()).isEqualTo(demo.appKey());
			assertThat(accepted.businessPhone()).isEqualTo(demo.businessPhone());
			assertThat(accepted.to()).isEqualTo(TO);
			assertThat(accepted.body()).contains("Hello from plain Java");
			assertThat(simulator.state().message(otp.messageId())).isPresent();
			assertThat(phones.get(demo.businessPhone())).isPresent();
		}
	}

	@Test
	void twoAccountsEachSignWithTheirOwnCredentials() throws Exception {
		NxCloudClient sales = TestClients.builder(this.server.baseUrl())
			.connection(TestClients.connection(this.server.baseUrl(), "sales-key", "sales-secret"))
			.appKey("sales-app")
			.build();
		NxCloudClient support = TestClients.builder(this.server.baseUrl())
			.connection(TestClients.connection(this.server.baseUrl(), "support-key", "support-secret"))
			.appKey("support-app")
			.build();
		sales.phones().getPhones().block(TIMEOUT);
		RecordingServer.Recorded salesRequest = this.server.lastRequest();
		support.phones().getPhones().block(TIMEOUT);
		RecordingServer.Recorded supportRequest = this.server.lastRequest();
		assertThat(salesRequest.header("accessKey")).isEqualTo("sales-key");
		assertThat(salesRequest.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", salesRequest, "sales-secret", true));
		assertThat(salesRequest.bodyText()).contains("\"appkey\":\"sales-app\"");
		assertThat(supportRequest.header("accessKey")).isEqualTo("support-key");
		assertThat(supportRequest.header("sign"))
			.isEqualTo(IndependentSignature.of("MD5", supportRequest, "support-secret", true));
		assertThat(supportRequest.bodyText()).contains("\"appkey\":\"support-app\"");
	}

	@Test
	void theGivenWebClientBuilderIsUsedButNeverChanged() throws Exception {
		WebClient.Builder application = WebClient.builder().defaultHeader("X-App", "sample");
		NxCloudClient client = TestClients.builder(this.server.baseUrl()).webClientBuilder(application).appKey("app1").build();
		client.phones().getPhones().block(TIMEOUT);
		RecordingServer.Recorded signed = this.server.lastRequest();
		assertThat(signed.header("X-App")).isEqualTo("sample");
		assertThat(signed.header("sign")).isEqualTo(IndependentSignature.of("MD5", signed, TestClients.ACCESS_SECRET, true));

		application.build().get().uri(this.server.baseUrl() + "/plain").retrieve().toBodilessEntity().block(TIMEOUT);
		RecordingServer.Recorded plain = this.server.lastRequest();
		assertThat(plain.header("X-App")).isEqualTo("sample");
		assertThat(plain.header("sign")).as("the application's builder got no signing filter").isNull();
	}

	@Test
	void changingTheBuilderLaterLeavesBuiltClientsAlone() {
		NxCloudClient.Builder builder = TestClients.builder(this.server.baseUrl()).appKey("first");
		NxCloudClient first = builder.build();
		builder.appKey("second");
		first.phones().getPhones().block(TIMEOUT);
		assertThat(this.server.lastRequest().bodyText()).contains("\"appkey\":\"first\"");
	}

	@Test
	void aReplacedRateLimiterPacesSendsButNotReads() {
		List<String> paced = new CopyOnWriteArrayList<>();
		this.server.reply("{\"code\":0,\"data\":{\"messages\":[{\"id\":\"wamid.1\"}]}}");
		NxCloudClient client = TestClients.builder(this.server.baseUrl())
			.appKey("app1")
			.businessPhone("15550000001")
			.sendRateLimiter((phone, maxWait) -> Mono.fromCallable(() -> paced.add(phone)))
			.build();
		client.messages().send(Message.text(TO, "hi")).block(TIMEOUT);
		client.phones().getPhones().block(TIMEOUT);
		assertThat(paced).containsExactly("15550000001");
	}

	@Test
	void aRateLimiterThatFailsStopsTheSendBeforeAnythingIsSent() {
		NxCloudClient client = TestClients.builder(this.server.baseUrl())
			.appKey("app1")
			.businessPhone("15550000001")
			.sendRateLimiter((phone, maxWait) -> Mono.error(new IllegalStateException("no slot")))
			.build();
		StepVerifier.create(client.messages().send(Message.text(TO, "hi")))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class).hasMessage("no slot"))
			.verify(TIMEOUT);
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void aSendWhoseSlotIsFurtherThanTheLongestWaitFailsNamingTheSettingAndSendsNothing() {
		List<Duration> asked = new CopyOnWriteArrayList<>();
		NxCloudClient client = TestClients.builder(this.server.baseUrl())
			.appKey("app1")
			.businessPhone("15550000001")
			.sendMaxWait(Duration.ofSeconds(7))
			.sendRateLimiter((phone, maxWait) -> {
				asked.add(maxWait);
				return Mono.just(false);
			})
			.build();
		StepVerifier.create(client.messages().send(Message.text(TO, "hi")))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(NxCloudRateLimitExceededException.class)
					.hasMessageContaining("business phone 15550000001")
					.hasMessageContaining("sendMaxWait(…) (PT7S)");
				NxCloudRateLimitExceededException refused = (NxCloudRateLimitExceededException) ex;
				assertThat(refused.isRetryable()).isTrue();
				assertThat(refused.mayHaveReachedNxCloud()).isFalse();
			})
			.verify(TIMEOUT);
		assertThat(asked).containsExactly(Duration.ofSeconds(7));
		assertThat(this.server.requests()).isEmpty();
	}

	@Test
	void aClientNeedsAConnection() {
		assertThatIllegalStateException().isThrownBy(() -> NxCloudClient.builder().appKey("app1").build())
			.withMessageContaining("connection(NxCloudConnection.of(accessKey, accessSecret))");
	}

	@Test
	void optionsRefuseNullsAndNonPositiveTimeoutsNamingTheOption() {
		NxCloudClient.Builder builder = NxCloudClient.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.responseTimeout(Duration.ZERO))
			.withMessage("responseTimeout must be positive (got PT0S)");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.connectTimeout(Duration.ofSeconds(-1)))
			.withMessageStartingWith("connectTimeout must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.connection(null))
			.withMessage("connection must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.retryPolicy(null))
			.withMessage("retryPolicy must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.scheduler(null))
			.withMessage("scheduler must not be null");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.sendMaxWait(Duration.ZERO))
			.withMessage("sendMaxWait must be positive (got PT0S)");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.recipientPacing(Duration.ZERO))
			.withMessage("recipientPacing must be positive (got PT0S)");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.recipientPacing(Duration.ofSeconds(-6)))
			.withMessage("recipientPacing must be positive (got PT-6S)");
	}

	@Test
	void theDefaultConnectionIsNxCloudsOwnHostsAndItsTextKeepsTheSecretOut() {
		NxCloudConnection connection = NxCloudConnection.of("key1", "secret1");
		assertThat(connection.getApiUrl()).isEqualTo("https://api2.nxcloud.com");
		assertThat(connection.getSaasUrl()).isEqualTo("https://api.nxcloud.com");
		assertThat(connection.getAccessKey()).isEqualTo("key1");
		assertThat(connection.getAccessSecret()).isEqualTo("secret1");
		assertThat(connection.toString()).contains("key1").doesNotContain("secret1");
	}

}
