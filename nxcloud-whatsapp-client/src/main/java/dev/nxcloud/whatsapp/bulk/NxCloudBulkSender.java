package dev.nxcloud.whatsapp.bulk;

import java.util.function.Function;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.message.SentMessage;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import dev.nxcloud.whatsapp.otp.NxCloudOtpService;
import dev.nxcloud.whatsapp.otp.OtpRequest;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends streams of messages with bounded concurrency and backpressure: at most {@code concurrency} sends are in
 * flight, and inputs are requested from the publisher only as sends complete, so memory stays flat however many
 * inputs there are. Every input yields exactly one {@link BulkResult}, in completion order; a failed send never
 * ends the stream and is never retried unless it certainly did not reach NxCloud (see the client's retry policy),
 * so nothing is sent twice and nothing is lost silently. Sends of one business phone are paced when the client has a
 * send rate limit. A {@code null} publisher or send function gives a {@code Flux} that fails with an
 * {@link NxCloudValidationException} naming it; an input that breaks a rule is a failed {@link BulkResult}.
 */
public final class NxCloudBulkSender {

	private final NxCloudMessageService messages;

	private final NxCloudOtpService otp;

	private final int concurrency;

	/**
	 * Create a bulk sender.
	 * @param messages the message service to send with
	 * @param otp the OTP service to send with
	 * @param concurrency the most sends in flight
	 * @throws NxCloudValidationException if a service is {@code null}
	 * @throws IllegalArgumentException if {@code concurrency} is less than 1
	 */
	public NxCloudBulkSender(NxCloudMessageService messages, NxCloudOtpService otp, int concurrency) {
		if (concurrency < 1) {
			throw new IllegalArgumentException("concurrency must be at least 1");
		}
		this.messages = NxCloudValidation.requireNonNull("messages", messages);
		this.otp = NxCloudValidation.requireNonNull("otp", otp);
		this.concurrency = concurrency;
	}

	/**
	 * Send general messages ({@code /api/wa/mt}).
	 * @param messages the messages
	 * @return one result per message
	 */
	public Flux<BulkResult<Message>> sendMessages(Publisher<Message> messages) {
		return send(messages, this.messages::send);
	}

	/**
	 * Send template messages through the SaaS host ({@code /saas/wa/send}).
	 * @param messages the template messages
	 * @return one result per message
	 */
	public Flux<BulkResult<TemplateMessage>> sendTemplateMessages(Publisher<TemplateMessage> messages) {
		return send(messages, this.messages::sendTemplate);
	}

	/**
	 * Send one-time passwords ({@code /api/wa/otp}).
	 * @param requests the OTP requests
	 * @return one result per request
	 */
	public Flux<BulkResult<OtpRequest>> sendOtps(Publisher<OtpRequest> requests) {
		return send(requests, this.otp::send);
	}

	/**
	 * Send any inputs with the given send function.
	 * @param <I> the input type
	 * @param inputs the inputs
	 * @param send sends one input
	 * @return one result per input
	 */
	public <I> Flux<BulkResult<I>> send(Publisher<I> inputs, Function<? super I, Mono<SentMessage>> send) {
		return Flux.defer(() -> {
			NxCloudValidation.requireNonNull("send", send);
			return Flux.from(NxCloudValidation.requireNonNull("inputs", inputs));
		})
			.flatMap((input) -> Mono.defer(() -> send.apply(input))
				.map((sent) -> new BulkResult<>(input, sent, null))
				.switchIfEmpty(Mono.fromSupplier(() -> new BulkResult<>(input, null,
						new IllegalStateException("the send completed without a message"))))
				.onErrorResume((ex) -> Mono.just(new BulkResult<>(input, null, ex))), this.concurrency, 1);
	}

}
