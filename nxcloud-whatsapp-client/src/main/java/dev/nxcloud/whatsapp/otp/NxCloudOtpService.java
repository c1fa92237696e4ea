package dev.nxcloud.whatsapp.otp;

import dev.nxcloud.whatsapp.message.SentMessage;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import reactor.core.publisher.Mono;

/**
 * Sending one-time passwords through NxCloud's OTP service, which picks a matching template itself. A send is not
 * idempotent: do not repeat one that may have reached NxCloud.
 * <p>
 * A request that breaks a rule, {@code null} included, is never sent: the returned {@code Mono} fails with an
 * {@link dev.nxcloud.whatsapp.error.NxCloudValidationException} naming the field, and no method throws.
 */
public interface NxCloudOtpService {

	/**
	 * Send a one-time password ({@code POST /api/wa/otp}).
	 * @param request the recipient, code and options
	 * @return the accepted message's id
	 */
	Mono<SentMessage> send(OtpRequest request);

	/**
	 * Send a one-time password with NxCloud's defaults.
	 * @param to the recipient, digits with country code
	 * @param content the text carrying a 4 to 8 digit code, or just the code
	 * @param language the template language
	 * @return the accepted message's id
	 */
	default Mono<SentMessage> send(String to, String content, TemplateLanguage language) {
		return Mono.defer(() -> send(OtpRequest.of(to, content, language)));
	}

}
