package dev.nxcloud.whatsapp.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code value} of an account or phone-number event: {@code account_update}, {@code account_review_update},
 * {@code phone_number_name_update}, {@code phone_number_quality_update} or {@code user_preferences}. Parts that do
 * not apply to an event are {@code null}; everything else is in the event's raw JSON.
 *
 * @param businessPhone the business phone concerned
 * @param event what happened, for example {@code DISABLED_UPDATE}, {@code ACCOUNT_VIOLATION},
 * {@code ACCOUNT_RESTRICTION} or {@code ACCOUNT_DELETED}
 * @param decision the outcome of an account review
 * @param reason why, when given
 * @param time when it happened
 * @param wabaId the WhatsApp Business Account id
 * @param banInfo the ban, for {@code DISABLED_UPDATE}
 */
public record AccountUpdate(@JsonProperty("business_phone") @Nullable String businessPhone, @Nullable String event,
		@Nullable String decision, @Nullable String reason,
		@JsonDeserialize(using = EpochSecondsDeserializer.class) @Nullable Instant time,
		@JsonProperty("wabaId") @JsonAlias("waba_id") @Nullable String wabaId,
		@JsonProperty("ban_info") @Nullable BanInfo banInfo) {

	/**
	 * A WhatsApp Business Account ban.
	 *
	 * @param wabaBanState the ban state
	 * @param wabaBanDate when the ban takes or took effect, as sent
	 */
	public record BanInfo(@JsonProperty("waba_ban_state") @Nullable String wabaBanState,
			@JsonProperty("waba_ban_date") @Nullable String wabaBanDate) {

	}

}
