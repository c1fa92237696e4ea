package dev.nxcloud.whatsapp.otp;

import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.RequestDefaults;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.message.SentMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link NxCloudOtpService} over an {@link NxCloudClient}.
 */
public class DefaultNxCloudOtpService implements NxCloudOtpService {

	private static final Pattern CODE = Pattern.compile("(?<![0-9])[0-9]{4,8}(?![0-9])");

	/**
	 * The {@code content}: NxCloud documents no limit (it sends the code it extracts, not the content); 4,096
	 * characters, the most WhatsApp carries in a text message, is a generous bound.
	 */
	static final int MAX_CONTENT = 4096;

	private final NxCloudClient client;

	/**
	 * Create the service.
	 * @param client the client of the account to use
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public DefaultNxCloudOtpService(NxCloudClient client) {
		this.client = NxCloudValidation.requireNonNull("client", client);
	}

	@Override
	public Mono<SentMessage> send(OtpRequest request) {
		return Mono.defer(() -> {
			Body body = toBody(request);
			return pace(this.client.call(NxCloudOperation.SEND_OTP).jsonBody(body), body).retrieveSentMessage();
		});
	}

	private Body toBody(OtpRequest request) {
		NxCloudValidation.requireNonNull("request", request);
		RequestDefaults defaults = this.client.defaults();
		String appKey = defaults.appKey(request.appKey());
		String businessPhone = defaults.optionalBusinessPhone(request.businessPhone());
		String to = NxCloudValidation.requirePhone("to", request.to());
		String content = NxCloudValidation.requireText("content", request.content(), MAX_CONTENT);
		if (!CODE.matcher(content).find()) {
			throw new NxCloudValidationException("content", "must contain a code of 4 to 8 consecutive digits");
		}
		NxCloudValidation.customMessageId(request.customMessageId());
		NxCloudValidation.optionalHttpUrl("dr_webhook", request.drWebhook());
		return new Body(appKey, businessPhone, NxCloudJson.MESSAGING_PRODUCT, NxCloudJson.RECIPIENT_TYPE, to, request.category(), content,
				request.language().code(), request.customMessageId(), request.drWebhook(), request.apiType());
	}

	private static NxCloudClient.Call pace(NxCloudClient.Call call, Body body) {
		NxCloudClient.Call paced = call.pacedFor(body.to());
		return (body.businessPhone() != null) ? paced.pacedBy(body.businessPhone()) : paced;
	}

	private record Body(String appkey, @JsonProperty("business_phone") @Nullable String businessPhone,
			@JsonProperty("messaging_product") String messagingProduct,
			@JsonProperty("recipient_type") String recipientType, String to, @Nullable OtpCategory category,
			String content, @JsonProperty("language_code") String languageCode,
			@JsonProperty("cus_message_id") @Nullable String cusMessageId,
			@JsonProperty("dr_webhook") @Nullable String drWebhook,
			@JsonProperty("api_type") @Nullable OtpApiType apiType) {
	}

}
