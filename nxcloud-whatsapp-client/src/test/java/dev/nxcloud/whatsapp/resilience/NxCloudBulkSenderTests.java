package dev.nxcloud.whatsapp.resilience;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.nxcloud.whatsapp.bulk.BulkResult;
import dev.nxcloud.whatsapp.bulk.NxCloudBulkSender;
import dev.nxcloud.whatsapp.error.NxCloudBusinessException;
import dev.nxcloud.whatsapp.error.NxCloudConnectException;
import dev.nxcloud.whatsapp.error.NxCloudTimeoutException;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.message.SentMessage;
import dev.nxcloud.whatsapp.otp.NxCloudOtpService;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class NxCloudBulkSenderTests {

	private final NxCloudBulkSender sender = new NxCloudBulkSender(mock(NxCloudMessageService.class),
			mock(NxCloudOtpService.class), 8);

	@Test
	void everyInputYieldsOneResultAndFailuresDoNotStopTheStream() {
		Flux<String> inputs = Flux.range(0, 100).map((i) -> "m" + i);
		StepVerifier.create(this.sender
			.send(inputs,
					(input) -> input.endsWith("7")
							? Mono.error(new NxCloudBusinessException("sendMessage", 22091, "Not a WhatsApp user", null,
									"hint"))
							: Mono.just(new SentMessage("id-" + input)))
			.collectList()).assertNext((results) -> {
				assertThat(results).hasSize(100);
				assertThat(results).extracting(BulkResult::input).doesNotHaveDuplicates();
				assertThat(results).filteredOn(BulkResult::isSent).hasSize(90)
					.allSatisfy((result) -> assertThat(result.messageId()).isEqualTo("id-" + result.input()));
				assertThat(results).filteredOn((result) -> !result.isSent()).hasSize(10)
					.allSatisfy((result) -> assertThat(result.error()).isInstanceOf(NxCloudBusinessException.class));
			}).verifyComplete();
	}

	@Test
	void aSendFunctionThatThrowsOrCompletesEmptyStillYieldsAResult() {
		StepVerifier.create(this.sender.send(Flux.just("throws", "empty"), (input) -> {
			if (input.equals("throws")) {
				throw new IllegalStateException("boom");
			}
			return Mono.empty();
		}).collectList()).assertNext((results) -> assertThat(results).hasSize(2).noneMatch(BulkResult::isSent))
			.verifyComplete();
	}

	/**
	 * A million inputs: never more than {@code concurrency} sends in flight, and never more than that many inputs
	 * requested ahead of completed sends, so memory is bounded by the concurrency, not by the input count.
	 */
	@Test
	void aMillionInputsStreamWithBoundedInFlightAndBoundedDemand() {
		int concurrency = 8;
		AtomicLong generated = new AtomicLong();
		AtomicLong completed = new AtomicLong();
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger maxInFlight = new AtomicInteger();
		AtomicLong maxAhead = new AtomicLong();
		Flux<Message> inputs = Flux.<Message, Long>generate(() -> 0L, (index, sink) -> {
			sink.next(Message.text("8613800000000", "m" + index).withCustomMessageId("c" + index));
			maxAhead.accumulateAndGet(generated.incrementAndGet() - completed.get(), Math::max);
			if (index == 999_999) {
				sink.complete();
			}
			return index + 1;
		});
		NxCloudBulkSender bulk = new NxCloudBulkSender(mock(NxCloudMessageService.class),
				mock(NxCloudOtpService.class), concurrency);
		long sent = bulk.send(inputs, (message) -> Mono.defer(() -> {
			maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
			return Mono.delay(Duration.ZERO).map((tick) -> new SentMessage(message.customMessageId()));
		}).doOnTerminate(() -> {
			inFlight.decrementAndGet();
			completed.incrementAndGet();
		})).filter(BulkResult::isSent).count().block(Duration.ofMinutes(2));
		assertThat(sent).isEqualTo(1_000_000);
		assertThat(maxInFlight.get()).isLessThanOrEqualTo(concurrency);
		assertThat(maxAhead.get()).isLessThanOrEqualTo(concurrency + 1);
	}

	@Test
	void aResultSaysWhetherItsInputMayHaveReachedNxCloudAndMaySafelyBeSentAgain() {
		Message message = Message.text("8613800000000", "hi");
		BulkResult<Message> sent = new BulkResult<>(message, new SentMessage("wamid.1"), null);
		BulkResult<Message> refused = new BulkResult<>(message, null,
				new NxCloudConnectException("sendMessage", new ConnectException("refused")));
		BulkResult<Message> timedOut = new BulkResult<>(message, null,
				new NxCloudTimeoutException("sendMessage", Duration.ofSeconds(1), "responseTimeout", null));
		BulkResult<Message> invalid = new BulkResult<>(message, null, new NxCloudValidationException("to", "is required"));
		BulkResult<Message> unknown = new BulkResult<>(message, null, new IllegalStateException("boom"));
		assertThat(sent.mayHaveReachedNxCloud()).isTrue();
		assertThat(sent.isRetryable()).isFalse();
		assertThat(refused.mayHaveReachedNxCloud()).isFalse();
		assertThat(refused.isRetryable()).isTrue();
		assertThat(timedOut.mayHaveReachedNxCloud()).isTrue();
		assertThat(timedOut.isRetryable()).isFalse();
		assertThat(invalid.mayHaveReachedNxCloud()).isFalse();
		assertThat(invalid.isRetryable()).isFalse();
		assertThat(unknown.mayHaveReachedNxCloud()).as("an unknown failure is assumed to have reached NxCloud").isTrue();
		assertThat(unknown.isRetryable()).isFalse();
	}

}
