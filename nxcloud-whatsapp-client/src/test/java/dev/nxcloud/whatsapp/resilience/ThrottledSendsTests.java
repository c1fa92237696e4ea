package dev.nxcloud.whatsapp.resilience;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.Endpoint;
import dev.nxcloud.simulator.Fault;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.RecordedRequest;
import dev.nxcloud.simulator.state.AcceptedMessage;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudConnection;
import dev.nxcloud.whatsapp.NxCloudRetryPolicy;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.error.NxCloudHttpStatusException;
import dev.nxcloud.whatsapp.error.NxCloudMetaException;
import dev.nxcloud.whatsapp.error.NxCloudTimeoutException;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.SentMessage;
import dev.nxcloud.whatsapp.message.Template;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import dev.nxcloud.whatsapp.otp.OtpRequest;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import dev.nxcloud.whatsapp.testsupport.VirtualWaits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends that WhatsApp refuses for going too fast (130429, 131056) or that a server answers HTTP 429 were not sent, so
 * they are retried, after the wait a {@code Retry-After} asks for or else the backoff; a send that timed out may have
 * been sent and is not. Against the simulator enforcing the limits, with the waits and the simulator's clock on one
 * virtual time.
 */
class ThrottledSendsTests {

	private static final Duration VERIFY_TIMEOUT = Duration.ofSeconds(10);

	private static final String FIRST = "8613800000001";

	private static final String SECOND = "8613800000002";

	private final VirtualWaits waits = new VirtualWaits();

	private NxCloudSimulator simulator;

	@AfterEach
	void close() {
		if (this.simulator != null) {
			this.simulator.close();
		}
		this.waits.dispose();
	}

	private NxCloudClient client(UnaryOperator<NxCloudSimulator.Builder> limits, NxCloudRetryPolicy retryPolicy) {
		simulate(limits);
		return clientBuilder(retryPolicy).build();
	}

	/** A simulator on the virtual time. */
	private void simulate(UnaryOperator<NxCloudSimulator.Builder> limits) {
		this.simulator = limits.apply(NxCloudSimulator.builder().port(0).clock(this.waits.clock())).build().start();
	}

	private NxCloudClient.Builder clientBuilder(NxCloudRetryPolicy retryPolicy) {
		DemoAccount demo = this.simulator.demoAccount();
		return NxCloudClient.builder()
			.connection(NxCloudConnection.of(this.simulator.baseUrl(), this.simulator.baseUrl(), demo.accessKey(),
					demo.accessSecret()))
			.appKey(demo.appKey())
			.businessPhone(demo.businessPhone())
			.tenantId(demo.tenantId())
			.clock(this.waits.clock())
			.scheduler(this.waits)
			.responseTimeout(VERIFY_TIMEOUT)
			.retryPolicy(retryPolicy);
	}

	private static Mono<SentMessage> send(NxCloudClient client, String to) {
		return client.messages().send(Message.text(to, "hi"));
	}

	private List<Integer> answeredCodes(Endpoint endpoint) {
		return this.simulator.requests(endpoint).stream().map(RecordedRequest::code).toList();
	}

	@Test
	void aSendRefusedForThePhonesThroughputIsRetriedAfterTheBackoffAndSent() {
		NxCloudClient client = client((simulator) -> simulator.phoneRate(1, 1),
				new NxCloudRetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 0));
		StepVerifier.create(Flux.concat(send(client, FIRST), send(client, SECOND)))
			.expectNextCount(1)
			.then(() -> this.waits.awaitWaits(1))
			.then(() -> assertThat(this.waits.waits()).containsExactly(Duration.ofSeconds(1)))
			.then(() -> this.waits.advance(Duration.ofSeconds(1)))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(answeredCodes(Endpoint.MT)).containsExactly(0, 9099, 0);
		assertThat(this.simulator.messages()).extracting(AcceptedMessage::to).containsExactly(FIRST, SECOND);
	}

	@Test
	void theRetryOfARefusedSendTakesANewSlotOfThePhone() {
		simulate((simulator) -> simulator.phoneRate(1, 1));
		List<String> slots = new CopyOnWriteArrayList<>();
		NxCloudClient client = clientBuilder(new NxCloudRetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 0))
			.sendRateLimiter((phone, maxWait) -> Mono.fromCallable(() -> slots.add(phone)))
			.build();
		StepVerifier.create(Flux.concat(send(client, FIRST), send(client, SECOND)))
			.expectNextCount(1)
			.then(() -> this.waits.awaitWaits(1))
			.then(() -> this.waits.advance(Duration.ofSeconds(1)))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(answeredCodes(Endpoint.MT)).containsExactly(0, 9099, 0);
		assertThat(slots).as("a slot for each first attempt and one for the retry of the refused send").hasSize(3);
	}

	@Test
	void aSendRefusedForThePairRateIsRetriedAfterTheBackoffAndSent() {
		NxCloudClient client = client((simulator) -> simulator.pairRate(Duration.ofSeconds(1)),
				new NxCloudRetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 0));
		StepVerifier.create(Flux.concat(send(client, FIRST), send(client, FIRST)))
			.expectNextCount(1)
			.then(() -> this.waits.awaitWaits(1))
			.then(() -> this.waits.advance(Duration.ofSeconds(1)))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(answeredCodes(Endpoint.MT)).containsExactly(0, 9099, 0);
		assertThat(this.simulator.messages()).extracting(AcceptedMessage::to).containsExactly(FIRST, FIRST);
	}

	@Test
	void aSendAnsweredTooManyRequestsWaitsWhatRetryAfterAsksElseTheBackoff() {
		NxCloudClient client = client(UnaryOperator.identity(),
				new NxCloudRetryPolicy(3, Duration.ofMillis(300), Duration.ofSeconds(5), 0));
		this.simulator.faults().on(Endpoint.MT).next(1).respond(Fault.httpStatus(429));
		this.simulator.faults().on(Endpoint.MT).next(1).respond(Fault.httpStatus(429, Duration.ofSeconds(2)));
		StepVerifier.create(send(client, FIRST))
			.then(() -> this.waits.awaitWaits(1))
			.then(() -> this.waits.advance(Duration.ofMillis(300)))
			.then(() -> this.waits.awaitWaits(2))
			.then(() -> assertThat(this.waits.waits()).containsExactly(Duration.ofMillis(300), Duration.ofSeconds(2)))
			.then(() -> this.waits.advance(Duration.ofSeconds(2)))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.simulator.requests(Endpoint.MT)).hasSize(3);
		assertThat(this.simulator.messages()).hasSize(1);
	}

	@Test
	void aRetryAfterLongerThanTheLongestBackoffIsNotWaitedAndTheFailureSaysHowLongToWait() {
		NxCloudClient client = client(UnaryOperator.identity(),
				new NxCloudRetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), 0));
		this.simulator.faults().on(Endpoint.MT).next(1).respond(Fault.httpStatus(429, Duration.ofSeconds(30)));
		StepVerifier.create(send(client, FIRST)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(NxCloudHttpStatusException.class);
			NxCloudException failure = (NxCloudException) ex;
			assertThat(failure.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
			assertThat(failure.mayHaveReachedNxCloud()).isFalse();
			assertThat(failure.isRetryable()).isTrue();
			assertThat(failure.getAttempts()).isEqualTo(1);
			assertThat(failure.getMessage()).endsWith("(1 attempt; not retried: the answer asked to wait PT30S "
					+ "(Retry-After), longer than NxCloudClient.builder().retryPolicy(…) (PT2S))");
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.waits.waits()).isEmpty();
	}

	@Test
	void retriesOfARefusedSendStopAtMaxAttempts() {
		NxCloudClient client = client((simulator) -> simulator.phoneRate(1, 1),
				new NxCloudRetryPolicy(3, Duration.ofMillis(100), Duration.ofMillis(100), 0));
		StepVerifier.create(Flux.concat(send(client, FIRST), send(client, SECOND)))
			.expectNextCount(1)
			.then(() -> this.waits.awaitWaits(1))
			.then(() -> this.waits.advance(Duration.ofMillis(100)))
			.then(() -> this.waits.awaitWaits(2))
			.then(() -> this.waits.advance(Duration.ofMillis(100)))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(NxCloudMetaException.class);
				NxCloudMetaException refused = (NxCloudMetaException) ex;
				assertThat(refused.getMetaError().code()).isEqualTo(130429);
				assertThat(refused.mayHaveReachedNxCloud()).isFalse();
				assertThat(refused.getAttempts()).isEqualTo(3);
				assertThat(refused.getMessage())
					.endsWith("(3 attempts; gave up: NxCloudClient.builder().retryPolicy(…) is 3)");
			})
			.verify(VERIFY_TIMEOUT);
		assertThat(answeredCodes(Endpoint.MT)).containsExactly(0, 9099, 9099, 9099);
		assertThat(this.waits.waits()).hasSize(2);
		assertThat(this.simulator.messages()).hasSize(1);
	}

	@Test
	void aSendThatTimedOutMayHaveBeenSentAndIsNotRetriedWhileATimedOutReadIs() {
		simulate(UnaryOperator.identity());
		NxCloudClient client = clientBuilder(new NxCloudRetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), 0))
			.responseTimeout(Duration.ofMillis(300))
			.build();
		this.simulator.faults().on(Endpoint.MT, Endpoint.GET_PHONE).next(2).respond(Fault.noResponse());
		StepVerifier.create(send(client, FIRST)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(NxCloudTimeoutException.class);
			assertThat(((NxCloudException) ex).getAttempts()).isEqualTo(1);
			assertThat(ex.getMessage()).endsWith(
					"(1 attempt; not retried: sendMessage is not idempotent and the request may have reached NxCloud)");
		}).verify(VERIFY_TIMEOUT);
		assertThat(this.waits.waits()).isEmpty();
		assertThat(this.simulator.requests(Endpoint.MT)).hasSize(1);

		StepVerifier.create(client.phones().getPhones())
			.then(() -> this.waits.awaitWaits(1))
			.then(() -> this.waits.advance(Duration.ofSeconds(1)))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.simulator.requests(Endpoint.GET_PHONE)).hasSize(2);
	}

	@Test
	void pacingPerRecipientKeepsASenderUnderThePairRate() {
		simulate((simulator) -> simulator.pairRate(Duration.ofSeconds(6)));
		NxCloudClient paced = clientBuilder(NxCloudRetryPolicy.NONE).recipientPacing(Duration.ofSeconds(6)).build();
		Mono<SentMessage> otpToFirst = paced.otp().send(OtpRequest.of(FIRST, "Your code is 482913", TemplateLanguage.EN));
		Mono<SentMessage> templateToSecond = paced.messages()
			.sendTemplate(TemplateMessage.to(SECOND, Template.of("order_update", TemplateLanguage.EN_US)));
		StepVerifier.create(Flux.merge(send(paced, FIRST), otpToFirst, templateToSecond))
			.expectNextCount(2)
			.then(() -> assertThat(this.waits.waits()).containsExactly(Duration.ofSeconds(6)))
			.then(() -> this.waits.advance(Duration.ofSeconds(6)))
			.expectNextCount(1)
			.expectComplete()
			.verify(VERIFY_TIMEOUT);
		assertThat(this.simulator.requests()).extracting(RecordedRequest::code).containsOnly(0).hasSize(3);
		assertThat(this.simulator.messages()).hasSize(3);

		NxCloudClient unpaced = clientBuilder(NxCloudRetryPolicy.NONE).build();
		StepVerifier.create(send(unpaced, FIRST))
			.expectErrorSatisfies((ex) -> assertThat(((NxCloudMetaException) ex).getMetaError().code())
				.as("without pacing the simulator refuses a second message to the same recipient")
				.isEqualTo(131056))
			.verify(VERIFY_TIMEOUT);
	}

}
