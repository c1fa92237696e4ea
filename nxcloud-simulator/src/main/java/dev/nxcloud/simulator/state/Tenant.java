package dev.nxcloud.simulator.state;

/**
 * A SaaS (NXLink) tenant, the {@code tenant_id} of the {@code /saas/...} endpoints.
 *
 * @param tenantId the tenant id
 * @param accessKey the owning account's access key
 */
public record Tenant(long tenantId, String accessKey) {
}
