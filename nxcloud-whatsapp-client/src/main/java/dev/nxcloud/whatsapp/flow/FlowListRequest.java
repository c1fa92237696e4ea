package dev.nxcloud.whatsapp.flow;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Whose flows to list.
 *
 * @param businessPhone the business phone ({@code {phone}}); {@code null} for the client's default business phone
 * @param tenantId the tenant ({@code tenant_id}); {@code null} for the client's default tenant
 */
public record FlowListRequest(@Nullable String businessPhone, @Nullable Long tenantId) {

	/**
	 * The flows of the configured phone and tenant.
	 * @return the request
	 */
	public static FlowListRequest configured() {
		return new FlowListRequest(null, null);
	}

	/**
	 * This request for another business phone.
	 * @param businessPhone digits with country code
	 * @return a new request
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public FlowListRequest withBusinessPhone(String businessPhone) {
		NxCloudValidation.requireNonNull("phone", businessPhone);
		return new FlowListRequest(businessPhone, this.tenantId);
	}

	/**
	 * This request for another tenant.
	 * @param tenantId the tenant id
	 * @return a new request
	 */
	public FlowListRequest withTenantId(long tenantId) {
		return new FlowListRequest(this.businessPhone, tenantId);
	}

}
