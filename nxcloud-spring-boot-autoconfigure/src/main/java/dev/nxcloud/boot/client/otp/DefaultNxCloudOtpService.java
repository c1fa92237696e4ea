package dev.nxcloud.boot.client.otp;

import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nxcloud.boot.client.NxCloudClient;
import dev.nxcloud.boot.client.NxCloudOperation;
import dev.nxcloud.boot.client.NxCloudValidation;
import dev.nxcloud.boot.client.error.NxCloudInvalidResponseException;
import dev.nxcloud.boot.client.error.NxCloudValidationException;
import dev.nxcloud.boot.client.message.SentMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link NxCloudOtpService} over an {@link NxCloudClient}.
 */
public class DefaultNxCloudOtpService implements NxCloudOtpService {

	private static final Pattern CODE = Pattern.compile("(?<![0-9])[0-9]{4,8}(?![0-9])");

	private final NxCloudClient client;

	/**
	 * Create the service.
	 * @param client the client of the account to use
	 */
	public DefaultNxCloudOtpService(NxCloudClient client) {
		this.client = client;
	}

	@Override
	public Mono<SentMessage> send(OtpRequest request) {
		return Mono.fromSupplier(() -> toBody(request))
			.flatMap((body) -> pace(this.client.call(NxCloudOperation.SEND_OTP).jsonBody(body), body)
				.retrieve(Data.class))
			.mapNotNull(Data::messageId)
			.switchIfEmpty(Mono.error(() -> new NxCloudInvalidResponseException(
					NxCloudOperation.SEND_OTP.operationName(), "the response's data carries no message id", null)))
			.map(SentMessage::new);
	}

	private Body toBody(OtpRequest request) {
		String appKey = NxCloudValidation.orDefault("appkey", request.appKey(), this.client.defaults().appKey(),
				"nxcloud.app-key");
		String businessPhone = (request.businessPhone() != null) ? request.businessPhone()
				: this.client.defaults().businessPhone();
		if (businessPhone != null) {
			NxCloudValidation.requirePhone("business_phone", businessPhone);
		}
		String to = NxCloudValidation.requirePhone("to", request.to());
		String content = NxCloudValidation.requireText("content", request.content());
		if (!CODE.matcher(content).find()) {
			throw new NxCloudValidationException("content", "must contain a code of 4 to 8 consecutive digits");
		}
		if (request.customMessageId() != null) {
			NxCloudValidation.requireText("cus_message_id", request.customMessageId());
		}
		if (request.drWebhook() != null) {
			NxCloudValidation.requireHttpUrl("dr_webhook", request.drWebhook());
		}
		return new Body(appKey, businessPhone, "whatsapp", "individual", to, request.category(), content,
				request.language().code(), request.customMessageId(), request.drWebhook(), request.apiType());
	}

	private static NxCloudClient.Call pace(NxCloudClient.Call call, Body body) {
		return (body.businessPhone() != null) ? call.pacedBy(body.businessPhone()) : call;
	}

	private record Body(String appkey, @JsonProperty("business_phone") @Nullable String businessPhone,
			@JsonProperty("messaging_product") String messagingProduct,
			@JsonProperty("recipient_type") String recipientType, String to, @Nullable OtpCategory category,
			String content, @JsonProperty("language_code") String languageCode,
			@JsonProperty("cus_message_id") @Nullable String cusMessageId,
			@JsonProperty("dr_webhook") @Nullable String drWebhook,
			@JsonProperty("api_type") @Nullable OtpApiType apiType) {
	}

	private record Data(@JsonProperty("messaging_product") @Nullable String messagingProduct,
			@Nullable List<MessageRef> messages) {

		@Nullable String messageId() {
			return (this.messages != null && !this.messages.isEmpty()) ? this.messages.get(0).id() : null;
		}

	}

	private record MessageRef(@Nullable String id) {
	}

}
