package dev.nxcloud.whatsapp.message;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.RequestDefaults;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * Maps messages to the JSON bodies NxCloud's two sends take, applying the account's defaults and checking every
 * documented rule on the way: a broken rule is an {@link NxCloudValidationException} that names the wire field. The
 * bodies are plain objects with NxCloud's field names, to be serialised with {@link NxCloudJson#newMapper()}.
 */
public final class MessageWireMapper {

	/** A text message's {@code body}: 4,096 characters (Meta's Cloud API, text object). */
	static final int MAX_TEXT_BODY = 4096;

	/** A media {@code caption}: 1,024 characters (Meta's Cloud API, media object). */
	static final int MAX_CAPTION = 1024;

	/** {@code biz_opaque_callback_data}: 512 characters (Meta's Cloud API, message request). */
	static final int MAX_BIZ_OPAQUE_CALLBACK_DATA = 512;

	/**
	 * A media {@code id}: not documented; 256 characters, generous for ids that are a few dozen characters long.
	 */
	static final int MAX_MEDIA_ID = 256;

	/**
	 * A location's {@code name} and {@code address}: not documented by NxCloud or Meta; 1,024 characters, as much as
	 * a caption, generous for a label shown under a map.
	 */
	static final int MAX_LOCATION_TEXT = 1024;

	/** A header's text parameter: 60 characters (Meta's Cloud API, parameter object: header). */
	static final int MAX_HEADER_TEXT = 60;

	/**
	 * A body text parameter when the template's values include a header or a button: 1,024 characters (Meta's Cloud
	 * API, parameter object: body).
	 */
	static final int MAX_BODY_TEXT = 1024;

	/**
	 * A body text parameter when the body is the template's only component, and all of a body's parameters
	 * together: 32,768 characters (Meta's Cloud API, parameter object: body alone; the bound on the sum is ours, so
	 * that many parameters cannot add up to megabytes).
	 */
	static final int MAX_BODY_ALONE_TEXT = 32768;

	/**
	 * A button's value: a URL button's text is appended to the template's URL, which Meta limits to
	 * {@value NxCloudValidation#MAX_URL_LENGTH} characters; a quick-reply payload has no documented limit and is held
	 * to the same generous bound.
	 */
	static final int MAX_BUTTON_VALUE = NxCloudValidation.MAX_URL_LENGTH;

	/** A header holds one parameter: one text variable or one media (Meta's Cloud API, template headers). */
	private static final int MAX_HEADER_PARAMETERS = 1;

	private static final int MAX_BUTTON_INDEX = 2;

	/** The most spaces in a row a template parameter may hold. */
	private static final int MAX_CONSECUTIVE_SPACES = 4;

	private static final String WIDE_GAP = " ".repeat(MAX_CONSECUTIVE_SPACES + 1);

	private static final String USE_GENERAL_SEND = "send it with send(Message.template(…)) through /api/wa/mt";

	private final RequestDefaults defaults;

	/**
	 * Create a mapper.
	 * @param defaults the account's defaults, for example {@code client.defaults()}
	 */
	public MessageWireMapper(RequestDefaults defaults) {
		this.defaults = NxCloudValidation.requireNonNull("defaults", defaults);
	}

	/**
	 * The body of a general send ({@code /api/wa/mt}).
	 * @param message the message
	 * @return the body
	 * @throws NxCloudValidationException if the message is {@code null} or breaks a documented rule
	 */
	public MtBody toWire(Message message) {
		NxCloudValidation.requireNonNull("message", message);
		String appKey = this.defaults.appKey(message.appKey());
		String businessPhone = this.defaults.businessPhone("business_phone", message.businessPhone());
		String to = NxCloudValidation.requirePhone("to", message.to());
		MessageContent content = message.content();
		String type = content.type();
		WireText text = null;
		WireMedia image = null;
		WireMedia video = null;
		WireMedia audio = null;
		WireMedia document = null;
		WireMedia sticker = null;
		WireLocation location = null;
		WireTemplate template = null;
		if (content instanceof MessageContent.Text textContent) {
			text = text(type, textContent);
		}
		else if (content instanceof MessageContent.Image imageContent) {
			image = media(type, imageContent.media(), caption(type, imageContent.caption()), null);
		}
		else if (content instanceof MessageContent.Video videoContent) {
			video = media(type, videoContent.media(), caption(type, videoContent.caption()), null);
		}
		else if (content instanceof MessageContent.Audio audioContent) {
			audio = media(type, audioContent.media(), null, null);
		}
		else if (content instanceof MessageContent.Document documentContent) {
			document = media(type, documentContent.media(), caption(type, documentContent.caption()),
					filename(type, documentContent.filename()));
		}
		else if (content instanceof MessageContent.Sticker stickerContent) {
			sticker = media(type, stickerContent.media(), null, null);
		}
		else if (content instanceof MessageContent.Location locationContent) {
			location = location(type, locationContent);
		}
		else if (content instanceof MessageContent.TemplateContent templateContent) {
			template = template(type, templateContent.template());
		}
		return new MtBody(appKey, businessPhone, NxCloudJson.MESSAGING_PRODUCT, NxCloudJson.RECIPIENT_TYPE, to, type,
				text, image, video, audio, document, sticker, location, template,
				NxCloudValidation.customMessageId(message.customMessageId()),
				NxCloudValidation.optionalHttpUrl("dr_webhook", message.drWebhook()),
				NxCloudValidation.optionalText("biz_opaque_callback_data", message.bizOpaqueCallbackData(),
						MAX_BIZ_OPAQUE_CALLBACK_DATA));
	}

	/**
	 * The body of a template send through the SaaS host ({@code /saas/wa/send}). Its page takes fewer components
	 * than the general send: {@code header} and {@code body} only, with {@code text} and {@code image} parameters,
	 * the image by {@code link}.
	 * @param message the template message
	 * @return the body
	 * @throws NxCloudValidationException if the message is {@code null} or breaks a documented rule
	 */
	public SaasSendBody toWire(TemplateMessage message) {
		NxCloudValidation.requireNonNull("message", message);
		long tenantId = this.defaults.tenantId(message.tenantId());
		String appKey = this.defaults.appKey(message.appKey());
		String businessPhone = this.defaults.businessPhone("business_phone", message.businessPhone());
		String to = NxCloudValidation.requirePhone("to", message.to());
		requireSaasComponents("template", message.template());
		return new SaasSendBody(tenantId, appKey, businessPhone, NxCloudJson.MESSAGING_PRODUCT,
				NxCloudJson.RECIPIENT_TYPE, to, "template", template("template", message.template()));
	}

	private static void requireSaasComponents(String field, Template template) {
		for (int i = 0; i < template.components().size(); i++) {
			TemplateComponentValues component = template.components().get(i);
			if (component instanceof ButtonParameter) {
				throw new NxCloudValidationException(field + ".components[" + i + "].type",
						"must be header or body on the SaaS send (got button): " + USE_GENERAL_SEND);
			}
			if (component instanceof TemplateComponentValues.Header header) {
				for (int j = 0; j < header.parameters().size(); j++) {
					requireSaasHeaderParameter(field, i, j, header.parameters().get(j));
				}
			}
		}
	}

	/**
	 * Check the {@code parameter}-th parameter of the {@code component}-th component; the field names are built
	 * only for an error.
	 */
	private static void requireSaasHeaderParameter(String field, int component, int parameter,
			HeaderParameter value) {
		switch (value.type()) {
			case VIDEO, DOCUMENT -> throw new NxCloudValidationException(
					headerParameterField(field, component, parameter) + ".type",
					"must be text or image on the SaaS send (got " + value.type().wireValue() + "): "
							+ USE_GENERAL_SEND);
			case IMAGE -> {
				if (value.media() != null && value.media().link() == null) {
					throw new NxCloudValidationException(
							headerParameterField(field, component, parameter) + ".image.link",
							"is required on the SaaS send, which takes no media id: " + USE_GENERAL_SEND);
				}
			}
			case TEXT -> {
			}
		}
	}

	private static String headerParameterField(String field, int component, int parameter) {
		return field + ".components[" + component + "].parameters[" + parameter + "]";
	}

	private static WireTemplate template(String field, Template template) {
		String name = NxCloudValidation.requireText(field + ".name", template.name(),
				NxCloudValidation.MAX_TEMPLATE_NAME_LENGTH);
		boolean bodyAlone = isBodyAlone(template.components());
		List<WireComponent> components = new ArrayList<>(template.components().size());
		boolean header = false;
		boolean body = false;
		int buttonIndexesSeen = 0;
		for (int i = 0; i < template.components().size(); i++) {
			String componentField = field + ".components[" + i + "]";
			TemplateComponentValues component = template.components().get(i);
			if (component instanceof TemplateComponentValues.Header headerComponent) {
				if (header) {
					throw new NxCloudValidationException(field + ".components",
							"may have at most one header component");
				}
				header = true;
				components.add(header(componentField, headerComponent));
			}
			else if (component instanceof TemplateComponentValues.Body bodyComponent) {
				if (body) {
					throw new NxCloudValidationException(field + ".components", "may have at most one body component");
				}
				body = true;
				components.add(body(componentField, bodyComponent, bodyAlone ? MAX_BODY_ALONE_TEXT : MAX_BODY_TEXT));
			}
			else if (component instanceof ButtonParameter button) {
				components.add(button(componentField, button));
				// button(…) has checked the index is 0 to MAX_BUTTON_INDEX, so it fits a bit of an int
				int buttonIndexBit = 1 << button.index();
				if ((buttonIndexesSeen & buttonIndexBit) != 0) {
					throw new NxCloudValidationException(componentField + ".index",
							"must differ from the other buttons' (" + button.index() + " is given twice)");
				}
				buttonIndexesSeen |= buttonIndexBit;
			}
		}
		return new WireTemplate(name, new WireLanguage(template.language().code(), "deterministic"),
				components.isEmpty() ? null : components);
	}

	private static boolean isBodyAlone(List<TemplateComponentValues> components) {
		for (TemplateComponentValues component : components) {
			if (!(component instanceof TemplateComponentValues.Body)) {
				return false;
			}
		}
		return true;
	}

	private static WireComponent header(String field, TemplateComponentValues.Header header) {
		if (header.parameters().size() > MAX_HEADER_PARAMETERS) {
			throw new NxCloudValidationException(field + ".parameters",
					"must hold at most one parameter, one text variable or one media (got " + header.parameters().size()
							+ ")");
		}
		List<WireParameter> parameters = new ArrayList<>(header.parameters().size());
		for (int i = 0; i < header.parameters().size(); i++) {
			String parameterField = field + ".parameters[" + i + "]";
			HeaderParameter parameter = header.parameters().get(i);
			String valueField = parameterField + "." + parameter.type().wireValue();
			parameters.add(switch (parameter.type()) {
				case TEXT -> WireParameter.text(parameterText(valueField, parameter.text(), MAX_HEADER_TEXT));
				case IMAGE -> new WireParameter("image", null, null, media(valueField, parameter), null, null);
				case VIDEO -> new WireParameter("video", null, null, null, media(valueField, parameter), null);
				case DOCUMENT -> new WireParameter("document", null, null, null, null, media(valueField, parameter));
			});
		}
		return new WireComponent("header", null, null, parameters);
	}

	private static WireMedia media(String field, HeaderParameter parameter) {
		if (parameter.media() == null) {
			throw new NxCloudValidationException(field,
					"is required for a " + parameter.type().wireValue() + " header");
		}
		return media(field, parameter.media(), null, filename(field, parameter.filename()));
	}

	private static WireComponent body(String field, TemplateComponentValues.Body body, int maxCharacters) {
		List<WireParameter> parameters = new ArrayList<>(body.parameters().size());
		long characters = 0;
		for (int i = 0; i < body.parameters().size(); i++) {
			String text = parameterText(field + ".parameters[" + i + "].text", body.parameters().get(i), maxCharacters);
			characters += text.codePointCount(0, text.length());
			parameters.add(WireParameter.text(text));
		}
		if (characters > MAX_BODY_ALONE_TEXT) {
			throw new NxCloudValidationException(field + ".parameters",
					"must add up to at most " + MAX_BODY_ALONE_TEXT + " characters (got " + characters + ")");
		}
		return new WireComponent("body", null, null, parameters);
	}

	private static WireComponent button(String field, ButtonParameter button) {
		if (button.index() < 0 || button.index() > MAX_BUTTON_INDEX) {
			throw new NxCloudValidationException(field + ".index",
					"must be 0 to " + MAX_BUTTON_INDEX + " (got " + button.index() + ")");
		}
		String valueField = field + ".parameters[0]." + button.parameterType().wireValue();
		WireParameter parameter = switch (button.parameterType()) {
			case TEXT -> WireParameter.text(parameterText(valueField, button.value(), MAX_BUTTON_VALUE));
			case PAYLOAD -> new WireParameter("payload", null,
					NxCloudValidation.requireText(valueField, button.value(), MAX_BUTTON_VALUE), null, null, null);
		};
		return new WireComponent("button", button.subType().wireValue(), Integer.toString(button.index()),
				List.of(parameter));
	}

	private static WireMedia media(String field, MediaSource source, @Nullable String caption, @Nullable String filename) {
		boolean hasLink = source.link() != null;
		boolean hasId = source.id() != null;
		if (hasLink == hasId) {
			throw new NxCloudValidationException(field, "must have exactly one of 'link' and 'id'");
		}
		if (hasLink) {
			NxCloudValidation.requireHttpUrl(field + ".link", source.link());
		}
		else {
			NxCloudValidation.requireText(field + ".id", source.id(), MAX_MEDIA_ID);
		}
		return new WireMedia(source.link(), source.id(), caption, filename);
	}

	private static WireText text(String field, MessageContent.Text text) {
		return new WireText(NxCloudValidation.requireText(field + ".body", text.body(), MAX_TEXT_BODY),
				text.previewUrl());
	}

	private static WireLocation location(String field, MessageContent.Location location) {
		if (!(location.latitude() >= -90 && location.latitude() <= 90)) {
			throw new NxCloudValidationException(field + ".latitude",
					"must be between -90 and 90 (got " + location.latitude() + ")");
		}
		if (!(location.longitude() >= -180 && location.longitude() <= 180)) {
			throw new NxCloudValidationException(field + ".longitude",
					"must be between -180 and 180 (got " + location.longitude() + ")");
		}
		return new WireLocation(location.longitude(), location.latitude(),
				NxCloudValidation.maxLength(field + ".name", location.name(), MAX_LOCATION_TEXT),
				NxCloudValidation.maxLength(field + ".address", location.address(), MAX_LOCATION_TEXT));
	}

	private static @Nullable String caption(String type, @Nullable String caption) {
		return (caption != null) ? NxCloudValidation.maxLength(type + ".caption", caption, MAX_CAPTION) : null;
	}

	private static @Nullable String filename(String mediaField, @Nullable String filename) {
		return (filename != null) ? NxCloudValidation.requireFilename(mediaField + ".filename", filename) : null;
	}

	/**
	 * A template's text parameter: not blank, at most {@code maxCharacters}, and without what WhatsApp refuses in one
	 * ("Param text cannot have new-line/tab characters or more than 4 consecutive spaces").
	 */
	private static String parameterText(String field, @Nullable String value, int maxCharacters) {
		String text = NxCloudValidation.requireText(field, value, maxCharacters);
		if (!isOneLineWithoutWideGaps(text)) {
			throw new NxCloudValidationException(field,
					"must not hold a line break, a tab or more than " + MAX_CONSECUTIVE_SPACES
							+ " consecutive spaces: WhatsApp refuses them in a template parameter");
		}
		return text;
	}

	/**
	 * Whether a text holds no CR, LF or tab and no more than {@value #MAX_CONSECUTIVE_SPACES} spaces in a row: four
	 * scans the JDK vectorises, faster on long texts than one loop over the characters.
	 */
	private static boolean isOneLineWithoutWideGaps(String text) {
		return text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0
				&& !text.contains(WIDE_GAP);
	}

	/**
	 * The body of a template send through the SaaS host.
	 *
	 * @param tenantId {@code tenant_id}
	 * @param appkey {@code appkey}
	 * @param businessPhone {@code business_phone}
	 * @param messagingProduct {@code messaging_product}
	 * @param recipientType {@code recipient_type}
	 * @param to {@code to}
	 * @param type {@code type}
	 * @param template {@code template}
	 */
	public record SaasSendBody(@JsonProperty("tenant_id") long tenantId, String appkey,
			@JsonProperty("business_phone") String businessPhone,
			@JsonProperty("messaging_product") String messagingProduct,
			@JsonProperty("recipient_type") String recipientType, String to, String type, WireTemplate template) {
	}

	/**
	 * The body of a general send.
	 *
	 * @param appkey {@code appkey}
	 * @param businessPhone {@code business_phone}
	 * @param messagingProduct {@code messaging_product}
	 * @param recipientType {@code recipient_type}
	 * @param to {@code to}
	 * @param type {@code type}
	 * @param text {@code text}
	 * @param image {@code image}
	 * @param video {@code video}
	 * @param audio {@code audio}
	 * @param document {@code document}
	 * @param sticker {@code sticker}
	 * @param location {@code location}
	 * @param template {@code template}
	 * @param cusMessageId {@code cus_message_id}
	 * @param drWebhook {@code dr_webhook}
	 * @param bizOpaqueCallbackData {@code biz_opaque_callback_data}
	 */
	public record MtBody(String appkey, @JsonProperty("business_phone") String businessPhone,
			@JsonProperty("messaging_product") String messagingProduct,
			@JsonProperty("recipient_type") String recipientType, String to, String type, @Nullable WireText text,
			@Nullable WireMedia image, @Nullable WireMedia video, @Nullable WireMedia audio,
			@Nullable WireMedia document, @Nullable WireMedia sticker, @Nullable WireLocation location,
			@Nullable WireTemplate template, @JsonProperty("cus_message_id") @Nullable String cusMessageId,
			@JsonProperty("dr_webhook") @Nullable String drWebhook,
			@JsonProperty("biz_opaque_callback_data") @Nullable String bizOpaqueCallbackData) {
	}

	/**
	 * A template with its values, as both sends take it.
	 *
	 * @param name {@code name}
	 * @param language {@code language}
	 * @param components {@code components}
	 */
	public record WireTemplate(String name, WireLanguage language, @Nullable List<WireComponent> components) {
	}

	/**
	 * A template's language.
	 *
	 * @param code {@code code}
	 * @param policy {@code policy}
	 */
	public record WireLanguage(String code, String policy) {
	}

	/**
	 * The values of one template component.
	 *
	 * @param type {@code type}
	 * @param subType {@code sub_type}
	 * @param index {@code index}
	 * @param parameters {@code parameters}
	 */
	public record WireComponent(String type, @JsonProperty("sub_type") @Nullable String subType, @Nullable String index,
			List<WireParameter> parameters) {
	}

	/**
	 * One value of a template component.
	 *
	 * @param type {@code type}
	 * @param text {@code text}
	 * @param payload {@code payload}
	 * @param image {@code image}
	 * @param video {@code video}
	 * @param document {@code document}
	 */
	public record WireParameter(String type, @Nullable String text, @Nullable String payload, @Nullable WireMedia image,
			@Nullable WireMedia video, @Nullable WireMedia document) {

		static WireParameter text(String text) {
			return new WireParameter("text", text, null, null, null, null);
		}

	}

	/**
	 * Media by link or id.
	 *
	 * @param link {@code link}
	 * @param id {@code id}
	 * @param caption {@code caption}
	 * @param filename {@code filename}
	 */
	public record WireMedia(@Nullable String link, @Nullable String id, @Nullable String caption, @Nullable String filename) {
	}

	/**
	 * A text message's content.
	 *
	 * @param body {@code body}
	 * @param previewUrl {@code preview_url}
	 */
	public record WireText(String body, @JsonProperty("preview_url") boolean previewUrl) {
	}

	/**
	 * A location message's content.
	 *
	 * @param longitude {@code longitude}
	 * @param latitude {@code latitude}
	 * @param name {@code name}
	 * @param address {@code address}
	 */
	public record WireLocation(double longitude, double latitude, @Nullable String name, @Nullable String address) {
	}

}
