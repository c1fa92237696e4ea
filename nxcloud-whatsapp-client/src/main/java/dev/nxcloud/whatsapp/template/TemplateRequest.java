package dev.nxcloud.whatsapp.template;

import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A template to create or update. Build one with {@link #builder()}; it is checked when sent, before any network
 * call.
 *
 * @param businessPhone the business phone that owns the template ({@code {phone}}), digits with country code;
 * {@code null} for the client's default business phone
 * @param tenantId the tenant ({@code tenant_id}); {@code null} for the client's default tenant
 * @param name the template name ({@code name}): lowercase letters, digits and underscores, at most 512 characters
 * @param language the template language ({@code language})
 * @param categoryType the category ({@code category_type})
 * @param content the body text ({@code content}), with {@code {{…}}} variables
 * @param headerText the header text ({@code headerText})
 * @param headerMedia the header media ({@code mediaType}, {@code mediaName}, {@code mediaId},
 * {@code templateMediaId})
 * @param footerText the footer text ({@code footerText})
 * @param tagName an existing tag to apply to messages sent with the template ({@code tag_name})
 * @param synMeta whether to submit the template to Meta ({@code syn_meta}); {@code null} for NxCloud's default,
 * {@code true}
 * @param closeAutoFlow whether to close unassigned sessions ({@code is_close_auto_flow}, sent as {@code 0} or
 * {@code 1})
 * @param buttons the buttons ({@code buttonComponents}), at most 3
 */
public record TemplateRequest(@Nullable String businessPhone, @Nullable Long tenantId, @Nullable String name,
		@Nullable TemplateLanguage language, @Nullable TemplateCategoryType categoryType, @Nullable String content,
		@Nullable String headerText, @Nullable TemplateHeaderMedia headerMedia, @Nullable String footerText,
		@Nullable String tagName, @Nullable Boolean synMeta, @Nullable Boolean closeAutoFlow,
		List<TemplateButton> buttons) {

	/**
	 * Create a request.
	 * @param businessPhone the business phone
	 * @param tenantId the tenant
	 * @param name the name
	 * @param language the language
	 * @param categoryType the category
	 * @param content the body text
	 * @param headerText the header text
	 * @param headerMedia the header media
	 * @param footerText the footer text
	 * @param tagName the tag
	 * @param synMeta whether to submit to Meta
	 * @param closeAutoFlow whether to close unassigned sessions
	 * @param buttons the buttons
	 * @throws NxCloudValidationException if the list of buttons, or one of them, is {@code null}
	 */
	public TemplateRequest {
		buttons = NxCloudValidation.requireElements("buttonComponents", buttons);
	}

	/**
	 * Start building a request.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder holding this request's values, for example to update a template with a changed field.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.businessPhone = this.businessPhone;
		builder.tenantId = this.tenantId;
		builder.name = this.name;
		builder.language = this.language;
		builder.categoryType = this.categoryType;
		builder.content = this.content;
		builder.headerText = this.headerText;
		builder.headerMedia = this.headerMedia;
		builder.footerText = this.footerText;
		builder.tagName = this.tagName;
		builder.synMeta = this.synMeta;
		builder.closeAutoFlow = this.closeAutoFlow;
		builder.buttons.addAll(this.buttons);
		return builder;
	}

	/**
	 * Builds a {@link TemplateRequest}. Not thread-safe; the request it builds is immutable. Its methods refuse
	 * {@code null} at once with an {@link NxCloudValidationException} naming the field; the other rules are checked
	 * when the request is sent.
	 */
	public static final class Builder {

		private @Nullable String businessPhone;

		private @Nullable Long tenantId;

		private @Nullable String name;

		private @Nullable TemplateLanguage language;

		private @Nullable TemplateCategoryType categoryType;

		private @Nullable String content;

		private @Nullable String headerText;

		private @Nullable TemplateHeaderMedia headerMedia;

		private @Nullable String footerText;

		private @Nullable String tagName;

		private @Nullable Boolean synMeta;

		private @Nullable Boolean closeAutoFlow;

		private final List<TemplateButton> buttons = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Set the business phone that owns the template, instead of the client's default business phone.
		 * @param businessPhone digits with country code, no {@code +}
		 * @return this builder
		 */
		public Builder businessPhone(String businessPhone) {
			this.businessPhone = NxCloudValidation.requireNonNull("phone", businessPhone);
			return this;
		}

		/**
		 * Set the tenant, instead of the client's default tenant.
		 * @param tenantId the tenant id
		 * @return this builder
		 */
		public Builder tenantId(long tenantId) {
			this.tenantId = tenantId;
			return this;
		}

		/**
		 * Set the template name.
		 * @param name lowercase letters, digits and underscores, at most 512 characters
		 * @return this builder
		 */
		public Builder name(String name) {
			this.name = NxCloudValidation.requireNonNull("name", name);
			return this;
		}

		/**
		 * Set the template language.
		 * @param language the language
		 * @return this builder
		 */
		public Builder language(TemplateLanguage language) {
			this.language = NxCloudValidation.requireNonNull("language", language);
			return this;
		}

		/**
		 * Set the category.
		 * @param categoryType {@link TemplateCategoryType#MARKETING} or {@link TemplateCategoryType#UTILITY}
		 * @return this builder
		 */
		public Builder category(TemplateCategoryType categoryType) {
			this.categoryType = NxCloudValidation.requireNonNull("category_type", categoryType);
			return this;
		}

		/**
		 * Set the body text.
		 * @param content the text, with {@code {{…}}} variables
		 * @return this builder
		 */
		public Builder content(String content) {
			this.content = NxCloudValidation.requireNonNull("content", content);
			return this;
		}

		/**
		 * Set the header text.
		 * @param headerText the text
		 * @return this builder
		 */
		public Builder headerText(String headerText) {
			this.headerText = NxCloudValidation.requireNonNull("headerText", headerText);
			return this;
		}

		/**
		 * Set the header media.
		 * @param headerMedia the media, for example {@link TemplateHeaderMedia#of(TemplateMediaType,
		 * dev.nxcloud.whatsapp.media.MediaUpload)}
		 * @return this builder
		 */
		public Builder headerMedia(TemplateHeaderMedia headerMedia) {
			this.headerMedia = NxCloudValidation.requireNonNull("headerMedia", headerMedia);
			return this;
		}

		/**
		 * Set the footer text.
		 * @param footerText the text
		 * @return this builder
		 */
		public Builder footerText(String footerText) {
			this.footerText = NxCloudValidation.requireNonNull("footerText", footerText);
			return this;
		}

		/**
		 * Tag messages sent with the template.
		 * @param tagName an existing tag's name
		 * @return this builder
		 */
		public Builder tagName(String tagName) {
			this.tagName = NxCloudValidation.requireNonNull("tag_name", tagName);
			return this;
		}

		/**
		 * Set whether to submit the template to Meta; NxCloud does by default.
		 * @param synMeta {@code false} to keep the template on NxCloud only
		 * @return this builder
		 */
		public Builder synMeta(boolean synMeta) {
			this.synMeta = synMeta;
			return this;
		}

		/**
		 * Set whether to close unassigned sessions.
		 * @param closeAutoFlow {@code true} to close them
		 * @return this builder
		 */
		public Builder closeAutoFlow(boolean closeAutoFlow) {
			this.closeAutoFlow = closeAutoFlow;
			return this;
		}

		/**
		 * Add a button after those already added.
		 * @param button the button
		 * @return this builder
		 */
		public Builder button(TemplateButton button) {
			this.buttons.add(NxCloudValidation.requireNonNull("buttonComponents[" + this.buttons.size() + "]", button));
			return this;
		}

		/**
		 * Replace the buttons.
		 * @param buttons the buttons, in order
		 * @return this builder
		 */
		public Builder buttons(List<TemplateButton> buttons) {
			List<TemplateButton> checked = NxCloudValidation.requireElements("buttonComponents", buttons);
			this.buttons.clear();
			this.buttons.addAll(checked);
			return this;
		}

		/**
		 * Build the request.
		 * @return the immutable request
		 */
		public TemplateRequest build() {
			return new TemplateRequest(this.businessPhone, this.tenantId, this.name, this.language, this.categoryType,
					this.content, this.headerText, this.headerMedia, this.footerText, this.tagName, this.synMeta,
					this.closeAutoFlow, this.buttons);
		}

	}

}
