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
		return Mono.fromSupplier(() -> this.wire.toWire(message))
			.flatMap((body) -> this.client.call(NxCloudOperation.SEND_MESSAGE)
				.jsonBody(body)
				.pacedBy(body.businessPhone())
				.pacedFor(body.to())
				.retrieveSentMessage());
	}

	@Override
	public Mono<SentMessage> sendTemplate(TemplateMessage message) {
		return Mono.fromSupplier(() -> this.wire.toWire(message))
			.flatMap((body) -> this.client.call(NxCloudOperation.SEND_TEMPLATE_MESSAGE)
				.jsonBody(body)
				.pacedBy(body.businessPhone())
				.pacedFor(body.to())
				.retrieveSentMessage());
	}

}
