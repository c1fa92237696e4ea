package dev.nxcloud.whatsapp.template;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A template as the template list reports it.
 *
 * @param id NxCloud's template id
 * @param channel the channel ({@code 2}: WhatsApp)
 * @param name the template name
 * @param content the body text
 * @param createdAt when it was created, as NxCloud writes it ({@code created_at}, for example
 * {@code 2024-06-25 14:31:26})
 * @param updatedAt when it was last changed ({@code updated_at})
 * @param statusCode the status as NxCloud's integer code ({@code status}); NxCloud does not document the codes, so
 * the list does not name the status: {@link NxCloudTemplateService#get(TemplateKey)} gives it as a
 * {@link TemplateStatus}
 * @param language the language code, for example {@code en_GB}; see {@link #templateLanguage()}
 * @param languageName the language's name ({@code language_name})
 * @param unsubscribe the unsubscribe option
 * @param additional extra data NxCloud attaches (undocumented; {@code null} in the example)
 * @param quality the quality rating
 * @param category the category by name
 * @param categoryType the category by code ({@code category_type})
 * @param waRejectedReason why WhatsApp rejected the template ({@code waRejectedReason})
 * @param closeAutoFlow whether unassigned sessions are closed ({@code is_close_auto_flow}: {@code 0} no,
 * {@code 1} yes)
 */
public record TemplateSummary(@Nullable Long id, @Nullable Integer channel, @Nullable String name,
		@Nullable String content, @JsonProperty("created_at") @Nullable String createdAt,
		@JsonProperty("updated_at") @Nullable String updatedAt, @JsonProperty("status") @Nullable Integer statusCode,
		@Nullable String language,
		@JsonProperty("language_name") @Nullable String languageName, @Nullable String unsubscribe,
		@Nullable JsonNode additional, @Nullable TemplateQuality quality, @Nullable TemplateCategory category,
		@JsonProperty("category_type") @Nullable TemplateCategoryType categoryType,
		@JsonProperty("waRejectedReason") @Nullable String waRejectedReason,
		@JsonProperty("is_close_auto_flow") @Nullable Integer closeAutoFlow) {

	/**
	 * Read a template.
	 * @param id the id
	 * @param channel the channel
	 * @param name the name
	 * @param content the body text
	 * @param createdAt when it was created
	 * @param updatedAt when it was last changed
	 * @param statusCode the status code
	 * @param language the language code
	 * @param languageName the language's name
	 * @param unsubscribe the unsubscribe option
	 * @param additional extra data, a JSON {@code null} read as {@code null}
	 * @param quality the quality rating
	 * @param category the category
	 * @param categoryType the category code
	 * @param waRejectedReason the rejection reason
	 * @param closeAutoFlow whether unassigned sessions are closed
	 */
	public TemplateSummary {
		additional = (additional != null && !additional.isNull()) ? additional : null;
	}

	/**
	 * The language, when its code is a documented template language.
	 * @return the language, or empty
	 */
	public Optional<TemplateLanguage> templateLanguage() {
		return TemplateRules.language(this.language);
	}

}
