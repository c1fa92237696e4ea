package dev.nxcloud.whatsapp.otp;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import org.jspecify.annotations.Nullable;

/**
 * A one-time password to send ({@code /api/wa/otp}). NxCloud picks the template; the code is taken from the
 * content. Immutable: the {@code withX} methods return a copy. A {@code null} where a value is required is refused
 * at once with an {@link NxCloudValidationException} naming the field; every other rule is checked when it is sent.
 *
 * @param to the recipient, digits with country code and no {@code +}
 * @param content the text carrying the code, at most 4,096 characters: it must hold a run of 4 to 8 consecutive
 * digits, which NxCloud extracts
 * @param language the template language ({@code language_code})
 * @param category the template category; {@code null} for NxCloud's default, {@link OtpCategory#AUTHENTICATION}
 * @param apiType the Meta API to send through; {@code null} for NxCloud's default, {@link OtpApiType#CLOUD_API}
 * @param appKey the app to send with ({@code appkey}); {@code null} for the client's default app key
 * @param businessPhone the sending number ({@code business_phone}); {@code null} for the client's default business phone,
 * and left out when that is not set either, so that NxCloud's number pool picks the sender
 * @param customMessageId your own globally unique id, used as the message id in the response and in status
 * callbacks ({@code cus_message_id}); {@code null} to let NxCloud assign one
 * @param drWebhook an {@code http(s)} URL that receives this message's status callbacks instead of the app's webhook
 * ({@code dr_webhook}); {@code null} for the app's webhook
 */
public record OtpRequest(String to, String content, TemplateLanguage language, @Nullable OtpCategory category,
		@Nullable OtpApiType apiType, @Nullable String appKey, @Nullable String businessPhone,
		@Nullable String customMessageId, @Nullable String drWebhook) {

	/**
	 * Create a request.
	 * @param to the recipient
	 * @param content the text carrying the code
	 * @param language the template language
	 * @param category the template category, or {@code null}
	 * @param apiType the Meta API, or {@code null}
	 * @param appKey the app, or {@code null}
	 * @param businessPhone the sending number, or {@code null}
	 * @param customMessageId your own id, or {@code null}
	 * @param drWebhook the status callback URL, or {@code null}
	 * @throws NxCloudValidationException if {@code to}, {@code content} or {@code language} is {@code null}
	 */
	public OtpRequest {
		NxCloudValidation.requireNonNull("to", to);
		NxCloudValidation.requireNonNull("content", content);
		NxCloudValidation.requireNonNull("language_code", language);
	}

	/**
	 * A code sent with NxCloud's defaults.
	 * @param to the recipient
	 * @param content the text carrying a 4 to 8 digit code, or just the code
	 * @param language the template language
	 * @return the request
	 */
	public static OtpRequest of(String to, String content, TemplateLanguage language) {
		return new OtpRequest(to, content, language, null, null, null, null, null, null);
	}

	/**
	 * This request with a template category.
	 * @param category the category
	 * @return a new request
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public OtpRequest withCategory(OtpCategory category) {
		NxCloudValidation.requireNonNull("category", category);
		return new OtpRequest(this.to, this.content, this.language, category, this.apiType, this.appKey,
				this.businessPhone, this.customMessageId, this.drWebhook);
	}

	/**
	 * This request sent through another Meta API.
	 * @param apiType the API
	 * @return a new request
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public OtpRequest withApiType(OtpApiType apiType) {
		NxCloudValidation.requireNonNull("api_type", apiType);
		return new OtpRequest(this.to, this.content, this.language, this.category, apiType, this.appKey,
				this.businessPhone, this.customMessageId, this.drWebhook);
	}

	/**
	 * This request sent with another app.
	 * @param appKey the app key
	 * @return a new request
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public OtpRequest withAppKey(String appKey) {
		NxCloudValidation.requireNonNull("appkey", appKey);
		return new OtpRequest(this.to, this.content, this.language, this.category, this.apiType, appKey,
				this.businessPhone, this.customMessageId, this.drWebhook);
	}

	/**
	 * This request sent from a given number rather than the number pool.
	 * @param businessPhone the sending number, digits with country code
	 * @return a new request
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public OtpRequest withBusinessPhone(String businessPhone) {
		NxCloudValidation.requireNonNull("business_phone", businessPhone);
		return new OtpRequest(this.to, this.content, this.language, this.category, this.apiType, this.appKey,
				businessPhone, this.customMessageId, this.drWebhook);
	}

	/**
	 * This request with your own id, returned as the message id and in status callbacks.
	 * @param customMessageId a globally unique id
	 * @return a new request
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public OtpRequest withCustomMessageId(String customMessageId) {
		NxCloudValidation.requireNonNull("cus_message_id", customMessageId);
		return new OtpRequest(this.to, this.content, this.language, this.category, this.apiType, this.appKey,
				this.businessPhone, customMessageId, this.drWebhook);
	}

	/**
	 * This request with its status callbacks sent to another URL.
	 * @param drWebhook an {@code http(s)} URL
	 * @return a new request
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public OtpRequest withDrWebhook(String drWebhook) {
		NxCloudValidation.requireNonNull("dr_webhook", drWebhook);
		return new OtpRequest(this.to, this.content, this.language, this.category, this.apiType, this.appKey,
				this.businessPhone, this.customMessageId, drWebhook);
	}

}
