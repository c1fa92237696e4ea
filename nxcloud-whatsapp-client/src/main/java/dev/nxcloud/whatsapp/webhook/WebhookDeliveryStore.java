package dev.nxcloud.whatsapp.webhook;

import java.time.Duration;

/**
 * Remembers the webhook deliveries recently handed over, so that NxCloud's redeliveries of a callback are recognised
 * and not handed over twice. A delivery goes through two phases:
 * <ol>
 * <li>the handler {@linkplain #claim(String, Duration) claims} its key for a short lease before handing its event
 * over: the delivery is <em>in progress</em>;</li>
 * <li>once the listeners took the event, the handler {@linkplain #confirm(String, Duration) confirms} it for the full
 * time to live: the delivery is <em>handled</em>; if a listener failed, the handler {@linkplain #release(String)
 * releases} it instead, so that the redelivery is handed over.</li>
 * </ol>
 * If the confirm or the release never reaches the store (a shared store that went away, or an instance that
 * stopped), the lease expires on its own and a redelivery is handed over: a delivery is never skipped for longer than
 * the lease unless it was confirmed.
 * <p>
 * {@link InMemoryWebhookDeliveryStore} remembers within one JVM; an implementation over a shared store can
 * deduplicate across a fleet of instances. Implementations must be thread-safe, and each method must be atomic in
 * the store. They may block: the handler runs where listeners may block too, never on a server's event loop.
 * <p>
 * Keys are the hex SHA-256 of an event's identity (64 characters, whatever ids a callback carries), so a store
 * holding {@code n} keys holds {@code n} small keys.
 * <p>
 * A store that cannot be used (a shared store that cannot be reached) throws: a failed claim makes the handler answer
 * {@code 503} without handing the event over, so that NxCloud delivers the callback again; nothing is lost and
 * nothing is handed over unchecked.
 */
public interface WebhookDeliveryStore {

	/**
	 * Claim a delivery, for a lease, before handing its event over. A key whose lease or time to live has passed is
	 * free to be claimed again.
	 * @param key what identifies the delivery across redeliveries
	 * @param lease how long the claim is kept unless {@linkplain #confirm(String, Duration) confirmed} or
	 * {@linkplain #release(String) released}
	 * @return {@link Claim#CLAIMED} if the caller now owns the delivery, {@link Claim#IN_PROGRESS} if another caller
	 * claimed it and has neither confirmed nor released it yet, {@link Claim#HANDLED} if it was confirmed
	 * @throws RuntimeException if the store cannot be used
	 */
	Claim claim(String key, Duration lease);

	/**
	 * Remember a claimed delivery as handled, for its full time to live, because its event was handed over. The
	 * delivery is remembered as handled even if its lease has passed meanwhile (the event was handed over, whoever
	 * holds the key now). There is no default: a store that only kept the lease would hand every redelivery after
	 * it over again.
	 * @param key the key given to {@link #claim(String, Duration)}
	 * @param timeToLive how long the delivery is remembered as handled
	 * @throws RuntimeException if the store cannot be used (the lease then expires on its own)
	 */
	void confirm(String key, Duration timeToLive);

	/**
	 * Give a claimed delivery back because handing its event over failed, so that a redelivery is handed over.
	 * @param key the key given to {@link #claim(String, Duration)}
	 * @throws RuntimeException if the store cannot be used (the lease then expires on its own)
	 */
	void release(String key);

	/**
	 * What a {@linkplain #claim(String, Duration) claim} found.
	 */
	enum Claim {

		/**
		 * The delivery was free: the caller owns it until it confirms or releases it, or the lease passes.
		 */
		CLAIMED,

		/**
		 * Another caller claimed the delivery and has not confirmed or released it yet: its event may still fail.
		 */
		IN_PROGRESS,

		/**
		 * The delivery was confirmed: its event was handed over.
		 */
		HANDLED

	}

}
