package dev.nxcloud.whatsapp.webhook;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The webhook's events as a hot reactive stream. Every subscriber sees the events handed over while it is subscribed
 * and has demand; nothing is replayed to late subscribers, and a subscriber without demand misses events rather than
 * holding the webhook up. An event that the application's {@code @EventListener}s fail on is emitted only once a
 * redelivery succeeds. For handling that NxCloud must retry when it fails, use an {@code @EventListener}.
 */
public final class NxCloudWebhookEvents implements AutoCloseable {

	private final Sinks.Many<NxCloudWebhookEvent> sink = Sinks.many().multicast().directBestEffort();

	private final Object emitLock = new Object();

	/**
	 * Every event, as it is handed over.
	 * @return the hot stream of events
	 */
	public Flux<NxCloudWebhookEvent> stream() {
		return this.sink.asFlux();
	}

	/**
	 * The events of one type, for example {@code stream(MessageStatusEvent.class)}.
	 * @param <E> the event type
	 * @param type the event type
	 * @return the hot stream of those events
	 */
	public <E extends NxCloudWebhookEvent> Flux<E> stream(Class<E> type) {
		return stream().ofType(type);
	}

	void emit(NxCloudWebhookEvent event) {
		synchronized (this.emitLock) {
			this.sink.tryEmitNext(event);
		}
	}

	/**
	 * Complete the stream, as the application shuts down.
	 */
	@Override
	public void close() {
		synchronized (this.emitLock) {
			this.sink.tryEmitComplete();
		}
	}

}
