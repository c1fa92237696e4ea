package dev.nxcloud.boot.client.message;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nxcloud.boot.client.NxCloudClient;
import dev.nxcloud.boot.client.NxCloudDefaults;
import dev.nxcloud.boot.client.NxCloudOperation;
import dev.nxcloud.boot.client.NxCloudValidation;
import dev.nxcloud.boot.client.error.NxCloudInvalidResponseException;
import dev.nxcloud.boot.client.message.MessageWire.WireLocation;
import dev.nxcloud.boot.client.message.MessageWire.WireMedia;
import dev.nxcloud.boot.client.message.MessageWire.WireTemplate;
import dev.nxcloud.boot.client.message.MessageWire.WireText;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link NxCloudMessageService} over an {@link NxCloudClient}.
 */
public class DefaultNxCloudMessageService implements NxCloudMessageService {

	private final NxCloudClient client;

	/**
	 * Create the service.
	 * @param client the client of the account to use
	 */
	public DefaultNxCloudMessageService(NxCloudClient client) {
		this.client = client;
	}

	@Override
	public Mono<SentMessage> send(Message message) {
		NxCloudOperation operation = NxCloudOperation.SEND_MESSAGE;
		return Mono.fromSupplier(() -> toBody(message))
			.flatMap((body) -> this.client.call(operation)
				.jsonBody(body)
				.pacedBy(body.businessPhone())
				.retrieve(MtData.class))
			.mapNotNull(MtData::messageId)
			.switchIfEmpty(Mono.error(() -> noMessageId(operation)))
			.map(SentMessage::new);
	}

	@Override
	public Mono<SentMessage> sendTemplate(TemplateMessage message) {
		NxCloudOperation operation = NxCloudOperation.SEND_TEMPLATE_MESSAGE;
		return Mono.fromSupplier(() -> toBody(message))
			.flatMap((body) -> this.client.call(operation)
				.jsonBody(body)
				.pacedBy(body.businessPhone())
				.retrieve(SaasSendData.class))
			.mapNotNull(SaasSendData::messageId)
			.switchIfEmpty(Mono.error(() -> noMessageId(operation)))
			.map(SentMessage::new);
	}

	private static NxCloudInvalidResponseException noMessageId(NxCloudOperation operation) {
		return new NxCloudInvalidResponseException(operation.operationName(),
				"the response's data carries no message id", null);
	}

	private MtBody toBody(Message message) {
		NxCloudDefaults defaults = this.client.defaults();
		String appKey = NxCloudValidation.orDefault("appkey", message.appKey(), defaults.appKey(), "nxcloud.app-key");
		String businessPhone = NxCloudValidation.requirePhone("business_phone", NxCloudValidation
			.orDefault("business_phone", message.businessPhone(), defaults.businessPhone(), "nxcloud.business-phone"));
		String to = NxCloudValidation.requirePhone("to", message.to());
		MessageContent content = message.content();
		String type = content.type();
		WireText text = null;
		WireMedia image = null;
		WireMedia video = null;
		WireMedia audio = null;
		WireMedia document = null;
		WireMedia sticker = null;
		WireLocation location = null;
		WireTemplate template = null;
		if (content instanceof MessageContent.Text textContent) {
			text = MessageWire.text(type, textContent);
		}
		else if (content instanceof MessageContent.Image imageContent) {
			image = MessageWire.media(type, imageContent.media(), imageContent.caption(), null);
		}
		else if (content instanceof MessageContent.Video videoContent) {
			video = MessageWire.media(type, videoContent.media(), videoContent.caption(), null);
		}
		else if (content instanceof MessageContent.Audio audioContent) {
			audio = MessageWire.media(type, audioContent.media(), null, null);
		}
		else if (content instanceof MessageContent.Document documentContent) {
			String filename = NxCloudValidation.requireText(type + ".filename", documentContent.filename());
			document = MessageWire.media(type, documentContent.media(), documentContent.caption(), filename);
		}
		else if (content instanceof MessageContent.Sticker stickerContent) {
			sticker = MessageWire.media(type, stickerContent.media(), null, null);
		}
		else if (content instanceof MessageContent.Location locationContent) {
			location = MessageWire.location(type, locationContent);
		}
		else if (content instanceof MessageContent.TemplateContent templateContent) {
			template = MessageWire.template(type, templateContent.template());
		}
		return new MtBody(appKey, businessPhone, MessageWire.MESSAGING_PRODUCT, MessageWire.RECIPIENT_TYPE, to, type,
				text, image, video, audio, document, sticker, location, template,
				MessageWire.optionalText("cus_message_id", message.customMessageId()),
				MessageWire.optionalHttpUrl("dr_webhook", message.drWebhook()),
				MessageWire.optionalText("biz_opaque_callback_data", message.bizOpaqueCallbackData()));
	}

	private SaasSendBody toBody(TemplateMessage message) {
		NxCloudDefaults defaults = this.client.defaults();
		Long tenantId = NxCloudValidation.orDefault("tenant_id", message.tenantId(), defaults.tenantId(),
				"nxcloud.tenant-id");
		String appKey = NxCloudValidation.orDefault("appkey", message.appKey(), defaults.appKey(), "nxcloud.app-key");
		String businessPhone = NxCloudValidation.requirePhone("business_phone", NxCloudValidation
			.orDefault("business_phone", message.businessPhone(), defaults.businessPhone(), "nxcloud.business-phone"));
		String to = NxCloudValidation.requirePhone("to", message.to());
		return new SaasSendBody(tenantId, appKey, businessPhone, MessageWire.MESSAGING_PRODUCT,
				MessageWire.RECIPIENT_TYPE, to, "template", MessageWire.template("template", message.template()));
	}

	private record SaasSendBody(@JsonProperty("tenant_id") Long tenantId, String appkey,
			@JsonProperty("business_phone") String businessPhone,
			@JsonProperty("messaging_product") String messagingProduct,
			@JsonProperty("recipient_type") String recipientType, String to, String type, WireTemplate template) {
	}

	private record MtBody(String appkey, @JsonProperty("business_phone") String businessPhone,
			@JsonProperty("messaging_product") String messagingProduct,
			@JsonProperty("recipient_type") String recipientType, String to, String type, @Nullable WireText text,
			@Nullable WireMedia image, @Nullable WireMedia video, @Nullable WireMedia audio,
			@Nullable WireMedia document, @Nullable WireMedia sticker, @Nullable WireLocation location,
			@Nullable WireTemplate template, @JsonProperty("cus_message_id") @Nullable String cusMessageId,
			@JsonProperty("dr_webhook") @Nullable String drWebhook,
			@JsonProperty("biz_opaque_callback_data") @Nullable String bizOpaqueCallbackData) {
	}

	private record MtData(@JsonProperty("messaging_product") @Nullable String messagingProduct,
			@Nullable List<MessageRef> messages) {

		@Nullable String messageId() {
			return (this.messages != null && !this.messages.isEmpty()) ? this.messages.get(0).id() : null;
		}

	}

	private record MessageRef(@Nullable String id) {
	}

	private record SaasSendData(@JsonProperty("message_id") @Nullable String messageId) {
	}

}

