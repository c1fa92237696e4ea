package dev.nxcloud.boot.client.message;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nxcloud.boot.client.NxCloudValidation;
import dev.nxcloud.boot.client.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * The wire shapes shared by both sends, and the checks applied while building them.
 */
final class MessageWire {

	static final String MESSAGING_PRODUCT = "whatsapp";

	static final String RECIPIENT_TYPE = "individual";

	private static final int MAX_TEXT_LENGTH = 4096;

	private static final int MAX_BUTTON_INDEX = 2;

	private MessageWire() {
	}

	static WireTemplate template(String field, Template template) {
		String name = NxCloudValidation.requireText(field + ".name", template.name());
		List<WireComponent> components = new ArrayList<>();
		boolean header = false;
		for (int i = 0; i < template.components().size(); i++) {
			String componentField = field + ".components[" + i + "]";
			TemplateComponent component = template.components().get(i);
			if (component instanceof TemplateComponent.Header headerComponent) {
				if (header) {
					throw new NxCloudValidationException(field + ".components",
							"may have at most one header component");
				}
				header = true;
				components.add(header(componentField, headerComponent));
			}
			else if (component instanceof TemplateComponent.Body body) {
				components.add(body(componentField, body));
			}
			else if (component instanceof ButtonParameter button) {
				components.add(button(componentField, button));
			}
		}
		return new WireTemplate(name, new WireLanguage(template.language().code(), "deterministic"),
				components.isEmpty() ? null : components);
	}

	private static WireComponent header(String field, TemplateComponent.Header header) {
		List<WireParameter> parameters = new ArrayList<>();
		for (int i = 0; i < header.parameters().size(); i++) {
			String parameterField = field + ".parameters[" + i + "]";
			HeaderParameter parameter = header.parameters().get(i);
			String valueField = parameterField + "." + parameter.type().wireValue();
			parameters.add(switch (parameter.type()) {
				case TEXT -> WireParameter.text(NxCloudValidation.requireText(valueField, parameter.text()));
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
		return media(field, parameter.media(), null, parameter.filename());
	}

	private static WireComponent body(String field, TemplateComponent.Body body) {
		List<WireParameter> parameters = new ArrayList<>();
		for (int i = 0; i < body.parameters().size(); i++) {
			parameters.add(WireParameter
				.text(NxCloudValidation.requireText(field + ".parameters[" + i + "].text", body.parameters().get(i))));
		}
		return new WireComponent("body", null, null, parameters);
	}

	private static WireComponent button(String field, ButtonParameter button) {
		if (button.index() < 0 || button.index() > MAX_BUTTON_INDEX) {
			throw new NxCloudValidationException(field + ".index",
					"must be 0 to " + MAX_BUTTON_INDEX + " (got " + button.index() + ")");
		}
		String valueField = field + ".parameters[0]." + button.parameterType().wireValue();
		String value = NxCloudValidation.requireText(valueField, button.value());
		WireParameter parameter = switch (button.parameterType()) {
			case TEXT -> WireParameter.text(value);
			case PAYLOAD -> new WireParameter("payload", null, value, null, null, null);
		};
		return new WireComponent("button", button.subType().wireValue(), Integer.toString(button.index()),
				List.of(parameter));
	}

	static WireMedia media(String field, MediaSource source, @Nullable String caption, @Nullable String filename) {
		boolean hasLink = source.link() != null;
		boolean hasId = source.id() != null;
		if (hasLink == hasId) {
			throw new NxCloudValidationException(field, "must have exactly one of 'link' and 'id'");
		}
		if (hasLink) {
			NxCloudValidation.requireHttpUrl(field + ".link", source.link());
		}
		else {
			NxCloudValidation.requireText(field + ".id", source.id());
		}
		return new WireMedia(source.link(), source.id(), caption, filename);
	}

	static WireText text(String field, MessageContent.Text text) {
		String body = NxCloudValidation.requireText(field + ".body", text.body());
		if (body.length() > MAX_TEXT_LENGTH) {
			throw new NxCloudValidationException(field + ".body",
					"must be at most " + MAX_TEXT_LENGTH + " characters (got " + body.length() + ")");
		}
		return new WireText(body, text.previewUrl());
	}

	static WireLocation location(String field, MessageContent.Location location) {
		if (!(location.latitude() >= -90 && location.latitude() <= 90)) {
			throw new NxCloudValidationException(field + ".latitude",
					"must be between -90 and 90 (got " + location.latitude() + ")");
		}
		if (!(location.longitude() >= -180 && location.longitude() <= 180)) {
			throw new NxCloudValidationException(field + ".longitude",
					"must be between -180 and 180 (got " + location.longitude() + ")");
		}
		return new WireLocation(location.longitude(), location.latitude(), location.name(), location.address());
	}

	static @Nullable String optionalHttpUrl(String field, @Nullable String value) {
		return (value != null) ? NxCloudValidation.requireHttpUrl(field, value) : null;
	}

	static @Nullable String optionalText(String field, @Nullable String value) {
		return (value != null) ? NxCloudValidation.requireText(field, value) : null;
	}

	record WireTemplate(String name, WireLanguage language, @Nullable List<WireComponent> components) {
	}

	record WireLanguage(String code, String policy) {
	}

	record WireComponent(String type, @JsonProperty("sub_type") @Nullable String subType, @Nullable String index,
			List<WireParameter> parameters) {
	}

	record WireParameter(String type, @Nullable String text, @Nullable String payload, @Nullable WireMedia image,
			@Nullable WireMedia video, @Nullable WireMedia document) {

		static WireParameter text(String text) {
			return new WireParameter("text", text, null, null, null, null);
		}

	}

	record WireMedia(@Nullable String link, @Nullable String id, @Nullable String caption, @Nullable String filename) {
	}

	record WireText(String body, @JsonProperty("preview_url") boolean previewUrl) {
	}

	record WireLocation(double longitude, double latitude, @Nullable String name, @Nullable String address) {
	}

}
