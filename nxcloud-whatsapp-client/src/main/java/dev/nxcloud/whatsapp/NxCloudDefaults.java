package dev.nxcloud.whatsapp;

import org.jspecify.annotations.Nullable;

/**
 * Values applied to any request that leaves them out.
 *
 * @param appKey the WhatsApp app key ({@code appkey})
 * @param businessPhone the sending business phone, digits with country code ({@code business_phone})
 * @param tenantId the SaaS tenant id ({@code tenant_id})
 */
public record NxCloudDefaults(@Nullable String appKey, @Nullable String businessPhone, @Nullable Long tenantId) {

}
