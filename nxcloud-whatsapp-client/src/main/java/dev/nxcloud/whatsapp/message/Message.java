package dev.nxcloud.whatsapp.message;

import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;

/**
 * A message to send through the WhatsApp API host ({@code /api/wa/mt}). Immutable: the {@code withX} methods return
 * a copy. A {@code null} where a value is required is refused at once with an {@link NxCloudValidationException}
 * naming the field; every other rule is checked when the message is sent.
 *
 * @param to the recipient, digits with country code and no {@code +}
 * @param content what to send
 * @param appKey the app to send with ({@code appkey}); {@code null} for the client's default app key
 * @param businessPhone the sending number ({@code business_phone}); {@code null} for the client's default business phone
 * @param customMessageId your own globally unique id, used as the message id in the response and in status
 * callbacks ({@code cus_message_id}); {@code null} to let NxCloud assign one
 * @param drWebhook an {@code http(s)} URL that receives this message's status callbacks instead of the app's webhook
 * ({@code dr_webhook}); {@code null} for the app's webhook
 * @param bizOpaqueCallbackData a tracking string echoed back in status callbacks
 * ({@code biz_opaque_callback_data}); {@code null} for none
 */
public record Message(String to, MessageContent content, @Nullable String appKey, @Nullable String businessPhone,
		@Nullable String customMessageId, @Nullable String drWebhook, @Nullable String bizOpaqueCallbackData) {

	/**
	 * Create a message.
	 * @param to the recipient
	 * @param content what to send
	 * @param appKey the app, or {@code null}
	 * @param businessPhone the sending number, or {@code null}
	 * @param customMessageId your own id, or {@code null}
	 * @param drWebhook the status callback URL, or {@code null}
	 * @param bizOpaqueCallbackData the tracking string, or {@code null}
	 * @throws NxCloudValidationException if {@code to} or {@code content} is {@code null}
	 */
	public Message {
		NxCloudValidation.requireNonNull("to", to);
		NxCloudValidation.requireNonNull("content", content);
	}

	/**
	 * A message from the configured app and number.
	 * @param to the recipient
	 * @param content what to send
	 * @return the message
	 */
	public static Message of(String to, MessageContent content) {
		return new Message(to, content, null, null, null, null, null);
	}

	/**
	 * A text message without URL preview.
	 * @param to the recipient
	 * @param body the text, 1 to 4096 characters
	 * @return the message
	 */
	public static Message text(String to, String body) {
		return text(to, body, false);
	}

	/**
	 * A text message.
	 * @param to the recipient
	 * @param body the text, 1 to 4096 characters
	 * @param previewUrl whether to preview the first URL in the text
	 * @return the message
	 */
	public static Message text(String to, String body, boolean previewUrl) {
		return of(to, new MessageContent.Text(body, previewUrl));
	}

	/**
	 * An image message without caption.
	 * @param to the recipient
	 * @param media the image
	 * @return the message
	 */
	public static Message image(String to, MediaSource media) {
		return image(to, media, null);
	}

	/**
	 * An image message.
	 * @param to the recipient
	 * @param media the image
	 * @param caption the caption, at most 1,024 characters, or {@code null}
	 * @return the message
	 */
	public static Message image(String to, MediaSource media, @Nullable String caption) {
		return of(to, new MessageContent.Image(media, caption));
	}

	/**
	 * A video message without caption.
	 * @param to the recipient
	 * @param media the video
	 * @return the message
	 */
	public static Message video(String to, MediaSource media) {
		return video(to, media, null);
	}

	/**
	 * A video message.
	 * @param to the recipient
	 * @param media the video
	 * @param caption the caption, at most 1,024 characters, or {@code null}
	 * @return the message
	 */
	public static Message video(String to, MediaSource media, @Nullable String caption) {
		return of(to, new MessageContent.Video(media, caption));
	}

	/**
	 * An audio message.
	 * @param to the recipient
	 * @param media the audio file
	 * @return the message
	 */
	public static Message audio(String to, MediaSource media) {
		return of(to, new MessageContent.Audio(media));
	}

	/**
	 * A sticker message.
	 * @param to the recipient
	 * @param media the sticker, a WebP image
	 * @return the message
	 */
	public static Message sticker(String to, MediaSource media) {
		return of(to, new MessageContent.Sticker(media));
	}

	/**
	 * A document message without file name or caption.
	 * @param to the recipient
	 * @param media the document
	 * @return the message
	 */
	public static Message document(String to, MediaSource media) {
		return document(to, media, null, null);
	}

	/**
	 * A document message without caption.
	 * @param to the recipient
	 * @param media the document
	 * @param filename the file name shown to the recipient, at most 255 characters without control characters, or
	 * {@code null}
	 * @return the message
	 */
	public static Message document(String to, MediaSource media, @Nullable String filename) {
		return document(to, media, filename, null);
	}

	/**
	 * A document message.
	 * @param to the recipient
	 * @param media the document
	 * @param filename the file name shown to the recipient, at most 255 characters without control characters, or
	 * {@code null} (optional: NxCloud's reference does not require it)
	 * @param caption the caption, at most 1,024 characters, or {@code null}
	 * @return the message
	 */
	public static Message document(String to, MediaSource media, @Nullable String filename, @Nullable String caption) {
		return of(to, new MessageContent.Document(media, filename, caption));
	}

	/**
	 * A location message.
	 * @param to the recipient
	 * @param latitude the latitude, −90 to 90
	 * @param longitude the longitude, −180 to 180
	 * @param name the place's name, at most 1,024 characters, or {@code null}
	 * @param address the place's address, at most 1,024 characters, or {@code null}
	 * @return the message
	 */
	public static Message location(String to, double latitude, double longitude, @Nullable String name,
			@Nullable String address) {
		return of(to, new MessageContent.Location(latitude, longitude, name, address));
	}

	/**
	 * A template message.
	 * @param to the recipient
	 * @param template the template and its values
	 * @return the message
	 */
	public static Message template(String to, Template template) {
		return of(to, new MessageContent.TemplateContent(template));
	}

	/**
	 * This message sent with another app.
	 * @param appKey the app key
	 * @return a new message
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public Message withAppKey(String appKey) {
		NxCloudValidation.requireNonNull("appkey", appKey);
		return new Message(this.to, this.content, appKey, this.businessPhone, this.customMessageId, this.drWebhook,
				this.bizOpaqueCallbackData);
	}

	/**
	 * This message sent from another number.
	 * @param businessPhone the sending number, digits with country code
	 * @return a new message
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public Message withBusinessPhone(String businessPhone) {
		NxCloudValidation.requireNonNull("business_phone", businessPhone);
		return new Message(this.to, this.content, this.appKey, businessPhone, this.customMessageId, this.drWebhook,
				this.bizOpaqueCallbackData);
	}

	/**
	 * This message with your own id, returned as the message id and in status callbacks.
	 * @param customMessageId a globally unique id, at most 512 characters
	 * @return a new message
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public Message withCustomMessageId(String customMessageId) {
		NxCloudValidation.requireNonNull("cus_message_id", customMessageId);
		return new Message(this.to, this.content, this.appKey, this.businessPhone, customMessageId, this.drWebhook,
				this.bizOpaqueCallbackData);
	}

	/**
	 * This message with its status callbacks sent to another URL.
	 * @param drWebhook an {@code http(s)} URL of at most 2,000 characters
	 * @return a new message
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public Message withDrWebhook(String drWebhook) {
		NxCloudValidation.requireNonNull("dr_webhook", drWebhook);
		return new Message(this.to, this.content, this.appKey, this.businessPhone, this.customMessageId, drWebhook,
				this.bizOpaqueCallbackData);
	}

	/**
	 * This message with a tracking string echoed back in its status callbacks.
	 * @param bizOpaqueCallbackData the tracking string, at most 512 characters
	 * @return a new message
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public Message withBizOpaqueCallbackData(String bizOpaqueCallbackData) {
		NxCloudValidation.requireNonNull("biz_opaque_callback_data", bizOpaqueCallbackData);
		return new Message(this.to, this.content, this.appKey, this.businessPhone, this.customMessageId,
				this.drWebhook, bizOpaqueCallbackData);
	}

}
