package dev.nxcloud.boot.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.state.AcceptedMessage;
import dev.nxcloud.simulator.state.Account;
import dev.nxcloud.simulator.state.App;
import dev.nxcloud.simulator.state.BusinessPhone;
import dev.nxcloud.whatsapp.InMemorySendRateLimiter;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudConnection;
import dev.nxcloud.whatsapp.NxCloudSendRateLimiter;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.error.NxCloudConfigurationException;
import dev.nxcloud.whatsapp.phone.BusinessPhones;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.testsupport.IndependentSignature;
import dev.nxcloud.whatsapp.testsupport.RawHttpServer;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudAutoConfigurationTests {

	private final RecordingServer server = new RecordingServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				NxCloudAutoConfiguration.class));

	@AfterEach
	void close() {
		this.server.close();
	}

	private String[] serverProperties() {
		return new String[] { "nxcloud.api-url=" + this.server.baseUrl(), "nxcloud.saas-url=" + this.server.baseUrl(),
				"nxcloud.access-key=key1", "nxcloud.access-secret=secret1", "nxcloud.app-key=app1" };
	}

	@Test
	void defaultBeans() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(PropertiesNxCloudConnectionDetails.class);
			assertThat(context).hasSingleBean(NxCloudClient.class);
			assertThat(context.getBean(NxCloudClient.Builder.class))
				.as("a new builder for each injection point")
				.isNotSameAs(context.getBean(NxCloudClient.Builder.class));
			assertThat(context).doesNotHaveBean(NxCloudSendRateLimiter.class);
			assertThat(context).hasSingleBean(NxCloudPhoneService.class);
			assertThat(context).hasSingleBean(dev.nxcloud.whatsapp.message.NxCloudMessageService.class);
			assertThat(context).hasSingleBean(dev.nxcloud.whatsapp.otp.NxCloudOtpService.class);
			assertThat(context).hasSingleBean(dev.nxcloud.whatsapp.integrator.NxCloudIntegratorService.class);
			assertThat(context).hasSingleBean(dev.nxcloud.whatsapp.template.NxCloudTemplateService.class);
			assertThat(context).hasSingleBean(dev.nxcloud.whatsapp.flow.NxCloudFlowService.class);
			assertThat(context).hasSingleBean(dev.nxcloud.whatsapp.media.NxCloudMediaService.class);
			NxCloudConnectionDetails details = context.getBean(NxCloudConnectionDetails.class);
			assertThat(details.getApiUrl()).isEqualTo("https://api2.nxcloud.com");
			assertThat(details.getSaasUrl()).isEqualTo("https://api.nxcloud.com");
		});
	}

	@Test
	void autoConfiguredServiceCallsNxCloudWithThePropertiesSigningAndDefaults() {
		this.server.reply("{\"code\":0,\"data\":{\"8613800000024\":[{\"status\":\"CONNECTED\"}]}}");
		this.runner.withPropertyValues(serverProperties()).withPropertyValues("nxcloud.sign-algorithm=sha256")
			.run((context) -> {
				StepVerifier.create(context.getBean(NxCloudPhoneService.class).getPhones())
					.assertNext((phones) -> assertThat(phones.get("8613800000024")).isPresent())
					.verifyComplete();
				RecordingServer.Recorded request = this.server.lastRequest();
				assertThat(request.path()).isEqualTo("/api/wa/getPhone");
				assertThat(request.header("accessKey")).isEqualTo("key1");
				assertThat(request.header("algorithm")).isEqualTo("sha256");
				assertThat(request.header("sign"))
					.isEqualTo(IndependentSignature.of("SHA-256", request, "secret1", true));
				assertThat(request.bodyText()).contains("\"appkey\":\"app1\"");
			});
	}

	@ParameterizedTest(name = "{0} connector")
	@ValueSource(strings = { "reactor", "jdk" })
	void headerNamesGoOnTheWireAsDocumentedOverHttp11WithTheApplicationsConnector(String connector) {
		try (RawHttpServer raw = new RawHttpServer()) {
			this.runner
				.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
						"nxcloud.api-url=" + raw.baseUrl(), "nxcloud.access-key=key1", "nxcloud.access-secret=secret1",
						"nxcloud.app-key=app1")
				.run((context) -> {
					StepVerifier.create(context.getBean(NxCloudPhoneService.class).getPhones()).verifyComplete();
					RawHttpServer.Request request = raw.lastRequest();
					assertThat(request.head()).startsWith("POST /api/wa/getPhone HTTP/1.1\r\n")
						.contains("\r\naccessKey: key1\r\n")
						.contains("\r\nbizType: 2\r\n");
					assertThat(request.headerIgnoringCase("Upgrade")).as("no offer of HTTP/2").isNull();
				});
		}
	}

	@Test
	void onlyNxCloudsJdkConnectorIsHeldToHttp11() {
		try (RawHttpServer raw = new RawHttpServer()) {
			this.runner.withPropertyValues("spring.http.clients.reactive.connector=jdk").run((context) -> {
				context.getBean(WebClient.Builder.class)
					.build()
					.post()
					.uri(raw.baseUrl() + "/elsewhere")
					.retrieve()
					.toBodilessEntity()
					.block(Duration.ofSeconds(10));
				assertThat(raw.lastRequest().headerIgnoringCase("Upgrade")).isEqualTo("h2c");
			});
		}
	}

	@Test
	void webClientCustomizersOfTheApplicationApply() {
		this.runner.withPropertyValues(serverProperties())
			.withBean(WebClientCustomizer.class, () -> (builder) -> builder.defaultHeader("X-App", "sample"))
			.run((context) -> {
				context.getBean(NxCloudPhoneService.class).getPhones().block(Duration.ofSeconds(10));
				assertThat(this.server.lastRequest().header("X-App")).isEqualTo("sample");
			});
	}

	@Test
	void startsWithoutCredentialsAndACallNamesTheMissingProperty() {
		this.runner.withPropertyValues("nxcloud.app-key=app1").run((context) -> {
			assertThat(context).hasNotFailed();
			StepVerifier.create(context.getBean(NxCloudPhoneService.class).getPhones())
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(NxCloudConfigurationException.class)
					.hasMessageContaining("'nxcloud.access-key'")
					.hasNoCause())
				.verify(Duration.ofSeconds(10));
		});
	}

	@Test
	void customConnectionDetailsReplaceTheProperties() {
		this.server.reply("{\"code\":0,\"data\":{}}");
		this.runner.withPropertyValues("nxcloud.access-key=ignored", "nxcloud.app-key=app1")
			.withBean(NxCloudConnectionDetails.class, () -> new FixedDetails(this.server.baseUrl(), "custom", "s3cret"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(PropertiesNxCloudConnectionDetails.class);
				context.getBean(NxCloudPhoneService.class).getPhones().block(Duration.ofSeconds(10));
				RecordingServer.Recorded request = this.server.lastRequest();
				assertThat(request.header("accessKey")).isEqualTo("custom");
				assertThat(request.header("sign")).isEqualTo(IndependentSignature.of("MD5", request, "s3cret", true));
			});
	}

	@Test
	void userBeansWin() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context).hasSingleBean(NxCloudPhoneService.class);
			assertThat(context.getBean(NxCloudPhoneService.class)).isSameAs(UserBeans.PHONES);
		});
	}

	@Test
	void aCustomizerChangesTheClientWithoutReplacingIt() {
		Clock fixed = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_123L), ZoneOffset.UTC);
		this.runner.withPropertyValues(serverProperties())
			.withBean(NxCloudClientBuilderCustomizer.class, () -> (builder) -> builder.clock(fixed))
			.run((context) -> {
				assertThat(context).hasSingleBean(NxCloudClient.class);
				context.getBean(NxCloudPhoneService.class).getPhones().block(Duration.ofSeconds(10));
				RecordingServer.Recorded request = this.server.lastRequest();
				assertThat(request.header("ts")).isEqualTo("1700000000123");
				assertThat(request.header("sign")).isEqualTo(IndependentSignature.of("MD5", request, "secret1", true));
			});
	}

	@Test
	void customizersApplyInOrder() {
		Applied applied = new Applied();
		this.runner.withUserConfiguration(OrderedCustomizers.class)
			.withBean(Applied.class, () -> applied)
			.run((context) -> {
				context.getBean(NxCloudClient.class);
				assertThat(applied.names()).containsExactly("first", "second");
			});
	}

	@Test
	void twoAccountsInOneContextEachSendWithTheirOwnCredentialsAndDefaults() {
		try (NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start()) {
			DemoAccount demo = simulator.demoAccount();
			simulator.state()
				.addAccount(new Account("marketing-key", "marketing-secret"))
				.addApp(new App("marketing-key", 2000, "Marketing", "marketing-app", null))
				.addPhone(new BusinessPhone("15550000777", "marketing-app", "+1 555 000 0777", "Marketing", "APPROVED",
						"CONNECTED", "GREEN", "TIER_250", "VERIFIED"));
			this.runner
				.withPropertyValues("nxcloud.api-url=" + simulator.baseUrl(), "nxcloud.saas-url=" + simulator.baseUrl(),
						"nxcloud.access-key=" + demo.accessKey(), "nxcloud.access-secret=" + demo.accessSecret(),
						"nxcloud.app-key=" + demo.appKey(), "nxcloud.business-phone=" + demo.businessPhone())
				.withBean(MarketingServer.class, () -> new MarketingServer(simulator.baseUrl()))
				.withUserConfiguration(SecondAccount.class)
				.run((context) -> {
					assertThat(context).hasSingleBean(NxCloudMessageService.class);
					NxCloudClient marketing = context.getBean("marketingClient", NxCloudClient.class);
					assertThat(marketing).isNotSameAs(context.getBean(NxCloudClient.class));
					String fromProperties = context.getBean(NxCloudMessageService.class)
						.send(Message.text("8613800000000", "from the properties' account"))
						.block(Duration.ofSeconds(10))
						.messageId();
					String fromBuilder = marketing.messages()
						.send(Message.text("8613800000000", "from the second account"))
						.block(Duration.ofSeconds(10))
						.messageId();
					AcceptedMessage first = simulator.state().message(fromProperties).orElseThrow();
					AcceptedMessage second = simulator.state().message(fromBuilder).orElseThrow();
					assertThat(first.accessKey()).isEqualTo(demo.accessKey());
					assertThat(first.appKey()).isEqualTo(demo.appKey());
					assertThat(first.businessPhone()).isEqualTo(demo.businessPhone());
					assertThat(second.accessKey()).isEqualTo("marketing-key");
					assertThat(second.appKey()).isEqualTo("marketing-app");
					assertThat(second.businessPhone()).isEqualTo("15550000777");
				});
		}
	}

	@Test
	void messagesNameWhatConfiguresEachClient() {
		this.runner.withPropertyValues("nxcloud.response-timeout=250ms", "nxcloud.retry.enabled=false")
			.run((context) -> {
				StepVerifier.create(context.getBean(NxCloudPhoneService.class).getPhones())
					.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("set 'nxcloud.app-key'"))
					.verify(Duration.ofSeconds(10));
				NxCloudClient second = context.getBean(NxCloudClient.Builder.class)
					.connection(NxCloudConnection.of(this.server.baseUrl(), this.server.baseUrl(), "k", "s"))
					.build();
				StepVerifier.create(second.phones().getPhones())
					.expectErrorSatisfies((ex) -> assertThat(ex)
						.hasMessageContaining("set NxCloudClient.builder().appKey(…)"))
					.verify(Duration.ofSeconds(10));
				this.server.noReply();
				StepVerifier.create(second.phones().getPhones(dev.nxcloud.whatsapp.phone.PhoneInfoRequest.all()
					.withAppKey("app2")))
					.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("'nxcloud.response-timeout'"))
					.verify(Duration.ofSeconds(10));
			});
	}

	@Test
	void theRateLimitPropertyPacesSendsInMemory() {
		this.runner.withPropertyValues("nxcloud.rate-limit.messages-per-second=20")
			.run((context) -> assertThat(context).getBean(NxCloudSendRateLimiter.class)
				.isInstanceOf(InMemorySendRateLimiter.class));
	}

	@Test
	void aRateLimiterBeanPacesTheSends() {
		List<String> paced = new CopyOnWriteArrayList<>();
		this.server.reply("{\"code\":0,\"data\":{\"messages\":[{\"id\":\"wamid.1\"}]}}");
		this.runner.withPropertyValues(serverProperties())
			.withPropertyValues("nxcloud.business-phone=8615800001795", "nxcloud.rate-limit.messages-per-second=20")
			.withBean(NxCloudSendRateLimiter.class, () -> (phone, maxWait) -> Mono.fromCallable(() -> paced.add(phone)))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(InMemorySendRateLimiter.class);
				StepVerifier.create(context.getBean(NxCloudMessageService.class).send(Message.text("8613800000000", "hi")))
					.assertNext((sent) -> assertThat(sent.messageId()).isEqualTo("wamid.1"))
					.verifyComplete();
				assertThat(paced).containsExactly("8615800001795");
			});
	}

	@Test
	void backsOffWithoutWebClient() {
		this.runner.withClassLoader(new FilteredClassLoader(WebClient.class))
			.run((context) -> assertThat(context).doesNotHaveBean(NxCloudClient.class)
				.doesNotHaveBean(NxCloudPhoneService.class));
	}

	@Test
	void everyAutoConfigurationBacksOffWithoutTheClient() {
		new org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class,
					dev.nxcloud.boot.autoconfigure.health.NxCloudHealthContributorAutoConfiguration.class,
					dev.nxcloud.boot.autoconfigure.actuate.NxCloudSanitizingAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("dev.nxcloud.whatsapp"))
			.withPropertyValues("nxcloud.webhook.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(NxCloudProperties.class)
				.doesNotHaveBean(NxCloudWebhookProperties.class)
				.doesNotHaveBean("nxcloudHealthContributor"));
	}

	@Test
	void timeoutsAndDefaultsBind() {
		this.runner
			.withPropertyValues("nxcloud.connect-timeout=2s", "nxcloud.response-timeout=250ms",
					"nxcloud.business-phone=8615800001795", "nxcloud.tenant-id=42")
			.run((context) -> {
				NxCloudProperties properties = context.getBean(NxCloudProperties.class);
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(properties.getResponseTimeout()).isEqualTo(Duration.ofMillis(250));
				NxCloudClient client = context.getBean(NxCloudClient.class);
				assertThat(client.defaults().values().businessPhone()).isEqualTo("8615800001795");
				assertThat(client.defaults().values().tenantId()).isEqualTo(42L);
			});
	}

	@Test
	void responseTimeoutPropertyBoundsACall() {
		this.server.noReply();
		this.runner.withPropertyValues(serverProperties()).withPropertyValues("nxcloud.response-timeout=300ms", "nxcloud.retry.enabled=false")
			.run((context) -> StepVerifier.create(context.getBean(NxCloudPhoneService.class).getPhones())
				.expectErrorSatisfies((ex) -> assertThat(ex)
					.isInstanceOf(dev.nxcloud.whatsapp.error.NxCloudTimeoutException.class))
				.verify(Duration.ofSeconds(10)));
	}

	@Test
	void everyPropertyIsDocumentedInTheMetadata() throws Exception {
		JsonNode metadata = JsonMapper.builder().build()
			.readTree(new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream());
		List<String> names = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			names.add(property.get("name").asString());
			assertThat(property.path("description").asString()).as(property.get("name").asString()).isNotBlank();
		}
		assertThat(names).contains("nxcloud.access-key", "nxcloud.access-secret", "nxcloud.sign-algorithm",
				"nxcloud.api-url", "nxcloud.saas-url", "nxcloud.app-key", "nxcloud.business-phone",
				"nxcloud.tenant-id", "nxcloud.connect-timeout", "nxcloud.response-timeout", "nxcloud.upload-timeout",
				"nxcloud.retry.enabled", "nxcloud.retry.max-attempts", "nxcloud.retry.initial-backoff",
				"nxcloud.retry.max-backoff", "nxcloud.retry.jitter", "nxcloud.rate-limit.messages-per-second", "nxcloud.bulk.concurrency",
				"management.health.nxcloud.enabled", "management.health.nxcloud.business-phones",
				"management.health.nxcloud.time-to-live", "management.health.nxcloud.timeout",
				"management.health.nxcloud.quality-rating.yellow", "management.health.nxcloud.quality-rating.red",
				"nxcloud.webhook.enabled", "nxcloud.webhook.path", "nxcloud.webhook.verify-signature",
				"nxcloud.webhook.access-key", "nxcloud.webhook.access-secret", "nxcloud.webhook.sign-algorithm",
				"nxcloud.webhook.max-clock-skew", "nxcloud.webhook.deduplication.capacity",
				"nxcloud.webhook.deduplication.time-to-live", "nxcloud.webhook.deduplication.claim-timeout",
				"nxcloud.webhook.max-body-size");
		assertThat(names).contains("nxcloud.http.proxy.type", "nxcloud.http.proxy.host", "nxcloud.http.proxy.port",
				"nxcloud.http.proxy.username", "nxcloud.http.proxy.password", "nxcloud.http.proxy.non-proxy-hosts",
				"nxcloud.http.ssl.bundle", "nxcloud.http.pool.max-connections", "nxcloud.http.pool.max-pending-acquires",
				"nxcloud.http.pool.pending-acquire-timeout", "nxcloud.http.pool.max-idle-time",
				"nxcloud.http.pool.max-life-time");
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final NxCloudPhoneService PHONES = (request) -> Mono.just(new BusinessPhones(Map.of()));

		@Bean
		NxCloudPhoneService myPhones() {
			return PHONES;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SecondAccount {

		@Bean(defaultCandidate = false)
		@Qualifier("marketing")
		NxCloudClient marketingClient(NxCloudClient.Builder builder, MarketingServer server) {
			return builder
				.connection(NxCloudConnection.of(server.baseUrl(), server.baseUrl(), "marketing-key", "marketing-secret"))
				.appKey("marketing-app")
				.businessPhone("15550000777")
				.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedCustomizers {

		@Bean
		@org.springframework.core.annotation.Order(2)
		NxCloudClientBuilderCustomizer second(Applied applied) {
			return (builder) -> applied.names().add("second");
		}

		@Bean
		@org.springframework.core.annotation.Order(1)
		NxCloudClientBuilderCustomizer first(Applied applied) {
			return (builder) -> applied.names().add("first");
		}

	}

	record MarketingServer(String baseUrl) {
	}

	record Applied(List<String> names) {

		Applied() {
			this(new CopyOnWriteArrayList<>());
		}

	}

	record FixedDetails(String url, @Nullable String key, @Nullable String secret) implements NxCloudConnectionDetails {

		@Override
		public String getApiUrl() {
			return this.url;
		}

		@Override
		public String getSaasUrl() {
			return this.url;
		}

		@Override
		public @Nullable String getAccessKey() {
			return this.key;
		}

		@Override
		public @Nullable String getAccessSecret() {
			return this.secret;
		}

	}

}
