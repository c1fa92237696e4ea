package dev.nxcloud.simulator.state;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A message template of a business phone.
 *
 * @param id the template id
 * @param phone the business phone
 * @param name the name (no Chinese characters)
 * @param language the language code, e.g. {@code en_US}
 * @param category {@code MARKETING}, {@code UTILITY} or {@code AUTHENTICATION}
 * @param status {@code APPROVED}, {@code PENDING}, {@code REJECTED}, ...; only approved templates can be sent
 * @param content the body text, with {@code {{...}}} variables
 * @param headerText the text header, or {@code null}
 * @param mediaType {@code IMAGE}, {@code DOCUMENT} or {@code VIDEO} for a media header, or {@code null}
 * @param mediaId the header media id
 * @param mediaName the header media file name
 * @param templateMediaId the header media handle
 * @param footerText the footer, or {@code null}
 * @param buttons at most three buttons
 * @param closeAutoFlow the {@code is_close_auto_flow} flag (0 or 1)
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 */
public record Template(long id, String phone, String name, String language, String category, String status,
		String content, @Nullable String headerText, @Nullable String mediaType, @Nullable String mediaId,
		@Nullable String mediaName, @Nullable String templateMediaId, @Nullable String footerText,
		List<TemplateButton> buttons, int closeAutoFlow, Instant createdAt, Instant updatedAt) {

	/**
	 * Copies the buttons.
	 */
	public Template {
		buttons = List.copyOf(buttons);
	}

	/**
	 * A plain approved template with only a body.
	 * @param phone the business phone
	 * @param name the name
	 * @param language the language code
	 * @param category the category
	 * @param content the body text
	 * @return the template, with id 0 (the simulator assigns one when it is added)
	 */
	public static Template approved(String phone, String name, String language, String category, String content) {
		Instant epoch = Instant.EPOCH;
		return new Template(0, phone, name, language, category, "APPROVED", content, null, null, null, null, null,
				null, List.of(), 0, epoch, epoch);
	}

	/**
	 * The SaaS {@code category_type}, numbered as the template pages number it: 1 MARKETING, 2 UTILITY.
	 * @return the category type, or {@code null} for a category the pages give no number (AUTHENTICATION)
	 */
	public @Nullable Integer categoryType() {
		return switch (this.category) {
			case "MARKETING" -> 1;
			case "UTILITY" -> 2;
			default -> null;
		};
	}

	/**
	 * A copy with another status.
	 * @param newStatus the status
	 * @return the copy
	 */
	public Template withStatus(String newStatus) {
		return new Template(this.id, this.phone, this.name, this.language, this.category, newStatus, this.content,
				this.headerText, this.mediaType, this.mediaId, this.mediaName, this.templateMediaId, this.footerText,
				this.buttons, this.closeAutoFlow, this.createdAt, this.updatedAt);
	}

	/**
	 * A copy with another id and timestamps.
	 * @param newId the id
	 * @param created the creation time
	 * @param updated the update time
	 * @return the copy
	 */
	public Template withIdentity(long newId, Instant created, Instant updated) {
		return new Template(newId, this.phone, this.name, this.language, this.category, this.status, this.content,
				this.headerText, this.mediaType, this.mediaId, this.mediaName, this.templateMediaId, this.footerText,
				this.buttons, this.closeAutoFlow, created, updated);
	}

}
