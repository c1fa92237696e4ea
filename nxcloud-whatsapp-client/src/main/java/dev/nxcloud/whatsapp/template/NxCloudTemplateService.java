package dev.nxcloud.whatsapp.template;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * WhatsApp message templates on the SaaS host: list, create, update, detail and delete. The business phone and
 * tenant default to the client's default business phone and the client's default tenant.
 */
public interface NxCloudTemplateService {

	/**
	 * List one page of templates.
	 * @param request which page
	 * @return the page; an empty page when NxCloud returned no data
	 */
	Mono<TemplatePage> list(TemplateListRequest request);

	/**
	 * List the first page of {@value TemplateListRequest#DEFAULT_PAGE_SIZE} templates of the configured phone.
	 * @return the page
	 */
	default Mono<TemplatePage> list() {
		return list(TemplateListRequest.firstPage());
	}

	/**
	 * Every template, from the request's page on, walking the pages lazily: a page is fetched only once the
	 * previous page's templates have all been consumed. The walk stops at a page without a next page or without
	 * templates.
	 * @param request the first page to fetch, its size and filter
	 * @return the templates, in NxCloud's order
	 */
	Flux<TemplateSummary> listAll(TemplateListRequest request);

	/**
	 * Every template of the configured phone, walking pages of {@value TemplateListRequest#DEFAULT_PAGE_SIZE}.
	 * @return the templates, in NxCloud's order
	 */
	default Flux<TemplateSummary> listAll() {
		return listAll(TemplateListRequest.firstPage());
	}

	/**
	 * Create a template and, unless {@code syn_meta} is {@code false}, submit it to WhatsApp for review.
	 * @param request the template
	 * @return NxCloud's answer, with the new template's id when NxCloud sent one
	 */
	Mono<TemplateRef> create(TemplateRequest request);

	/**
	 * Update a template.
	 * @param id the template's id
	 * @param request the template's new content
	 * @return NxCloud's answer; its id is the given id unless NxCloud sent another
	 */
	Mono<TemplateRef> update(long id, TemplateRequest request);

	/**
	 * Get one template's details.
	 * @param key the template
	 * @return the details; empty when NxCloud returned no data
	 */
	Mono<TemplateDetail> get(TemplateKey key);

	/**
	 * Get one template's details, of the configured phone and tenant.
	 * @param id the template id
	 * @return the details
	 */
	default Mono<TemplateDetail> get(long id) {
		return get(TemplateKey.of(id));
	}

	/**
	 * Delete a template.
	 * @param key the template
	 * @return completion
	 */
	Mono<Void> delete(TemplateKey key);

	/**
	 * Delete a template of the configured phone and tenant.
	 * @param id the template id
	 * @return completion
	 */
	default Mono<Void> delete(long id) {
		return delete(TemplateKey.of(id));
	}

}
