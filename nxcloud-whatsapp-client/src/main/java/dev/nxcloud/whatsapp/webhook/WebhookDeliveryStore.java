package dev.nxcloud.whatsapp.webhook;

import java.time.Duration;

/**
 * Remembers the webhook deliveries recently handed over, so that NxCloud's redeliveries of a callback are recognised
 * and not handed over twice. The handler {@linkplain #claim(String, Duration) claims} a delivery's key, with a time to
 * live, before handing its event over and {@linkplain #release(String) releases} it when a listener fails, so that
 * the redelivery is handed over; a key that was handed over stays claimed until its time to live has passed (or
 * sooner, if the store must make room).
 * {@link InMemoryWebhookDeliveryStore} remembers within one JVM; an implementation over a shared store can
 * deduplicate across a fleet of instances. Implementations must be thread-safe. They may block: the handler runs
 * where listeners may block too, never on a server's event loop.
 * <p>
 * A store that cannot be used (a shared store that cannot be reached) throws: a failed claim makes the handler answer
 * {@code 503} without handing the event over, so that NxCloud delivers the callback again; nothing is lost and
 * nothing is handed over unchecked.
 */
public interface WebhookDeliveryStore {

	/**
	 * Claim a delivery before handing its event over.
	 * @param key what identifies the delivery across redeliveries
	 * @param timeToLive how long the claim is kept once made
	 * @return {@code true} if the caller now owns the delivery; {@code false} if it was handed over already or is
	 * being handed over now
	 * @throws RuntimeException if the store cannot be used
	 */
	boolean claim(String key, Duration timeToLive);

	/**
	 * Give a claimed delivery back because handing its event over failed, so that a redelivery is handed over.
	 * @param key the key given to {@link #claim(String, Duration)}
	 */
	void release(String key);

}
