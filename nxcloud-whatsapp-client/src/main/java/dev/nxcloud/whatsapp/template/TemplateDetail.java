package dev.nxcloud.whatsapp.template;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One template's details, in WhatsApp's component form.
 *
 * @param namespace the WhatsApp template namespace
 * @param name the template name
 * @param category the category by name
 * @param categoryType the category by code ({@code category_type})
 * @param components the header, body, footer and buttons
 * @param language the language code, for example {@code af}; see {@link #templateLanguage()}
 * @param status the review status
 * @param id the template id (WhatsApp's, which can exceed an {@code int})
 * @param channel the channel ({@code 2}: WhatsApp)
 * @param qualityScore the quality rating ({@code quality_score})
 * @param tagIds the ids of the tags the template's buttons apply ({@code tag_ids})
 * @param closeAutoFlow whether unassigned sessions are closed ({@code is_close_auto_flow}: {@code 0} no,
 * {@code 1} yes)
 */
public record TemplateDetail(@Nullable String namespace, @Nullable String name, @Nullable TemplateCategory category,
		@JsonProperty("category_type") @Nullable TemplateCategoryType categoryType, List<TemplateDetailComponent> components,
		@Nullable String language, @Nullable TemplateStatus status, @Nullable Long id, @Nullable Integer channel,
		@JsonProperty("quality_score") @Nullable QualityScore qualityScore,
		@JsonProperty("tag_ids") List<Long> tagIds,
		@JsonProperty("is_close_auto_flow") @Nullable Integer closeAutoFlow) {

	/**
	 * Read a template's details.
	 * @param namespace the namespace
	 * @param name the name
	 * @param category the category
	 * @param categoryType the category code
	 * @param components the components, {@code null} read as none
	 * @param language the language code
	 * @param status the status
	 * @param id the id
	 * @param channel the channel
	 * @param qualityScore the quality rating
	 * @param tagIds the tag ids, {@code null} read as none
	 * @param closeAutoFlow whether unassigned sessions are closed
	 */
	public TemplateDetail {
		components = (components != null) ? List.copyOf(components) : List.of();
		tagIds = (tagIds != null) ? List.copyOf(tagIds) : List.of();
	}

	/**
	 * The first component of a type.
	 * @param type the component type
	 * @return the component, or empty
	 */
	public Optional<TemplateDetailComponent> component(TemplateDetailComponent.Type type) {
		return this.components.stream().filter((component) -> component.type() == type).findFirst();
	}

	/**
	 * The language, when its code is a documented template language.
	 * @return the language, or empty
	 */
	public Optional<TemplateLanguage> templateLanguage() {
		return TemplateRules.language(this.language);
	}

	/**
	 * A template's quality rating.
	 *
	 * @param score the rating
	 */
	public record QualityScore(@Nullable TemplateQuality score) {

	}

}
