package dev.nxcloud.whatsapp.webhook;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every payload shape of the reference (§3.3 to §3.6) decodes into its typed event.
 */
class NxCloudWebhookDecoderTests {

	private final NxCloudWebhookDecoder decoder = new NxCloudWebhookDecoder();

	private List<NxCloudWebhookEvent> decode(String json) {
		return this.decoder.decode(json.getBytes(StandardCharsets.UTF_8));
	}

	private <E extends NxCloudWebhookEvent> E single(String json, Class<E> type) {
		List<NxCloudWebhookEvent> events = decode(json);
		assertThat(events).hasSize(1);
		assertThat(events.get(0)).isInstanceOf(type);
		return type.cast(events.get(0));
	}

	@Test
	void minimalStatusExampleOfTheReference() {
		MessageStatusEvent event = single("""
				{"statuses":[{"id":"wamid.HBgN","status":"delivered","timestamp":"1660019987",\
				"recipient_id":"86176xxxx0819","conversation":{"id":"7256a1","origin":{"type":"authentication"}}}]}""",
				MessageStatusEvent.class);
		MessageStatus status = event.status();
		assertThat(status.id()).isEqualTo("wamid.HBgN");
		assertThat(status.status()).isEqualTo(MessageStatus.Status.DELIVERED);
		assertThat(status.timestamp()).isEqualTo(Instant.ofEpochSecond(1660019987));
		assertThat(status.recipientId()).isEqualTo("86176xxxx0819");
		assertThat(status.conversation().id()).isEqualTo("7256a1");
		assertThat(status.conversation().origin().type()).isEqualTo("authentication");
		assertThat(status.errors()).isEmpty();
		assertThat(status.costs()).isEmpty();
		assertThat(event.raw().path("recipient_id").asString()).isEqualTo("86176xxxx0819");
	}

	@Test
	void fullStatusWithErrorsCostsPricingAndTheNewerSaasFields() {
		MessageStatusEvent event = single("""
				{"statuses":[{"id":"cus-42","status":"failed","timestamp":1660019990,"recipient_id":"8613800000000",
				  "conversation":{"id":"c1","expiration_timestamp":"1660106390","origin":{"type":"business_initiated"}},
				  "errors":[{"code":"470","meta_code":131047,"title":"outside the support window","extra":1}],
				  "costs":[{"currency":"USD","price":"0.0512","foreign_price":0.0071,"cdr_type":"4",
				    "message_id":"cus-42","direction":1}],
				  "pricing":{"billable":true,"pricing_model":"CBP","category":"marketing"},
				  "meta_message_id":"wamid.ORIG","biz_opaque_callback_data":"order-1042","something_new":{"a":1}}],
				 "merchant_phone":"15550000001","messaging_product":"whatsapp","app_id":"1000","channel":"2",
				 "metadata":{"display_phone_number":"+1 555 000 0001","phone_number_id":"1234567"},"wabaId":"998877",
				 "contacts":[{"wa_id":"","user_id":"BSUID.1","parent_user_id":"BSUID.0",
				   "profile":{"name":"David","username":"@david"}}]}""", MessageStatusEvent.class);
		MessageStatus status = event.status();
		assertThat(status.status()).isEqualTo(MessageStatus.Status.FAILED);
		assertThat(status.timestamp()).isEqualTo(Instant.ofEpochSecond(1660019990));
		assertThat(status.conversation().expirationTimestamp()).isEqualTo(Instant.ofEpochSecond(1660106390));
		assertThat(status.conversation().origin().type()).isEqualTo("business_initiated");
		assertThat(status.errors()).containsExactly(
				new MessageStatus.Error(470, 131047, "outside the support window", null));
		assertThat(status.costs()).containsExactly(new Cost("USD", new BigDecimal("0.0512"), new BigDecimal("0.0071"),
				4, "cus-42", 1));
		assertThat(status.pricing()).isEqualTo(new MessageStatus.Pricing(true, "CBP", "marketing", null));
		assertThat(status.metaMessageId()).isEqualTo("wamid.ORIG");
		assertThat(status.bizOpaqueCallbackData()).isEqualTo("order-1042");
		WebhookEnvelope envelope = event.envelope();
		assertThat(envelope.businessPhone()).isEqualTo("15550000001");
		assertThat(envelope.messagingProduct()).isEqualTo("whatsapp");
		assertThat(envelope.appId()).isEqualTo("1000");
		assertThat(envelope.channel()).isEqualTo(2);
		assertThat(envelope.wabaId()).isEqualTo("998877");
		assertThat(envelope.metadata()).isEqualTo(new WebhookEnvelope.Metadata("+1 555 000 0001", "1234567"));
		assertThat(envelope.contacts()).containsExactly(
				new Contact("", "BSUID.1", "BSUID.0", new Contact.Profile("David", "@david")));
	}

	@Test
	void everyStatusOfAPayloadIsAnEventAndNewStatusesReadAsUnknown() {
		List<NxCloudWebhookEvent> events = decode("""
				{"statuses":[{"id":"m1","status":"sent"},{"id":"m1","status":"read"},{"id":"m2","status":"deleted"},
				{"id":"m3","status":"played"}],"business_phone":"15550000001"}""");
		assertThat(events).hasSize(4).allSatisfy((event) -> assertThat(event).isInstanceOf(MessageStatusEvent.class));
		assertThat(events).extracting((event) -> ((MessageStatusEvent) event).status().status())
			.containsExactly(MessageStatus.Status.SENT, MessageStatus.Status.READ, MessageStatus.Status.DELETED,
					MessageStatus.Status.UNKNOWN);
		assertThat(((MessageStatusEvent) events.get(3)).raw().path("status").asString()).isEqualTo("played");
		assertThat(((MessageStatusEvent) events.get(0)).envelope().businessPhone()).isEqualTo("15550000001");
	}

	@Test
	void inboundTextWithItsContactAndCost() {
		InboundMessageEvent event = single("""
				{"contacts":[{"profile":{"name":"Ann"},"wa_id":"8613800000001"},
				  {"profile":{"name":"Bob"},"wa_id":"8613800000002"}],
				 "messages":[{"from":"8613800000002","id":"wamid.IN1","timestamp":"1660020000","type":"text",
				   "text":{"body":"hello"},"cost":{"currency":"USD","price":0,"cdr_type":7,"direction":"2"}}],
				 "business_phone":"15550000001","messaging_product":"whatsapp"}""", InboundMessageEvent.class);
		InboundMessage message = event.message();
		assertThat(message.from()).isEqualTo("8613800000002");
		assertThat(message.id()).isEqualTo("wamid.IN1");
		assertThat(message.timestamp()).isEqualTo(Instant.ofEpochSecond(1660020000));
		assertThat(message.type()).isEqualTo("text");
		assertThat(message.text().body()).isEqualTo("hello");
		assertThat(message.cost().cdrType()).isEqualTo(7);
		assertThat(message.cost().direction()).isEqualTo(2);
		assertThat(message.cost().price()).isEqualByComparingTo("0");
		assertThat(event.contact().profile().name()).isEqualTo("Bob");
		assertThat(event.envelope().businessPhone()).isEqualTo("15550000001");
	}

	@Test
	void inboundMediaLocationAndSticker() {
		List<NxCloudWebhookEvent> events = decode("""
				{"messages":[
				 {"from":"1","id":"i1","type":"image","image":{"id":"u-1","caption":"menu","mime_type":"image/jpeg","sha256":"aa"}},
				 {"from":"1","id":"i2","type":"video","video":{"id":"u-2","caption":"clip","mime_type":"video/mp4","sha256":"bb"}},
				 {"from":"1","id":"i3","type":"audio","audio":{"id":"u-3","mime_type":"audio/aac","sha256":"cc"}},
				 {"from":"1","id":"i4","type":"voice","voice":{"id":"u-4","mime_type":"audio/ogg; codecs=opus","sha256":"dd"}},
				 {"from":"1","id":"i5","type":"document","document":{"id":"u-5","caption":"cv","filename":"cv.pdf",
				   "mime_type":"application/pdf","sha256":"ee"}},
				 {"from":"1","id":"i6","type":"location","location":{"latitude":"22.54","longitude":114.06,
				   "name":"Office","address":"Shenzhen","url":"https://example.com"}},
				 {"from":"1","id":"i7","type":"sticker","sticker":{"id":"u-7","mime_type":"image/webp","sha256":"ff",
				   "metadata":{"emojis":["x"]}}}]}""");
		assertThat(events).hasSize(7).allSatisfy((event) -> assertThat(event).isInstanceOf(InboundMessageEvent.class));
		List<InboundMessage> messages = events.stream().map((event) -> ((InboundMessageEvent) event).message()).toList();
		assertThat(messages.get(0).image()).isEqualTo(new InboundMessage.Media("u-1", "menu", "image/jpeg", "aa", null));
		assertThat(messages.get(1).video()).isEqualTo(new InboundMessage.Media("u-2", "clip", "video/mp4", "bb", null));
		assertThat(messages.get(2).audio()).isEqualTo(new InboundMessage.Media("u-3", null, "audio/aac", "cc", null));
		assertThat(messages.get(3).voice().mimeType()).isEqualTo("audio/ogg; codecs=opus");
		assertThat(messages.get(4).document())
			.isEqualTo(new InboundMessage.Media("u-5", "cv", "application/pdf", "ee", "cv.pdf"));
		assertThat(messages.get(5).location())
			.isEqualTo(new InboundMessage.Location(22.54, 114.06, "Office", "Shenzhen", "https://example.com"));
		assertThat(messages.get(6).sticker().id()).isEqualTo("u-7");
		assertThat(((InboundMessageEvent) events.get(6)).raw().path("sticker").path("metadata").path("emojis").get(0)
			.asString()).isEqualTo("x");
		assertThat(((InboundMessageEvent) events.get(0)).contact()).isNull();
	}

	@Test
	void templateButtonClickDecodesItsWaExtJsonString() {
		InboundMessageEvent event = single("""
				{"messages":[{"from":"8613800000000","id":"wamid.BTN","timestamp":"1660020100","type":"button",
				  "button":{"payload":"track-A-1042","text":"Track order"},
				  "context":{"from":"15550000001","id":"wamid.TPL"},"tag_name":"orders",
				  "wa_ext":"{\\"templateId\\":\\"778899\\",\\"templateName\\":\\"order_update\\",\
				\\"components\\":[{\\"type\\":\\"body\\"}]}"}]}""",
				InboundMessageEvent.class);
		InboundMessage message = event.message();
		assertThat(message.type()).isEqualTo("button");
		assertThat(message.button()).isEqualTo(new InboundMessage.Button("track-A-1042", "Track order"));
		assertThat(message.context()).isEqualTo(new InboundMessage.Context("15550000001", "wamid.TPL"));
		assertThat(message.tagName()).isEqualTo("orders");
		assertThat(message.waExt().templateId()).isEqualTo("778899");
		assertThat(message.waExt().templateName()).isEqualTo("order_update");
		assertThat(message.waExt().components().get(0).path("type").asString()).isEqualTo("body");
		assertThat(event.raw().path("wa_ext").isString()).isTrue();
	}

	@Test
	void waExtThatIsNotJsonIsLeftOutButTheClickIsStillDecoded() {
		InboundMessageEvent event = single("""
				{"messages":[{"from":"1","id":"b2","type":"button","button":{"payload":"p","text":"t"},"wa_ext":"{oops"}]}""",
				InboundMessageEvent.class);
		assertThat(event.message().waExt()).isNull();
		assertThat(event.message().button().payload()).isEqualTo("p");
	}

	@Test
	void interactiveRepliesAndReactions() {
		List<NxCloudWebhookEvent> events = decode("""
				{"messages":[
				 {"from":"1","id":"x1","type":"interactive","interactive":{"type":"button_reply",
				   "button_reply":{"id":"yes","title":"Yes"}}},
				 {"from":"1","id":"x2","type":"interactive","interactive":{"type":"list_reply",
				   "list_reply":{"id":"row-2","title":"Blue","description":"The blue one"}}},
				 {"from":"1","id":"x3","type":"interactive","interactive":{"type":"nfm_reply",
				   "nfm_reply":{"name":"flow","body":"Sent","response_json":"{\\"size\\":\\"M\\"}"}}},
				 {"from":"1","id":"x4","type":"reaction","reaction":{"message_id":"wamid.OUT","emoji":"👍"}}]}""");
		List<InboundMessage> messages = events.stream().map((event) -> ((InboundMessageEvent) event).message()).toList();
		assertThat(messages.get(0).interactive().buttonReply()).isEqualTo(new InboundMessage.Reply("yes", "Yes", null));
		assertThat(messages.get(1).interactive().type()).isEqualTo("list_reply");
		assertThat(messages.get(1).interactive().listReply())
			.isEqualTo(new InboundMessage.Reply("row-2", "Blue", "The blue one"));
		assertThat(messages.get(2).interactive().nfmReply())
			.isEqualTo(new InboundMessage.FlowReply("flow", "Sent", "{\"size\":\"M\"}"));
		assertThat(messages.get(3).reaction()).isEqualTo(new InboundMessage.Reaction("wamid.OUT", "👍"));
	}

	@Test
	void newerMessageTypesAreKeptRaw() {
		InboundMessageEvent event = single("""
				{"messages":[{"from":"1","id":"o1","type":"order","order":{"catalog_id":"c","product_items":[]}}]}""",
				InboundMessageEvent.class);
		assertThat(event.message().type()).isEqualTo("order");
		assertThat(event.raw().path("order").path("catalog_id").asString()).isEqualTo("c");
	}

	@Test
	void templateStatusUpdate() {
		TemplateEvent event = single("""
				{"field":"message_template_status_update","value":{"business_phone":"15550000001","event":"REJECTED",
				 "message_template_id":1234567890123,"message_template_language":"en_US",
				 "message_template_name":"order_update","reason":"INVALID_FORMAT","time":"1760000000","wabaId":"998877"}}""",
				TemplateEvent.class);
		assertThat(event.field()).isEqualTo("message_template_status_update");
		TemplateUpdate update = event.update();
		assertThat(update.businessPhone()).isEqualTo("15550000001");
		assertThat(update.event()).isEqualTo("REJECTED");
		assertThat(update.messageTemplateId()).isEqualTo("1234567890123");
		assertThat(update.messageTemplateLanguage()).isEqualTo("en_US");
		assertThat(update.messageTemplateName()).isEqualTo("order_update");
		assertThat(update.reason()).isEqualTo("INVALID_FORMAT");
		assertThat(update.time()).isEqualTo(Instant.ofEpochSecond(1760000000));
		assertThat(update.wabaId()).isEqualTo("998877");
	}

	@Test
	void templateQualityAndCategoryUpdates() {
		List<NxCloudWebhookEvent> quality = decode("""
				{"field":"message_template_quality_update","value":{"message_template_id":"42",
				 "message_template_name":"promo","previous_quality_score":"GREEN","new_quality_score":"YELLOW"}}""");
		TemplateUpdate update = ((TemplateEvent) quality.get(0)).update();
		assertThat(update.previousQualityScore()).isEqualTo("GREEN");
		assertThat(update.newQualityScore()).isEqualTo("YELLOW");
		TemplateEvent category = single("""
				{"field":"template_category_update","value":{"message_template_id":"42",
				 "previous_category":"UTILITY","new_category":"MARKETING"}}""", TemplateEvent.class);
		assertThat(category.update().previousCategory()).isEqualTo("UTILITY");
		assertThat(category.update().newCategory()).isEqualTo("MARKETING");
	}

	@Test
	void accountEvents() {
		AccountEvent banned = single("""
				{"field":"account_update","value":{"event":"DISABLED_UPDATE","wabaId":"998877",
				 "ban_info":{"waba_ban_state":"SCHEDULE_FOR_DISABLE","waba_ban_date":"2025-10-20"}}}""",
				AccountEvent.class);
		assertThat(banned.field()).isEqualTo("account_update");
		assertThat(banned.update().event()).isEqualTo("DISABLED_UPDATE");
		assertThat(banned.update().banInfo())
			.isEqualTo(new AccountUpdate.BanInfo("SCHEDULE_FOR_DISABLE", "2025-10-20"));
		AccountEvent review = single("""
				{"field":"account_review_update","value":{"decision":"APPROVED"}}""", AccountEvent.class);
		assertThat(review.update().decision()).isEqualTo("APPROVED");
		AccountEvent preferences = single("""
				{"field":"user_preferences","value":{"wa_id":"8613800000000","category":"marketing_messages",
				 "value":"stop"}}""", AccountEvent.class);
		assertThat(preferences.raw().path("value").path("value").asString()).isEqualTo("stop");
		assertThat(single("""
				{"field":"phone_number_quality_update","value":{"event":"FLAGGED"}}""", AccountEvent.class).update()
			.event()).isEqualTo("FLAGGED");
	}

	@Test
	void unknownPayloadsAndFieldsAreKeptRaw() {
		UnknownWebhookEvent unknown = single("{\"ping\":true}", UnknownWebhookEvent.class);
		assertThat(unknown.raw().path("ping").asBoolean()).isTrue();
		UnknownWebhookEvent field = single("{\"field\":\"brand_new_event\",\"value\":{\"x\":1}}",
				UnknownWebhookEvent.class);
		assertThat(field.raw().path("field").asString()).isEqualTo("brand_new_event");
		assertThat(single("{\"statuses\":[]}", UnknownWebhookEvent.class).raw().has("statuses")).isTrue();
	}

	@Test
	void anItemOfUnexpectedShapeIsKeptRawAndTheOthersDecoded() {
		List<NxCloudWebhookEvent> events = decode("""
				{"statuses":[{"id":"m1","status":"sent","conversation":"not-an-object"},{"id":"m2","status":"read"},"odd"]}""");
		assertThat(events).hasSize(3);
		assertThat(events.get(0)).isInstanceOf(UnknownWebhookEvent.class);
		assertThat(((MessageStatusEvent) events.get(1)).status().id()).isEqualTo("m2");
		assertThat(events.get(2)).isInstanceOf(UnknownWebhookEvent.class);
	}

	@Test
	void aBodyThatIsNotAJsonObjectIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> decode("not json"));
		assertThatIllegalArgumentException().isThrownBy(() -> decode("[1,2]"));
		assertThatIllegalArgumentException().isThrownBy(() -> decode(""));
	}


	@Test
	void whatABodyMayMakeTheDecoderBuildIsBoundedInTokensAndDepth() {
		// the braces and brackets around 4,997 empty statuses are 9,999 tokens, around 4,998 are 10,001
		assertThat(decode(items("statuses", "{}", 4_997))).hasSize(4_997);
		assertThatIllegalArgumentException().isThrownBy(() -> decode(items("statuses", "{}", 4_998)))
			.withMessage("A callback body must have at most 10000 JSON tokens, nested at most 32 deep, and no number, "
					+ "string or name longer than its parser allows");
		assertThat(decode("{\"a\":".repeat(32) + "1" + "}".repeat(32))).singleElement()
			.isInstanceOf(UnknownWebhookEvent.class);
		assertThatIllegalArgumentException().isThrownBy(() -> decode("{\"a\":".repeat(33) + "1" + "}".repeat(33)))
			.withMessageContaining("nested at most 32 deep");
	}

	@Test
	void theTokensOfEmbeddedWaExtTextsCountAgainstTheSameBudget() {
		// each message is 6 tokens and its wa_ext 2,000: two fit in 10,000, five do not, though each text alone does
		String waExt = "[" + "1,".repeat(1_997) + "1]";
		String message = "{\"id\":\"m\",\"wa_ext\":\"" + waExt + "\"}";
		assertThat(decode(items("messages", message, 2))).hasSize(2);
		assertThatIllegalArgumentException().isThrownBy(() -> decode(items("messages", message, 5)))
			.withMessage("A callback must have at most 10000 JSON tokens, counting those of its wa_ext texts, "
					+ "nested at most 32 deep");
	}

	private static String items(String name, String item, int count) {
		return "{\"" + name + "\":[" + String.join(",", Collections.nCopies(count, item)) + "]}";
	}

	@Test
	void eachOfAGivenMappersLimitsStaysWhereItIsStricterThanTheDecoders() {
		NxCloudWebhookDecoder strict = new NxCloudWebhookDecoder(mapper(StreamReadConstraints.builder()
			.maxStringLength(100)
			.maxTokenCount(100)
			.maxNumberLength(10)
			.maxNestingDepth(1_000)
			.build()));
		String longId = "{\"statuses\":[{\"id\":\"" + "x".repeat(101) + "\",\"status\":\"read\"}]}";
		String longNumber = "{\"statuses\":[{\"id\":\"m1\",\"timestamp\":" + "9".repeat(11) + "}]}";
		String manyTokens = items("statuses", "{}", 60);
		String deep = "{\"a\":".repeat(33) + "1" + "}".repeat(33);
		for (String body : List.of(longId, longNumber, manyTokens)) {
			assertThat(this.decoder.decode(bytes(body))).as("the decoder's own limits allow it").isNotEmpty();
			assertThatIllegalArgumentException().as("the mapper's stricter limit refuses it")
				.isThrownBy(() -> strict.decode(bytes(body)));
		}
		assertThatIllegalArgumentException().as("the mapper's looser depth does not loosen the decoder's")
			.isThrownBy(() -> strict.decode(bytes(deep)))
			.withMessageContaining("at most 100 JSON tokens, nested at most 32 deep");
	}

	@Test
	void aNullMapperOrBodyIsRefusedByName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NxCloudWebhookDecoder(null))
			.withMessage("json must not be null");
		assertThatExceptionOfType(NxCloudValidationException.class).isThrownBy(() -> this.decoder.decode(null))
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("body"))
			.withMessageContaining("'body' is required");
	}

	private static JsonMapper mapper(StreamReadConstraints constraints) {
		return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build()).build();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
