package dev.nxcloud.whatsapp.template;

import dev.nxcloud.whatsapp.NxCloudValidation;
import org.jspecify.annotations.Nullable;

/**
 * Which page of templates to list. NxCloud requires {@code page_number} and {@code page_size}, so every list request
 * sends both; a call without a request ({@link NxCloudTemplateService#list()}, {@link NxCloudTemplateService#listAll()})
 * asks for the {@linkplain #firstPage() first page} of {@value #DEFAULT_PAGE_SIZE}, the values of NxCloud's example.
 *
 * @param businessPhone the business phone whose templates to list ({@code {phone}}); {@code null} for
 * the client's default business phone
 * @param tenantId the tenant ({@code tenant_id}); {@code null} for the client's default tenant
 * @param pageNumber the page, from 1 ({@code page_number})
 * @param pageSize the number of templates per page, at least 1 ({@code page_size})
 * @param name only templates with this name ({@code name}); {@code null} for all
 */
public record TemplateListRequest(@Nullable String businessPhone, @Nullable Long tenantId, int pageNumber,
		int pageSize, @Nullable String name) {

	/** The page size used by {@link #firstPage()}: the {@code page_size} of NxCloud's example. */
	public static final int DEFAULT_PAGE_SIZE = 10;

	/**
	 * The first page of {@value #DEFAULT_PAGE_SIZE} templates of the configured phone and tenant.
	 * @return the request
	 */
	public static TemplateListRequest firstPage() {
		return page(1, DEFAULT_PAGE_SIZE);
	}

	/**
	 * One page of templates of the configured phone and tenant.
	 * @param pageNumber the page, from 1
	 * @param pageSize the number of templates per page
	 * @return the request
	 */
	public static TemplateListRequest page(int pageNumber, int pageSize) {
		return new TemplateListRequest(null, null, pageNumber, pageSize, null);
	}

	/**
	 * This request for another business phone.
	 * @param businessPhone digits with country code
	 * @return a new request
	 */
	public TemplateListRequest withBusinessPhone(String businessPhone) {
		return new TemplateListRequest(NxCloudValidation.requireNonNull("phone", businessPhone), this.tenantId,
				this.pageNumber, this.pageSize, this.name);
	}

	/**
	 * This request for another tenant.
	 * @param tenantId the tenant id
	 * @return a new request
	 */
	public TemplateListRequest withTenantId(long tenantId) {
		return new TemplateListRequest(this.businessPhone, tenantId, this.pageNumber, this.pageSize, this.name);
	}

	/**
	 * This request, only for templates with the given name.
	 * @param name the template name
	 * @return a new request
	 */
	public TemplateListRequest withName(String name) {
		return new TemplateListRequest(this.businessPhone, this.tenantId, this.pageNumber, this.pageSize,
				NxCloudValidation.requireNonNull("name", name));
	}

	/**
	 * This request for another page.
	 * @param pageNumber the page, from 1
	 * @return a new request
	 */
	public TemplateListRequest withPageNumber(int pageNumber) {
		return new TemplateListRequest(this.businessPhone, this.tenantId, pageNumber, this.pageSize, this.name);
	}

	/**
	 * This request with another page size.
	 * @param pageSize the number of templates per page
	 * @return a new request
	 */
	public TemplateListRequest withPageSize(int pageSize) {
		return new TemplateListRequest(this.businessPhone, this.tenantId, this.pageNumber, pageSize, this.name);
	}

}
