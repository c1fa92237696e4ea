package dev.nxcloud.whatsapp;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Paces message sends per business phone so that sends stay under WhatsApp's throughput limits. The client asks for
 * one slot per send (messages, template messages, OTPs), before its first attempt, and sends once it is granted; a
 * retry of a send that was refused for going too fast (HTTP 429, WhatsApp's 130429 or 131056) asks for a new slot,
 * other retries (made only when the request never reached NxCloud) take none. Reads are never paced. An
 * implementation delays a send up to the longest wait the client allows, and refuses it, taking nothing, when its slot
 * is further away: the debt of a phone is bounded, so a burst that the rate cannot absorb fails fast instead of
 * queueing without end. {@link InMemorySendRateLimiter} paces the sends of one JVM; an implementation over a shared
 * store can pace a fleet of instances.
 */
@FunctionalInterface
public interface NxCloudSendRateLimiter {

	/**
	 * Take the next send slot of a business phone and wait for it, unless it is further away than {@code maxWait}.
	 * @param businessPhone the sending phone, digits with country code
	 * @param maxWait the longest the send may wait for its slot; positive
	 * @return {@code true} when the send may go (after the wait), {@code false} at once, with no slot taken, when the
	 * next slot is more than {@code maxWait} away; an error fails the send before anything is sent
	 */
	Mono<Boolean> acquire(String businessPhone, Duration maxWait);

}
