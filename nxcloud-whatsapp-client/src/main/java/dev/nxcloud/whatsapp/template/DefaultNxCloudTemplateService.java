package dev.nxcloud.whatsapp.template;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.RequestDefaults;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@link NxCloudTemplateService} over an {@link NxCloudClient}.
 */
public class DefaultNxCloudTemplateService implements NxCloudTemplateService {

	private final NxCloudClient client;

	/**
	 * Create the service.
	 * @param client the client of the account to use
	 */
	public DefaultNxCloudTemplateService(NxCloudClient client) {
		this.client = NxCloudValidation.requireNonNull("client", client);
	}

	@Override
	public Mono<TemplatePage> list(TemplateListRequest request) {
		return Mono.fromSupplier(() -> toQuery(NxCloudValidation.requireNonNull("request", request)))
			.flatMap(this::fetch);
	}

	@Override
	public Flux<TemplateSummary> listAll(TemplateListRequest request) {
		return Mono.fromSupplier(() -> toQuery(NxCloudValidation.requireNonNull("request", request)))
			.flatMapMany((first) -> TemplatePageWalk.templates(first, this::fetch, Query::nextPage));
	}

	@Override
	public Mono<TemplateRef> create(TemplateRequest request) {
		return Mono.fromSupplier(() -> toBody(NxCloudValidation.requireNonNull("request", request), null))
			.flatMap((target) -> this.client.call(NxCloudOperation.CREATE_TEMPLATE)
				.pathVariables(target.phone())
				.jsonBody(target.body())
				.retrieve(JsonNode.class)
				.map((data) -> TemplateRef.from(data, null))
				.defaultIfEmpty(TemplateRef.from(null, null)));
	}

	@Override
	public Mono<TemplateRef> update(long id, TemplateRequest request) {
		return Mono.fromSupplier(() -> toBody(NxCloudValidation.requireNonNull("request", request), id))
			.flatMap((target) -> this.client.call(NxCloudOperation.UPDATE_TEMPLATE)
				.pathVariables(target.phone())
				.jsonBody(target.body())
				.retrieve(JsonNode.class)
				.map((data) -> TemplateRef.from(data, id))
				.defaultIfEmpty(TemplateRef.from(null, id)));
	}

	@Override
	public Mono<TemplateDetail> get(TemplateKey key) {
		return Mono.fromSupplier(() -> resolve(NxCloudValidation.requireNonNull("key", key)))
			.flatMap((target) -> this.client.call(NxCloudOperation.GET_TEMPLATE)
				.pathVariables(target.phone(), target.id())
				.queryParam("tenant_id", target.tenantId())
				.retrieve(TemplateDetail.class));
	}

	@Override
	public Mono<Void> delete(TemplateKey key) {
		return Mono.fromSupplier(() -> resolve(NxCloudValidation.requireNonNull("key", key)))
			.flatMap((target) -> this.client.call(NxCloudOperation.DELETE_TEMPLATE)
				.pathVariables(target.phone(), target.id())
				.queryParam("tenant_id", target.tenantId())
				.retrieve(JsonNode.class)
				.then());
	}

	private Mono<TemplatePage> fetch(Query query) {
		return this.client.call(NxCloudOperation.LIST_TEMPLATES)
			.pathVariables(query.phone())
			.queryParam("page_number", query.pageNumber())
			.queryParam("page_size", query.pageSize())
			.queryParam("name", query.name())
			.queryParam("tenant_id", query.tenantId())
			.retrieve(TemplatePage.class)
			.defaultIfEmpty(TemplatePage.empty());
	}

	private Query toQuery(TemplateListRequest request) {
		RequestDefaults defaults = this.client.defaults();
		String phone = defaults.businessPhone("phone", request.businessPhone());
		long tenantId = defaults.tenantId(request.tenantId());
		TemplateRules.page(request.pageNumber(), request.pageSize());
		String name = (request.name() != null && !request.name().isBlank())
				? NxCloudValidation.maxLength("name", request.name(), NxCloudValidation.MAX_TEMPLATE_NAME_LENGTH) : null;
		return new Query(phone, tenantId, request.pageNumber(), request.pageSize(), name);
	}

	private Key resolve(TemplateKey key) {
		RequestDefaults defaults = this.client.defaults();
		return new Key(defaults.businessPhone("phone", key.businessPhone()), key.id(),
				defaults.tenantId(key.tenantId()));
	}

	private Target toBody(TemplateRequest request, @Nullable Long id) {
		RequestDefaults defaults = this.client.defaults();
		String phone = defaults.businessPhone("phone", request.businessPhone());
		long tenantId = defaults.tenantId(request.tenantId());
		String name = TemplateRules.name(request.name());
		TemplateLanguage language = TemplateRules.language(request.language());
		TemplateCategoryType categoryType = TemplateRules.categoryType(request.categoryType());
		String content = TemplateRules.texts(request);
		TemplateRules.headerMedia(request.headerMedia());
		TemplateRules.buttons(request.buttons());
		TemplateHeaderMedia media = request.headerMedia();
		String mediaType = (media == null) ? null : (media.type() != null) ? media.type().name() : "";
		Integer closeAutoFlow = (request.closeAutoFlow() == null) ? null : request.closeAutoFlow() ? 1 : 0;
		List<ButtonBody> buttons = request.buttons().isEmpty() ? null
				: request.buttons().stream().map(DefaultNxCloudTemplateService::toButton).toList();
		Body body = new Body(tenantId, id, name, language, categoryType, content, request.headerText(),
				(media != null) ? media.mediaName() : null, (media != null) ? media.mediaId() : null, mediaType,
				(media != null) ? media.templateMediaId() : null, request.footerText(), request.tagName(),
				request.synMeta(), closeAutoFlow, buttons);
		return new Target(phone, body);
	}

	private static ButtonBody toButton(TemplateButton button) {
		List<EventBody> events = button.buttonEvents().isEmpty() ? null
				: button.buttonEvents()
					.stream()
					.map((event) -> new EventBody(event.event(), event.tagName(), event.text(), event.templateId(),
							event.templateName()))
					.toList();
		return new ButtonBody(button.type(), button.customizeType(), button.text(), button.phoneNumber(),
				button.url(), button.flowId(), events);
	}

	private record Query(String phone, long tenantId, int pageNumber, int pageSize, @Nullable String name) {

		Query nextPage() {
			return new Query(this.phone, this.tenantId, this.pageNumber + 1, this.pageSize, this.name);
		}

	}

	private record Key(String phone, long id, long tenantId) {
	}

	private record Target(String phone, Body body) {
	}

	private record Body(@JsonProperty("tenant_id") long tenantId, @Nullable Long id, String name,
			TemplateLanguage language, @JsonProperty("category_type") TemplateCategoryType categoryType,
			String content, @Nullable String headerText, @Nullable String mediaName, @Nullable String mediaId,
			@Nullable String mediaType, @Nullable String templateMediaId, @Nullable String footerText,
			@JsonProperty("tag_name") @Nullable String tagName, @JsonProperty("syn_meta") @Nullable Boolean synMeta,
			@JsonProperty("is_close_auto_flow") @Nullable Integer closeAutoFlow,
			@Nullable List<ButtonBody> buttonComponents) {
	}

	private record ButtonBody(TemplateButton.Type type, TemplateButton.@Nullable CustomizeType customizeType,
			@Nullable String text, @Nullable String phoneNumber, @Nullable String url,
			@JsonProperty("flow_id") @Nullable String flowId, @Nullable List<EventBody> buttonEvents) {
	}

	private record EventBody(TemplateButtonEvent.Type event, @Nullable String tagName, @Nullable String text,
			@Nullable Long templateId, @Nullable String templateName) {
	}

}
