package dev.nxcloud.whatsapp.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code value} of a template event: {@code message_template_status_update},
 * {@code message_template_quality_update} or {@code template_category_update}. Parts that do not apply to an event
 * are {@code null}.
 *
 * @param businessPhone the business phone concerned
 * @param event the new status, for example {@code APPROVED}, {@code REJECTED}, {@code PAUSED} or
 * {@code PENDING_DELETION}
 * @param messageTemplateId the template's id
 * @param messageTemplateName the template's name
 * @param messageTemplateLanguage the template's language
 * @param reason why, for a rejection or pause
 * @param time when it happened
 * @param wabaId the WhatsApp Business Account id
 * @param previousQualityScore the quality score before a quality update
 * @param newQualityScore the quality score after a quality update
 * @param previousCategory the category before a category update
 * @param newCategory the category after a category update
 */
public record TemplateUpdate(@JsonProperty("business_phone") @Nullable String businessPhone, @Nullable String event,
		@JsonProperty("message_template_id") @Nullable String messageTemplateId,
		@JsonProperty("message_template_name") @Nullable String messageTemplateName,
		@JsonProperty("message_template_language") @Nullable String messageTemplateLanguage,
		@Nullable String reason, @JsonDeserialize(using = EpochSecondsDeserializer.class) @Nullable Instant time,
		@JsonProperty("wabaId") @JsonAlias("waba_id") @Nullable String wabaId,
		@JsonProperty("previous_quality_score") @Nullable String previousQualityScore,
		@JsonProperty("new_quality_score") @Nullable String newQualityScore,
		@JsonProperty("previous_category") @Nullable String previousCategory,
		@JsonProperty("new_category") @Nullable String newCategory) {

}
