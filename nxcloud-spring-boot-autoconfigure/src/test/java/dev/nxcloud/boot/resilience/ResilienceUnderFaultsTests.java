package dev.nxcloud.boot.resilience;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.whatsapp.error.NxCloudConnectException;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.error.NxCloudTransportException;
import dev.nxcloud.whatsapp.flow.NxCloudFlowService;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.otp.NxCloudOtpService;
import dev.nxcloud.whatsapp.otp.OtpRequest;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.template.NxCloudTemplateService;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.Fault;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.state.AcceptedMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 10,000 mixed calls against a simulator that answers 5% with HTTP 503, 5% never, resets 2% of connections after
 * reading the request, answers 1% with a body that is not JSON and adds latency spikes. Every call ends, every read
 * succeeds or fails with a typed error, no send is accepted twice and every send's outcome is known.
 */
class ResilienceUnderFaultsTests {

	private static final int CALLS = 10_000;

	private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(800);

	private static final int MAX_ATTEMPTS = 3;

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).randomSeed(42).build().start();

	private final DemoAccount demo = this.simulator.demoAccount();

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void tenThousandMixedCallsUnderFaults() {
		this.simulator.faults().on().withProbability(0.05).respond(Fault.httpStatus(503));
		this.simulator.faults().on().withProbability(0.05).afterProcessing().respond(Fault.noResponse());
		this.simulator.faults().on().withProbability(0.02).afterProcessing().respond(Fault.connectionReset());
		this.simulator.faults().on().withProbability(0.01).afterProcessing().respond(Fault.malformedBody());
		this.simulator.faults()
			.on()
			.withProbability(0.02)
			.respond(Fault.latency(Duration.ofMillis(100), Duration.ofMillis(400)));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					NxCloudAutoConfiguration.class))
			.withPropertyValues("nxcloud.api-url=" + this.simulator.baseUrl(),
					"nxcloud.saas-url=" + this.simulator.baseUrl(), "nxcloud.access-key=" + this.demo.accessKey(),
					"nxcloud.access-secret=" + this.demo.accessSecret(), "nxcloud.app-key=" + this.demo.appKey(),
					"nxcloud.business-phone=" + this.demo.businessPhone(), "nxcloud.tenant-id=" + this.demo.tenantId(),
					"nxcloud.response-timeout=" + RESPONSE_TIMEOUT.toMillis() + "ms",
					"nxcloud.retry.max-attempts=" + MAX_ATTEMPTS, "nxcloud.retry.initial-backoff=20ms",
					"nxcloud.retry.max-backoff=100ms")
			.run(this::drive);
	}

	private void drive(AssertableApplicationContext context) {
		NxCloudMessageService messages = context.getBean(NxCloudMessageService.class);
		NxCloudOtpService otp = context.getBean(NxCloudOtpService.class);
		NxCloudPhoneService phones = context.getBean(NxCloudPhoneService.class);
		NxCloudTemplateService templates = context.getBean(NxCloudTemplateService.class);
		NxCloudFlowService flows = context.getBean(NxCloudFlowService.class);
		long templateId = templates.list().block(Duration.ofSeconds(30)).list().get(0).id();
		long started = System.nanoTime();
		List<Outcome> outcomes = Flux.range(0, CALLS).flatMap((i) -> {
			Call call = switch (i % 10) {
				case 0, 1, 2, 3 -> new Call("sendMessage", "text-" + i, (ignored) -> messages
					.send(Message.text("86138" + String.format("%08d", i), "hello " + i).withCustomMessageId("text-" + i)));
				case 4 -> new Call("sendOtp", "otp-" + i, (ignored) -> otp.send(OtpRequest
					.of("86139" + String.format("%08d", i), "Your code is 4829", TemplateLanguage.EN)
					.withCustomMessageId("otp-" + i)));
				case 5, 6 -> new Call("getPhone", null, (ignored) -> phones.getPhones());
				case 7 -> new Call("listTemplates", null, (ignored) -> templates.list());
				case 8 -> new Call("getTemplate", null, (ignored) -> templates.get(templateId));
				default -> new Call("listFlows", null, (ignored) -> flows.list().collectList());
			};
			long start = System.nanoTime();
			return call.invoke()
				.map((value) -> new Outcome(call, null, System.nanoTime() - start))
				.onErrorResume((ex) -> Mono.just(new Outcome(call, ex, System.nanoTime() - start)));
		}, 64).collectList().block(Duration.ofMinutes(10));
		Duration total = Duration.ofNanos(System.nanoTime() - started);

		assertThat(outcomes).hasSize(CALLS);
		assertThat(outcomes).filteredOn((outcome) -> outcome.error() != null)
			.allSatisfy((outcome) -> assertThat(outcome.error()).isInstanceOf(NxCloudException.class));
		Duration budget = RESPONSE_TIMEOUT.multipliedBy(MAX_ATTEMPTS).plus(Duration.ofMillis(200 * MAX_ATTEMPTS));
		long slowestMillis = outcomes.stream().mapToLong(Outcome::nanos).max().orElseThrow() / 1_000_000;
		assertThat(slowestMillis).isLessThan(budget.toMillis() + 5_000);

		Map<String, List<AcceptedMessage>> accepted = this.simulator.messages()
			.stream()
			.collect(Collectors.groupingBy(AcceptedMessage::id));
		assertThat(accepted.values()).allSatisfy((copies) -> assertThat(copies).hasSize(1));
		for (Outcome outcome : outcomes) {
			String id = outcome.call().messageId();
			if (id == null) {
				continue;
			}
			if (outcome.error() == null) {
				assertThat(accepted).containsKey(id);
			}
			else if (accepted.containsKey(id)) {
				assertThat(outcome.error()).as(id).isInstanceOf(NxCloudTransportException.class)
					.isNotInstanceOf(NxCloudConnectException.class);
				NxCloudException failure = (NxCloudException) outcome.error();
				assertThat(failure.mayHaveReachedNxCloud()).as(id).isTrue();
				assertThat(failure.isRetryable()).as("a send that reached NxCloud is never retryable: %s", id).isFalse();
			}
		}
		report(outcomes, accepted.size(), total, slowestMillis);
	}

	private void report(List<Outcome> outcomes, int accepted, Duration total, long slowestMillis) {
		Map<String, Integer> byResult = new TreeMap<>();
		List<Integer> attempts = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			String result = (outcome.error() == null) ? "ok" : outcome.error().getClass().getSimpleName();
			byResult.merge(outcome.call().operation() + " " + result, 1, Integer::sum);
			if (outcome.error() instanceof NxCloudException ex) {
				attempts.add(ex.getAttempts());
			}
		}
		Collections.sort(attempts);
		System.out.printf("Resilience under faults: %d calls in %d ms (%.0f calls/s), slowest %d ms, "
				+ "%d requests received by the simulator, %d messages accepted, each once%n", outcomes.size(),
				total.toMillis(), outcomes.size() * 1000.0 / total.toMillis(), slowestMillis,
				this.simulator.requestCount(), accepted);
		byResult.forEach((key, count) -> System.out.printf("  %-50s %6d%n", key, count));
	}

	private record Call(String operation, String messageId, Function<Void, Mono<?>> send) {

		Mono<?> invoke() {
			return Mono.defer(() -> this.send.apply(null));
		}

	}

	private record Outcome(Call call, Throwable error, long nanos) {
	}

}
