package dev.nxcloud.whatsapp.message;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A template message to send through the SaaS host ({@code /saas/wa/send}), whose template values are a header and a
 * body only: text variables and an image header by link (see {@link NxCloudMessageService#sendTemplate}). Immutable:
 * the {@code withX} methods return a copy.
 *
 * @param to the recipient, digits with country code and no {@code +}
 * @param template the template and its values
 * @param tenantId the SaaS tenant ({@code tenant_id}); {@code null} for the client's default tenant
 * @param appKey the app to send with ({@code appkey}); {@code null} for the client's default app key
 * @param businessPhone the sending number ({@code business_phone}); {@code null} for the client's default business phone
 */
public record TemplateMessage(String to, Template template, @Nullable Long tenantId, @Nullable String appKey,
		@Nullable String businessPhone) {

	/**
	 * Create a template message.
	 * @param to the recipient
	 * @param template the template and its values
	 * @param tenantId the tenant, or {@code null}
	 * @param appKey the app, or {@code null}
	 * @param businessPhone the sending number, or {@code null}
	 * @throws NxCloudValidationException if {@code to} or {@code template} is {@code null}
	 */
	public TemplateMessage {
		NxCloudValidation.requireNonNull("to", to);
		NxCloudValidation.requireNonNull("template", template);
	}

	/**
	 * A template message from the configured tenant, app and number.
	 * @param to the recipient
	 * @param template the template and its values
	 * @return the message
	 */
	public static TemplateMessage to(String to, Template template) {
		return new TemplateMessage(to, template, null, null, null);
	}

	/**
	 * This message sent for another tenant.
	 * @param tenantId the tenant id
	 * @return a new message
	 */
	public TemplateMessage withTenantId(long tenantId) {
		return new TemplateMessage(this.to, this.template, tenantId, this.appKey, this.businessPhone);
	}

	/**
	 * This message sent with another app.
	 * @param appKey the app key
	 * @return a new message
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public TemplateMessage withAppKey(String appKey) {
		NxCloudValidation.requireNonNull("appkey", appKey);
		return new TemplateMessage(this.to, this.template, this.tenantId, appKey, this.businessPhone);
	}

	/**
	 * This message sent from another number.
	 * @param businessPhone the sending number, digits with country code
	 * @return a new message
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public TemplateMessage withBusinessPhone(String businessPhone) {
		NxCloudValidation.requireNonNull("business_phone", businessPhone);
		return new TemplateMessage(this.to, this.template, this.tenantId, this.appKey, businessPhone);
	}

}
