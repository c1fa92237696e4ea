package dev.nxcloud.whatsapp.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * One entry of an inbound callback's {@code messages}: something a user sent to the business. Exactly one of the
 * per-type parts is set, the one named by {@link #type()}; types this model does not know are still delivered, with
 * their content in the event's {@link InboundMessageEvent#raw() raw} JSON.
 *
 * @param from the sender's WhatsApp id
 * @param id the message id, to use with {@code markMessageAsRead}
 * @param timestamp when it was sent
 * @param type the type: {@code text}, {@code image}, {@code video}, {@code audio}, {@code voice},
 * {@code document}, {@code location}, {@code sticker}, {@code button}, {@code interactive}, {@code reaction} or a
 * newer one
 * @param text the text of a {@code text} message
 * @param image the image of an {@code image} message
 * @param video the video of a {@code video} message
 * @param audio the audio of an {@code audio} message
 * @param voice the recording of a {@code voice} message
 * @param document the file of a {@code document} message
 * @param sticker the sticker of a {@code sticker} message
 * @param location the place of a {@code location} message
 * @param button the template quick-reply button a user clicked ({@code button})
 * @param interactive the reply to an interactive message ({@code interactive})
 * @param reaction the reaction of a {@code reaction} message
 * @param context the message replied to, for replies and button clicks
 * @param tagName NxCloud's tag of a template button click
 * @param waExt the template whose button was clicked, decoded from the JSON string NxCloud sends
 * @param cost what NxCloud charged, if anything
 */
public record InboundMessage(@Nullable String from, @Nullable String id,
		@JsonDeserialize(using = EpochSecondsDeserializer.class) @Nullable Instant timestamp, @Nullable String type,
		@Nullable Text text, @Nullable Media image, @Nullable Media video, @Nullable Media audio,
		@Nullable Media voice, @Nullable Media document, @Nullable Media sticker, @Nullable Location location,
		@Nullable Button button, @Nullable Interactive interactive, @Nullable Reaction reaction,
		@Nullable Context context, @JsonProperty("tag_name") @Nullable String tagName,
		@JsonProperty("wa_ext") @Nullable WaExt waExt, @Nullable Cost cost) {

	/**
	 * A text message's content.
	 *
	 * @param body the text
	 */
	public record Text(@Nullable String body) {

	}

	/**
	 * A media file the user sent; resolve {@code id} with {@code getMedia}.
	 *
	 * @param id NxCloud's media id
	 * @param caption the caption (images, videos, documents)
	 * @param mimeType the MIME type
	 * @param sha256 the file's SHA-256
	 * @param filename the file name (documents)
	 */
	public record Media(@Nullable String id, @Nullable String caption,
			@JsonProperty("mime_type") @Nullable String mimeType, @Nullable String sha256,
			@Nullable String filename) {

	}

	/**
	 * A shared location.
	 *
	 * @param latitude the latitude
	 * @param longitude the longitude
	 * @param name the place's name
	 * @param address the place's address
	 * @param url the place's URL
	 */
	public record Location(@Nullable Double latitude, @Nullable Double longitude, @Nullable String name,
			@Nullable String address, @Nullable String url) {

	}

	/**
	 * A template quick-reply button a user clicked.
	 *
	 * @param payload the button's payload
	 * @param text the button's text
	 */
	public record Button(@Nullable String payload, @Nullable String text) {

	}

	/**
	 * The message a reply or click refers to.
	 *
	 * @param from who sent that message
	 * @param id that message's id
	 */
	public record Context(@Nullable String from, @Nullable String id) {

	}

	/**
	 * The template of a button click ({@code wa_ext}), which NxCloud sends as a JSON string.
	 *
	 * @param templateId the template id
	 * @param templateName the template name
	 * @param components the template's components as sent, raw
	 */
	public record WaExt(@JsonProperty("templateId") @Nullable String templateId,
			@JsonProperty("templateName") @Nullable String templateName, @Nullable JsonNode components) {

	}

	/**
	 * The reply to an interactive message.
	 *
	 * @param type {@code button_reply}, {@code list_reply}, {@code nfm_reply} or a newer one
	 * @param buttonReply the reply button chosen
	 * @param listReply the list row chosen
	 * @param nfmReply the completed flow
	 */
	public record Interactive(@Nullable String type, @JsonProperty("button_reply") @Nullable Reply buttonReply,
			@JsonProperty("list_reply") @Nullable Reply listReply,
			@JsonProperty("nfm_reply") @Nullable FlowReply nfmReply) {

	}

	/**
	 * A chosen reply button or list row.
	 *
	 * @param id its id
	 * @param title its title
	 * @param description its description (list rows)
	 */
	public record Reply(@Nullable String id, @Nullable String title, @Nullable String description) {

	}

	/**
	 * A completed WhatsApp flow.
	 *
	 * @param name the flow's name
	 * @param body the flow's body text
	 * @param responseJson the user's answers, as the JSON string WhatsApp sends
	 */
	public record FlowReply(@Nullable String name, @Nullable String body,
			@JsonProperty("response_json") @Nullable String responseJson) {

	}

	/**
	 * A reaction to a message.
	 *
	 * @param messageId the message reacted to
	 * @param emoji the emoji, empty when a reaction is removed
	 */
	public record Reaction(@JsonProperty("message_id") @Nullable String messageId, @Nullable String emoji) {

	}

}
