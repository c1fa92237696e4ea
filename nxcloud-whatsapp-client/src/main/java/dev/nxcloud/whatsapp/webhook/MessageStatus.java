package dev.nxcloud.whatsapp.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One entry of a status callback's {@code statuses}: what happened to a message sent earlier.
 *
 * @param id the message id returned by the send, or the {@code cus_message_id} it was sent with
 * @param status the new status
 * @param timestamp when it happened
 * @param recipientId the recipient's WhatsApp id
 * @param conversation the conversation the message opened or belongs to
 * @param errors why the message failed, for {@link Status#FAILED}
 * @param costs what NxCloud charged
 * @param pricing Meta's pricing information
 * @param metaMessageId Meta's original message id (wamid) when it differs from {@code id}; the one to quote when
 * replying
 * @param bizOpaqueCallbackData the {@code biz_opaque_callback_data} the message was sent with
 */
public record MessageStatus(@Nullable String id, @Nullable Status status,
		@JsonDeserialize(using = EpochSecondsDeserializer.class) @Nullable Instant timestamp,
		@JsonProperty("recipient_id") @Nullable String recipientId, @Nullable Conversation conversation,
		@Nullable List<Error> errors, @Nullable List<Cost> costs, @Nullable Pricing pricing,
		@JsonProperty("meta_message_id") @Nullable String metaMessageId,
		@JsonProperty("biz_opaque_callback_data") @Nullable String bizOpaqueCallbackData) {

	/**
	 * The errors, never {@code null}.
	 * @return the errors, possibly empty
	 */
	@Override
	public List<Error> errors() {
		return (this.errors != null) ? this.errors : List.of();
	}

	/**
	 * The costs, never {@code null}.
	 * @return the costs, possibly empty
	 */
	@Override
	public List<Cost> costs() {
		return (this.costs != null) ? this.costs : List.of();
	}

	/** A message's status. Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum Status {

		/** Sent to WhatsApp. */
		SENT,
		/** Delivered to the recipient's device. */
		DELIVERED,
		/** Read by the recipient. */
		READ,
		/** Could not be delivered; see {@link MessageStatus#errors()}. */
		FAILED,
		/** Deleted by the recipient. */
		DELETED,
		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

	/**
	 * A conversation, as WhatsApp bills them.
	 *
	 * @param id the conversation id
	 * @param expirationTimestamp when the conversation window closes
	 * @param origin what opened the conversation
	 */
	public record Conversation(@Nullable String id,
			@JsonProperty("expiration_timestamp") @JsonDeserialize(
					using = EpochSecondsDeserializer.class) @Nullable Instant expirationTimestamp,
			@Nullable Origin origin) {

	}

	/**
	 * What opened a conversation.
	 *
	 * @param type {@code marketing}, {@code utility}, {@code authentication}, {@code service},
	 * {@code referral_conversion}, {@code marketing_lite} or, in older payloads, {@code business_initiated}
	 */
	public record Origin(@Nullable String type) {

	}

	/**
	 * Why a message failed.
	 *
	 * @param code NxCloud's error code, for example 470
	 * @param metaCode Meta's error code, when NxCloud reports it
	 * @param title a short description
	 * @param message a longer description, when given
	 */
	public record Error(@Nullable Integer code, @JsonProperty("meta_code") @Nullable Integer metaCode,
			@Nullable String title, @Nullable String message) {

	}

	/**
	 * Meta's pricing information, passed through.
	 *
	 * @param billable whether the message is billed
	 * @param pricingModel the pricing model, for example {@code CBP} or {@code PMP}
	 * @param category the pricing category, for example {@code marketing}
	 * @param type the pricing type, when given
	 */
	public record Pricing(@Nullable Boolean billable, @JsonProperty("pricing_model") @Nullable String pricingModel,
			@Nullable String category, @Nullable String type) {

	}

}
