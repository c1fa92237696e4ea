package dev.nxcloud.whatsapp;

import reactor.core.publisher.Mono;

/**
 * Paces message sends per business phone so that sends stay under WhatsApp's throughput limits. The client asks for
 * one slot per send (messages, template messages, OTPs), before its first attempt, and sends once it is granted; a
 * retry, which the client makes only when the request never reached NxCloud, takes no further slot. Reads are never
 * paced. An implementation delays a send, it never drops one. {@link InMemorySendRateLimiter} paces the sends of one
 * JVM; an implementation over a shared store can pace a fleet of instances.
 */
@FunctionalInterface
public interface NxCloudSendRateLimiter {

	/**
	 * Wait for the next send slot of a business phone.
	 * @param businessPhone the sending phone, digits with country code
	 * @return completes when the send may go; an error fails the send before anything is sent
	 */
	Mono<Void> acquire(String businessPhone);

}
