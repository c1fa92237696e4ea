package dev.nxcloud.whatsapp.readme;

import java.nio.file.Path;

import dev.nxcloud.whatsapp.flow.NxCloudFlowService;
import dev.nxcloud.whatsapp.flow.WhatsAppFlow;
import dev.nxcloud.whatsapp.integrator.NxCloudIntegratorService;
import dev.nxcloud.whatsapp.media.MediaUploadRequest;
import dev.nxcloud.whatsapp.media.NxCloudMediaService;
import dev.nxcloud.whatsapp.message.ButtonParameter;
import dev.nxcloud.whatsapp.message.HeaderParameter;
import dev.nxcloud.whatsapp.message.MediaSource;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.message.SentMessage;
import dev.nxcloud.whatsapp.message.Template;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import dev.nxcloud.whatsapp.otp.NxCloudOtpService;
import dev.nxcloud.whatsapp.otp.OtpApiType;
import dev.nxcloud.whatsapp.otp.OtpCategory;
import dev.nxcloud.whatsapp.otp.OtpRequest;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.template.NxCloudTemplateService;
import dev.nxcloud.whatsapp.template.TemplateButton;
import dev.nxcloud.whatsapp.template.TemplateButtonEvent;
import dev.nxcloud.whatsapp.template.TemplateCategory;
import dev.nxcloud.whatsapp.template.TemplateCategoryType;
import dev.nxcloud.whatsapp.template.TemplateDetail;
import dev.nxcloud.whatsapp.template.TemplateHeaderMedia;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import dev.nxcloud.whatsapp.template.TemplateListRequest;
import dev.nxcloud.whatsapp.template.TemplateMediaType;
import dev.nxcloud.whatsapp.template.TemplateRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;

/**
 * The Java examples of the README's service sections, as written there, so that the compiler keeps them true to
 * the API. Compiled with the tests, never run.
 */
@SuppressWarnings("unused")
final class ReadmeSnippets {

	private ReadmeSnippets() {
	}

	static void messages(NxCloudMessageService messages) {
		Template orderUpdate = Template.builder("order_update", TemplateLanguage.EN_US)
			.header(HeaderParameter.image("https://cdn.example.com/order.png"))
			.body("David", "China", "China", "8613800000000")
			.button(ButtonParameter.url(0, "track/42"))
			.build();
		Mono<String> id = messages.send(Message.template("8613800000000", orderUpdate)
			.withCustomMessageId("order-42-update")
			.withDrWebhook("https://example.com/nxcloud/status")).map(SentMessage::messageId);
		Template shipped = Template.builder("order_shipped", TemplateLanguage.EN_US)
			.header(HeaderParameter.image("https://cdn.example.com/order.png"))
			.body("David", "A-1042")
			.build();
		messages.sendTemplate(TemplateMessage.to("8613800000000", shipped));
		messages.send(Message.text("8613800000000", "Hello *there*"));
		messages.send(Message.image("8613800000000", MediaSource.link("https://cdn.example.com/a.png"), "Your receipt"));
		messages.send(Message.document("8613800000000", MediaSource.id("f0a3c1e2")));
		messages.send(Message.location("8613800000000", 22.54, 114.05, "Office", "1 Example Road"));
	}

	static Mono<String> otp(NxCloudOtpService otp) {
		return otp.send(OtpRequest.of("8613800000000", "Your code is 482913", TemplateLanguage.EN)
			.withCategory(OtpCategory.AUTHENTICATION)
			.withCustomMessageId("login-7781")
			.withApiType(OtpApiType.CLOUD_API)).map(SentMessage::messageId);
	}

	static Mono<String> phones(NxCloudPhoneService phones) {
		return phones.getPhones()
			.map((result) -> result.get("8615800001795").orElseThrow())
			.map((info) -> info.status() + " " + info.qualityRating() + " " + info.currentLimit());
	}

	static void templates(NxCloudTemplateService templates) {
		TemplateRequest request = TemplateRequest.builder()
			.name("order_update").language(TemplateLanguage.EN_US).category(TemplateCategoryType.UTILITY)
			.content("Your order {{1}} has shipped").footerText("Reply STOP to opt out")
			.button(TemplateButton.quickReply("Thanks").withEvents(TemplateButtonEvent.tag("shipped")))
			.button(TemplateButton.url("Track", "https://example.com/track/{{1}}"))
			.build();
		templates.create(request).flatMap((ref) -> Mono.justOrEmpty(ref.templateId()));
		templates.list(TemplateListRequest.page(1, 20).withName("order"));
		templates.listAll().filter((template) -> template.category() == TemplateCategory.MARKETING);
		templates.get(1214365320013059L).map(TemplateDetail::status);
		templates.delete(1214365320013059L);
	}

	static void flowsAndMedia(NxCloudFlowService flows, NxCloudMediaService media, NxCloudTemplateService templates,
			TemplateRequest request, Flux<DataBuffer> dataBuffers, long size) {
		flows.list()
			.filter((flow) -> flow.status() == WhatsAppFlow.Status.PUBLISHED)
			.next()
			.map((flow) -> TemplateButton.flow("Sign up", flow.id()));
		media.upload(Path.of("banner.png"))
			.map((upload) -> TemplateHeaderMedia.of(TemplateMediaType.IMAGE, upload))
			.flatMap((header) -> templates.create(request.toBuilder().headerMedia(header).build()));
		media.upload(MediaUploadRequest.of(dataBuffers, "clip.mp4", MediaType.parseMediaType("video/mp4"))
			.withSize(size));
	}

	static Mono<String> integrator(NxCloudIntegratorService integrator) {
		return integrator.createApp("Acme Store", "https://acme.example.com/nxcloud/webhook")
			.map((app) -> app.appId() + " " + app.appKey());
	}

}
