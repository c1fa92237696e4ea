package dev.nxcloud.whatsapp.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The top level of a status or inbound-message callback, shared by every item it carries.
 *
 * @param businessPhone the business phone concerned ({@code business_phone}, or {@code merchant_phone} in some
 * payloads)
 * @param messagingProduct always {@code whatsapp}
 * @param appId the NxCloud app id (newer SaaS payloads)
 * @param channel the channel (newer SaaS payloads; 2 for WhatsApp)
 * @param wabaId the WhatsApp Business Account id (newer SaaS payloads)
 * @param metadata the business number's metadata (newer SaaS payloads)
 * @param contacts the users the callback is about
 */
public record WebhookEnvelope(
		@JsonProperty("business_phone") @JsonAlias("merchant_phone") @Nullable String businessPhone,
		@JsonProperty("messaging_product") @Nullable String messagingProduct,
		@JsonProperty("app_id") @Nullable String appId, @Nullable Integer channel,
		@JsonProperty("wabaId") @JsonAlias("waba_id") @Nullable String wabaId, @Nullable Metadata metadata,
		@Nullable List<Contact> contacts) {

	/**
	 * The contacts, never {@code null}.
	 * @return the contacts, possibly empty
	 */
	@Override
	public List<Contact> contacts() {
		return (this.contacts != null) ? this.contacts : List.of();
	}

	/**
	 * The business number's metadata.
	 *
	 * @param displayPhoneNumber the number as displayed
	 * @param phoneNumberId Meta's id of the number
	 */
	public record Metadata(@JsonProperty("display_phone_number") @Nullable String displayPhoneNumber,
			@JsonProperty("phone_number_id") @Nullable String phoneNumberId) {

	}

}
