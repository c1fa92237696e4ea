package dev.nxcloud.whatsapp.integrator;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A customer app NxCloud created.
 *
 * @param appId the app's id ({@code app_id})
 * @param appName the app's name ({@code app_name})
 * @param appKey the app's key, used as {@code appkey} when sending for this customer ({@code app_key})
 */
public record CustomerApp(@JsonProperty("app_id") long appId, @JsonProperty("app_name") @Nullable String appName,
		@JsonProperty("app_key") @Nullable String appKey) {

}
