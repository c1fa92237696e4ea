package dev.nxcloud.whatsapp;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping NxCloud needs, independent of the application's own Jackson settings: request fields keep the
 * exact documented names and their declared order, {@code null}s are left out, and responses are read leniently
 * (unknown fields ignored, numbers sent as strings accepted, unknown enum values mapped to each enum's
 * {@code UNKNOWN}, as are empty strings). Where the pages document an array, a single value or an object is not read
 * as an array of one: it is refused, so that an answer of another shape is never misread.
 */
public final class NxCloudJson {

	/** The {@code messaging_product} of every WhatsApp request. */
	public static final String MESSAGING_PRODUCT = "whatsapp";

	/** The {@code recipient_type} of every message send. */
	public static final String RECIPIENT_TYPE = "individual";

	private NxCloudJson() {
	}

	/**
	 * A new mapper with NxCloud's settings.
	 * @return the mapper
	 */
	public static JsonMapper newMapper() {
		return JsonMapper.builder()
			.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

}
