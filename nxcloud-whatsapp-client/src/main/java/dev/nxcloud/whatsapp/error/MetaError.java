package dev.nxcloud.whatsapp.error;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Meta's error object, as NxCloud passes it through with code 9099.
 *
 * @param code Meta's error code, for example {@code 100} or {@code 131026}
 * @param message Meta's message
 * @param type Meta's error type, for example {@code OAuthException}
 * @param fbtraceId Meta's trace id
 * @param errorData Meta's details
 */
public record MetaError(@Nullable Integer code, @Nullable String message, @Nullable String type,
		@JsonProperty("fbtrace_id") @Nullable String fbtraceId,
		@JsonProperty("error_data") @Nullable ErrorData errorData) {

	/**
	 * Meta's {@code error_data}.
	 *
	 * @param messagingProduct always {@code whatsapp}
	 * @param details what was wrong
	 */
	public record ErrorData(@JsonProperty("messaging_product") @Nullable String messagingProduct,
			@Nullable String details) {
	}

}
