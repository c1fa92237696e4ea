package dev.nxcloud.whatsapp.webhook;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The WhatsApp user a callback is about.
 *
 * @param waId the user's WhatsApp id (phone number); empty or absent for users with an anonymised username
 * @param userId the business-scoped user id (BSUID)
 * @param parentUserId the parent business-scoped user id
 * @param profile the user's profile
 */
public record Contact(@JsonProperty("wa_id") @Nullable String waId, @JsonProperty("user_id") @Nullable String userId,
		@JsonProperty("parent_user_id") @Nullable String parentUserId, @Nullable Profile profile) {

	/**
	 * A user's WhatsApp profile.
	 *
	 * @param name the profile name
	 * @param username the WhatsApp username
	 */
	public record Profile(@Nullable String name, @Nullable String username) {

	}

}
