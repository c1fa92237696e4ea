package dev.nxcloud.boot.resilience;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.whatsapp.error.NxCloudAuthenticationException;
import dev.nxcloud.whatsapp.error.NxCloudConnectException;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.error.NxCloudHttpStatusException;
import dev.nxcloud.whatsapp.error.NxCloudServerException;
import dev.nxcloud.whatsapp.error.NxCloudTimeoutException;
import dev.nxcloud.whatsapp.error.NxCloudTransportException;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.Endpoint;
import dev.nxcloud.simulator.Fault;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads are retried on transient failures; sends only when the request never reached NxCloud.
 */
class RetryAgainstSimulatorTests {

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start();

	private final DemoAccount demo = this.simulator.demoAccount();

	@AfterEach
	void close() {
		this.simulator.close();
	}

	private ApplicationContextRunner runner(String baseUrl) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					NxCloudAutoConfiguration.class))
			.withPropertyValues("nxcloud.api-url=" + baseUrl, "nxcloud.saas-url=" + baseUrl,
					"nxcloud.access-key=" + this.demo.accessKey(), "nxcloud.access-secret=" + this.demo.accessSecret(),
					"nxcloud.app-key=" + this.demo.appKey(), "nxcloud.business-phone=" + this.demo.businessPhone(),
					"nxcloud.response-timeout=500ms", "nxcloud.retry.max-attempts=3",
					"nxcloud.retry.initial-backoff=10ms", "nxcloud.retry.max-backoff=20ms");
	}

	private Object outcome(String baseUrl, Function<AssertableApplicationContext, Mono<?>> call) {
		Object[] result = new Object[1];
		runner(baseUrl).run((context) -> result[0] = call.apply(context)
			.map(Object.class::cast)
			.onErrorResume(Mono::just)
			.block(Duration.ofSeconds(20)));
		return result[0];
	}

	private NxCloudException failure(Function<AssertableApplicationContext, Mono<?>> call) {
		Object outcome = outcome(this.simulator.baseUrl(), call);
		assertThat(outcome).isInstanceOf(NxCloudException.class);
		return (NxCloudException) outcome;
	}

	private static Mono<?> getPhones(AssertableApplicationContext context) {
		return context.getBean(NxCloudPhoneService.class).getPhones();
	}

	private static Mono<?> sendText(AssertableApplicationContext context) {
		return context.getBean(NxCloudMessageService.class).send(Message.text("8613800000000", "hi"));
	}

	@Test
	void aReadIsRetriedOnTransientFailuresEachAttemptSignedAnew() {
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.httpStatus(503));
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.requestFailed());
		assertThat(outcome(this.simulator.baseUrl(), RetryAgainstSimulatorTests::getPhones))
			.isNotInstanceOf(Throwable.class);
		List<RecordedRequest> attempts = this.simulator.requests(Endpoint.GET_PHONE);
		assertThat(attempts).hasSize(3);
		assertThat(new HashSet<>(attempts.stream().map((request) -> request.header("sign")).toList())).hasSize(3);
	}

	@Test
	void aReadGivesUpAfterMaxAttemptsAndSaysSo() {
		this.simulator.faults().on(Endpoint.GET_PHONE).next(5).respond(Fault.requestFailed());
		NxCloudException ex = failure(RetryAgainstSimulatorTests::getPhones);
		assertThat(ex).isInstanceOf(NxCloudServerException.class);
		assertThat(ex.getAttempts()).isEqualTo(3);
		assertThat(ex.getMessage()).contains("3 attempts; gave up: 'nxcloud.retry.max-attempts' is 3");
		assertThat(this.simulator.requests(Endpoint.GET_PHONE)).hasSize(3);
	}

	@Test
	void aReadTimeoutIsRetried() {
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.noResponse());
		assertThat(outcome(this.simulator.baseUrl(), RetryAgainstSimulatorTests::getPhones))
			.isNotInstanceOf(Throwable.class);
		assertThat(this.simulator.requests(Endpoint.GET_PHONE)).hasSize(2);
	}

	@Test
	void failuresThatDescribeTheRequestAreNeverRetried() {
		Object outcome = outcome(this.simulator.baseUrl(), (context) -> getPhones(context));
		assertThat(outcome).isNotInstanceOf(Throwable.class);
		this.simulator.clock().shift(Duration.ofSeconds(120));
		NxCloudException ex = failure(RetryAgainstSimulatorTests::getPhones);
		assertThat(ex).isInstanceOf(NxCloudAuthenticationException.class);
		assertThat(ex.getAttempts()).isEqualTo(1);
		assertThat(ex.getMessage()).contains("not retried: the failure is not transient");
		assertThat(this.simulator.requests(Endpoint.GET_PHONE)).hasSize(2);
	}

	@Test
	void aSendThatMayHaveReachedNxCloudIsNeverRepeated() {
		for (Fault fault : List.of(Fault.httpStatus(503), Fault.requestFailed(), Fault.connectionReset(),
				Fault.noResponse())) {
			this.simulator.faults().clear();
			this.simulator.clearRecordings();
			this.simulator.faults().on(Endpoint.MT).next(1).afterProcessing().respond(fault);
			NxCloudException ex = failure(RetryAgainstSimulatorTests::sendText);
			assertThat(ex).as(fault.toString()).isInstanceOfAny(NxCloudHttpStatusException.class,
					NxCloudServerException.class, NxCloudTransportException.class, NxCloudTimeoutException.class);
			assertThat(ex.getAttempts()).as(fault.toString()).isEqualTo(1);
			assertThat(ex.getMessage()).contains("sendMessage is not idempotent and the request may have reached NxCloud");
			assertThat(this.simulator.requests(Endpoint.MT)).as(fault.toString()).hasSize(1);
		}
		assertThat(this.simulator.messages()).hasSize(4);
	}

	@Test
	void aSendThatCouldNotConnectIsRetried() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Object outcome = outcome("http://127.0.0.1:" + port, RetryAgainstSimulatorTests::sendText);
		assertThat(outcome).isInstanceOf(NxCloudConnectException.class);
		assertThat(((NxCloudException) outcome).getAttempts()).isEqualTo(3);
	}

}
