package dev.nxcloud.whatsapp.template;

import dev.nxcloud.whatsapp.NxCloudValidation;
import org.jspecify.annotations.Nullable;

/**
 * Identifies one template for the detail and delete calls: its id, and the business phone and tenant it belongs to.
 *
 * @param id the template id ({@code {id}})
 * @param businessPhone the business phone ({@code {phone}}); {@code null} for the client's default business phone
 * @param tenantId the tenant ({@code tenant_id}); {@code null} for the client's default tenant
 */
public record TemplateKey(long id, @Nullable String businessPhone, @Nullable Long tenantId) {

	/**
	 * A template of the configured phone and tenant.
	 * @param id the template id
	 * @return the key
	 */
	public static TemplateKey of(long id) {
		return new TemplateKey(id, null, null);
	}

	/**
	 * This key for another business phone.
	 * @param businessPhone digits with country code
	 * @return a new key
	 */
	public TemplateKey withBusinessPhone(String businessPhone) {
		return new TemplateKey(this.id, NxCloudValidation.requireNonNull("phone", businessPhone), this.tenantId);
	}

	/**
	 * This key for another tenant.
	 * @param tenantId the tenant id
	 * @return a new key
	 */
	public TemplateKey withTenantId(long tenantId) {
		return new TemplateKey(this.id, this.businessPhone, tenantId);
	}

}
