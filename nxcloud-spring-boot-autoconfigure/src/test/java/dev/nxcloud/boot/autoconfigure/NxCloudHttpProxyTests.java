package dev.nxcloud.boot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import dev.nxcloud.boot.autoconfigure.RecordingProxy.Passage;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.Endpoint;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.RecordedRequest;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudConnection;
import dev.nxcloud.whatsapp.phone.BusinessPhones;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code nxcloud.http.proxy.*} against a recording proxy and the simulator on loopback, with Reactor Netty and with
 * the JDK's HttpClient as the application's connector.
 */
class NxCloudHttpProxyTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start();

	private final DemoAccount demo = this.simulator.demoAccount();

	private final RecordingServer otherService = new RecordingServer();

	private final ApplicationContextRunner runner = NxCloudHttpContextRunners.connectedTo(this.simulator);

	@AfterEach
	void close() {
		this.simulator.close();
		this.otherService.close();
	}

	@ParameterizedTest(name = "{0} connector")
	@ValueSource(strings = { "reactor", "jdk" })
	void nxCloudCallsGoThroughTheProxyAndTheApplicationsOtherClientsDoNot(String connector) {
		try (RecordingProxy proxy = new RecordingProxy()) {
			this.runner
				.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
						"nxcloud.http.proxy.host=127.0.0.1", "nxcloud.http.proxy.port=" + proxy.port())
				.run((context) -> {
					assertThat(getPhones(context.getBean(NxCloudPhoneService.class)).get(this.demo.businessPhone()))
						.isPresent();
					assertSignedAndAnswered(this.simulator.requests(Endpoint.GET_PHONE));
					assertThat(proxy.passages()).singleElement().satisfies((passage) -> {
						assertThat(passage.method()).isEqualTo(connector.equals("jdk") ? "POST" : "CONNECT");
						assertThat(passage.target()).contains("127.0.0.1:" + this.simulator.port());
					});
					String answer = context.getBean(WebClient.Builder.class)
						.build()
						.get()
						.uri(this.otherService.baseUrl() + "/elsewhere")
						.retrieve()
						.bodyToMono(String.class)
						.block(TIMEOUT);
					assertThat(answer).contains("\"code\":0");
					assertThat(this.otherService.lastRequest().path()).isEqualTo("/elsewhere");
					assertThat(proxy.passages()).as("the other client went direct").hasSize(1);
				});
		}
	}

	@ParameterizedTest(name = "{0} connector")
	@ValueSource(strings = { "reactor", "jdk" })
	void proxyCredentialsReachTheProxy(String connector) {
		try (RecordingProxy proxy = new RecordingProxy("nx-user", "nx-pass")) {
			this.runner
				.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
						"nxcloud.http.proxy.host=127.0.0.1", "nxcloud.http.proxy.port=" + proxy.port(),
						"nxcloud.http.proxy.username=nx-user", "nxcloud.http.proxy.password=nx-pass")
				.run((context) -> {
					assertThat(getPhones(context.getBean(NxCloudPhoneService.class)).get(this.demo.businessPhone()))
						.isPresent();
					assertSignedAndAnswered(this.simulator.requests(Endpoint.GET_PHONE));
					assertThat(proxy.passages()).last()
						.extracting(Passage::authorization)
						.isEqualTo("Basic " + Base64.getEncoder()
							.encodeToString("nx-user:nx-pass".getBytes(StandardCharsets.UTF_8)));
				});
		}
	}

	@Test
	void socks5ProxyWithCredentials() {
		try (RecordingProxy proxy = new RecordingProxy("nx-user", "nx-pass")) {
			this.runner
				.withPropertyValues("nxcloud.http.proxy.type=socks5", "nxcloud.http.proxy.host=127.0.0.1",
						"nxcloud.http.proxy.port=" + proxy.port(), "nxcloud.http.proxy.username=nx-user",
						"nxcloud.http.proxy.password=nx-pass")
				.run((context) -> {
					assertThat(getPhones(context.getBean(NxCloudPhoneService.class)).get(this.demo.businessPhone()))
						.isPresent();
					assertSignedAndAnswered(this.simulator.requests(Endpoint.GET_PHONE));
					assertThat(proxy.passages()).singleElement().satisfies((passage) -> {
						assertThat(passage.method()).isEqualTo("SOCKS5");
						assertThat(passage.target()).endsWith(":" + this.simulator.port());
						assertThat(passage.authorization()).isEqualTo("nx-user:nx-pass");
					});
				});
		}
	}

	@ParameterizedTest(name = "{0} connector")
	@ValueSource(strings = { "reactor", "jdk" })
	void nonProxyHostsAreReachedDirectly(String connector) {
		try (RecordingProxy proxy = new RecordingProxy()) {
			this.runner
				.withPropertyValues("spring.http.clients.reactive.connector=" + connector,
						"nxcloud.http.proxy.host=127.0.0.1", "nxcloud.http.proxy.port=" + proxy.port(),
						"nxcloud.http.proxy.non-proxy-hosts=example.org,127.0.0.*")
				.run((context) -> {
					getPhones(context.getBean(NxCloudPhoneService.class));
					assertSignedAndAnswered(this.simulator.requests(Endpoint.GET_PHONE));
					assertThat(proxy.passages()).as("127.0.0.1 went direct").isEmpty();
					String viaName = "http://localhost:" + this.simulator.port();
					NxCloudClient byName = context.getBean(NxCloudClient.Builder.class)
						.connection(NxCloudConnection.of(viaName, viaName, this.demo.accessKey(),
								this.demo.accessSecret()))
						.appKey(this.demo.appKey())
						.build();
					getPhones(byName.phones());
					assertThat(this.simulator.requests(Endpoint.GET_PHONE)).hasSize(2);
					assertThat(proxy.passages()).as("localhost went through the proxy")
						.singleElement()
						.extracting(Passage::target)
						.asString()
						.contains("localhost:" + this.simulator.port());
				});
		}
	}

	@Test
	void socks5OnTheJdkConnectorFailsAtStartUp() {
		this.runner
			.withPropertyValues("spring.http.clients.reactive.connector=jdk", "nxcloud.http.proxy.type=socks5",
					"nxcloud.http.proxy.host=127.0.0.1", "nxcloud.http.proxy.port=1080")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("nxcloud.http.proxy.type")
				.hasMessageContaining("no SOCKS support"));
	}

	private static BusinessPhones getPhones(NxCloudPhoneService phones) {
		BusinessPhones answer = phones.getPhones().block(TIMEOUT);
		assertThat(answer).isNotNull();
		return answer;
	}

	private static void assertSignedAndAnswered(List<RecordedRequest> received) {
		assertThat(received).isNotEmpty().allSatisfy((request) -> {
			assertThat(request.header("sign")).isNotBlank();
			assertThat(request.code()).isZero();
		});
	}

}
