package dev.nxcloud.whatsapp.message;

import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import reactor.core.publisher.Mono;

/**
 * {@link NxCloudMessageService} over an {@link NxCloudClient}.
 */
public class DefaultNxCloudMessageService implements NxCloudMessageService {

	private final NxCloudClient client;

	private final MessageWireMapper wire;

	/**
	 * Create the service.
	 * @param client the client of the account to use
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public DefaultNxCloudMessageService(NxCloudClient client) {
		this.client = NxCloudValidation.requireNonNull("client", client);
		this.wire = new MessageWireMapper(client.defaults());
	}

	@Override
	public Mono<SentMessage> send(Message message) {
		return Mono.defer(() -> {
			MessageWireMapper.MtBody body = this.wire.toWire(message);
			return send(NxCloudOperation.SEND_MESSAGE, body, body.businessPhone(), body.to());
		});
	}

	@Override
	public Mono<SentMessage> sendTemplate(TemplateMessage message) {
		return Mono.defer(() -> {
			MessageWireMapper.SaasSendBody body = this.wire.toWire(message);
			return send(NxCloudOperation.SEND_TEMPLATE_MESSAGE, body, body.businessPhone(), body.to());
		});
	}

	private Mono<SentMessage> send(NxCloudOperation operation, Object body, String businessPhone, String to) {
		return this.client.call(operation).jsonBody(body).pacedBy(businessPhone).pacedFor(to).retrieveSentMessage();
	}

}
