package dev.nxcloud.whatsapp.phone;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A business phone number as NxCloud reports it.
 *
 * @param displayPhoneNumber the registered number as displayed, for example {@code +86 158 0000 1795}
 * @param qualityRating the number's quality rating
 * @param verifiedName the display name
 * @param nameStatus the display name's approval status
 * @param status the number's status
 * @param currentLimit the messaging tier: how many users it may start conversations with in 24 h
 * @param codeVerificationStatus whether the number was verified
 */
public record PhoneInfo(@JsonProperty("display_phone_number") @Nullable String displayPhoneNumber,
		@JsonProperty("quality_rating") @Nullable QualityRating qualityRating,
		@JsonProperty("verified_name") @Nullable String verifiedName,
		@JsonProperty("name_status") @Nullable NameStatus nameStatus, @Nullable Status status,
		@JsonProperty("current_limit") @Nullable MessagingLimit currentLimit,
		@JsonProperty("code_verification_status") @Nullable CodeVerificationStatus codeVerificationStatus) {

	/** The number's status. Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum Status {

		/** Connected and able to send. */
		CONNECTED,
		/** Disconnected. */
		DISCONNECTED,
		/** Flagged for low quality; the tier may drop. */
		FLAGGED,
		/** Restricted: cannot start conversations. */
		RESTRICTED,
		/** Banned. */
		BANNED,
		/** Registration pending. */
		PENDING,
		/** Deleted. */
		DELETED,
		/** Migrated to another account. */
		MIGRATED,
		/** Rate limited. */
		RATE_LIMITED,
		/** Not verified. */
		UNVERIFIED,
		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

	/** The number's quality rating. Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum QualityRating {

		/** High quality. */
		GREEN,
		/** Medium quality. */
		YELLOW,
		/** Low quality. */
		RED,
		/** Not rated yet, or any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

	/** The messaging tier ({@code current_limit}). Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum MessagingLimit {

		/** 50 business-initiated conversations per 24 h. */
		TIER_50,
		/** 250 per 24 h. */
		TIER_250,
		/** 1 000 per 24 h. */
		TIER_1K,
		/** 10 000 per 24 h. */
		TIER_10K,
		/** 100 000 per 24 h. */
		TIER_100K,
		/** Unlimited. */
		TIER_UNLIMITED,
		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

	/** The display name's approval status. Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum NameStatus {

		/** Approved. */
		APPROVED,
		/** Usable before review. */
		AVAILABLE_WITHOUT_REVIEW,
		/** Declined. */
		DECLINED,
		/** Expired. */
		EXPIRED,
		/** Review pending. */
		PENDING_REVIEW,
		/** No name submitted. */
		NONE,
		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

	/** Whether the number was verified. Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum CodeVerificationStatus {

		/** Not verified. */
		NOT_VERIFIED,
		/** Verified. */
		VERIFIED,
		/** The verification expired. */
		EXPIRED,
		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

}
