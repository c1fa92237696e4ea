package dev.nxcloud.whatsapp.webhook;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What NxCloud charged for a message.
 *
 * @param currency the currency of {@code foreignPrice}
 * @param price the price in CNY
 * @param foreignPrice the price in {@code currency}
 * @param cdrType the billing type: 1 message, 4 marketing, 5 utility, 6 authentication, 7 service, 8 free
 * (referral), 9 international authentication, 10 MM Lite
 * @param messageId the message charged for
 * @param direction 1 outbound, 2 inbound
 */
public record Cost(@Nullable String currency, @Nullable BigDecimal price,
		@JsonProperty("foreign_price") @Nullable BigDecimal foreignPrice,
		@JsonProperty("cdr_type") @Nullable Integer cdrType, @JsonProperty("message_id") @Nullable String messageId,
		@Nullable Integer direction) {

}
