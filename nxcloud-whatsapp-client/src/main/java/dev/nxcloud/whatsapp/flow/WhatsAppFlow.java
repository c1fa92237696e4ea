package dev.nxcloud.whatsapp.flow;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A WhatsApp flow (form), as the flow list reports it.
 *
 * @param id the flow id, for a template's flow button ({@code flow_id})
 * @param name the flow's name
 * @param status the flow's status
 * @param categories the flow's categories
 * @param validationErrors the errors that keep the flow's JSON from being published ({@code validation_errors};
 * their shape is not documented, so they are kept as sent)
 */
public record WhatsAppFlow(@Nullable String id, @Nullable String name, @Nullable Status status,
		List<Category> categories, @JsonProperty("validation_errors") List<JsonNode> validationErrors) {

	/**
	 * Read a flow.
	 * @param id the id
	 * @param name the name
	 * @param status the status
	 * @param categories the categories, {@code null} read as none
	 * @param validationErrors the validation errors, {@code null} read as none
	 */
	public WhatsAppFlow {
		categories = (categories != null) ? List.copyOf(categories) : List.of();
		validationErrors = (validationErrors != null) ? List.copyOf(validationErrors) : List.of();
	}

	/** A flow's status. Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum Status {

		/** Published: can be sent. */
		PUBLISHED,

		/** A draft: can be tested, not sent. */
		DRAFT,

		/** Deprecated: can no longer be sent. */
		DEPRECATED,

		/** Blocked by its endpoint's health checks. */
		BLOCKED,

		/** Throttled by its endpoint's health checks. */
		THROTTLED,

		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

	/** A flow's category. Values NxCloud adds later read as {@link #UNKNOWN}. */
	public enum Category {

		/** Sign up. */
		SIGN_UP,

		/** Sign in. */
		SIGN_IN,

		/** Appointment booking. */
		APPOINTMENT_BOOKING,

		/** Lead generation. */
		LEAD_GENERATION,

		/** Contact us. */
		CONTACT_US,

		/** Customer support. */
		CUSTOMER_SUPPORT,

		/** Survey. */
		SURVEY,

		/** Other. */
		OTHER,

		/** Any other value. */
		@JsonEnumDefaultValue
		UNKNOWN

	}

}
