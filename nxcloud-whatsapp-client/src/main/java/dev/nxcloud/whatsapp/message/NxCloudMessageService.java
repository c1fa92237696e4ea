package dev.nxcloud.whatsapp.message;

import reactor.core.publisher.Mono;

/**
 * Sending WhatsApp messages. A send is not idempotent: do not repeat one that may have reached NxCloud unless it
 * carries a {@linkplain Message#withCustomMessageId(String) custom message id} you can reconcile.
 * <p>
 * A message that breaks a rule, {@code null} included, is never sent: the returned {@code Mono} fails with an
 * {@link dev.nxcloud.whatsapp.error.NxCloudValidationException} naming the field, and no method throws.
 */
public interface NxCloudMessageService {

	/**
	 * Send a message of any type through the WhatsApp API host ({@code POST /api/wa/mt}).
	 * @param message the message
	 * @return the accepted message's id
	 */
	Mono<SentMessage> send(Message message);

	/**
	 * Send a template message through the SaaS host ({@code POST /saas/wa/send}). That endpoint takes a header and
	 * a body only, with text variables and an image header by link; a template with button values, a video or
	 * document header or media by id is rejected before sending: send it with {@link #send(Message)} and
	 * {@link Message#template(String, Template)}.
	 * @param message the template message
	 * @return the accepted message's id
	 */
	Mono<SentMessage> sendTemplate(TemplateMessage message);

}
