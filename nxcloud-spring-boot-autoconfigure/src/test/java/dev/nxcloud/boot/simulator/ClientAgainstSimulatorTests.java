package dev.nxcloud.boot.simulator;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.whatsapp.error.NxCloudAuthenticationException;
import dev.nxcloud.whatsapp.error.NxCloudBusinessException;
import dev.nxcloud.whatsapp.error.NxCloudErrorCode;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.error.NxCloudHttpStatusException;
import dev.nxcloud.whatsapp.error.NxCloudInvalidResponseException;
import dev.nxcloud.whatsapp.error.NxCloudServerException;
import dev.nxcloud.whatsapp.error.NxCloudTimeoutException;
import dev.nxcloud.whatsapp.error.NxCloudTransportException;
import dev.nxcloud.whatsapp.integrator.NxCloudIntegratorService;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.message.Template;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import dev.nxcloud.whatsapp.otp.NxCloudOtpService;
import dev.nxcloud.whatsapp.otp.OtpRequest;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfo;
import dev.nxcloud.whatsapp.phone.PhoneInfoRequest;
import dev.nxcloud.whatsapp.flow.NxCloudFlowService;
import dev.nxcloud.whatsapp.flow.WhatsAppFlow;
import dev.nxcloud.whatsapp.media.MediaUpload;
import dev.nxcloud.whatsapp.media.MediaUploadRequest;
import dev.nxcloud.whatsapp.media.NxCloudMediaService;
import dev.nxcloud.whatsapp.template.NxCloudTemplateService;
import dev.nxcloud.whatsapp.template.TemplateButton;
import dev.nxcloud.whatsapp.template.TemplateButtonEvent;
import dev.nxcloud.whatsapp.template.TemplateCategoryType;
import dev.nxcloud.whatsapp.template.TemplateDetail;
import dev.nxcloud.whatsapp.template.TemplateDetailComponent;
import dev.nxcloud.whatsapp.template.TemplateHeaderMedia;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import dev.nxcloud.whatsapp.template.TemplateListRequest;
import dev.nxcloud.whatsapp.template.TemplateMediaType;
import dev.nxcloud.whatsapp.template.TemplateRequest;
import dev.nxcloud.whatsapp.template.TemplateStatus;
import org.springframework.http.MediaType;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.Endpoint;
import dev.nxcloud.simulator.Fault;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.state.App;
import dev.nxcloud.simulator.state.BusinessPhone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured services end to end against the NxCloud simulator: success shapes, NxCloud's error codes and
 * transport faults.
 */
class ClientAgainstSimulatorTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String RECIPIENT = "8613800000000";

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start();

	private final DemoAccount demo = this.simulator.demoAccount();

	@AfterEach
	void close() {
		this.simulator.close();
	}

	private ApplicationContextRunner runner(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					NxCloudAutoConfiguration.class))
			.withPropertyValues("nxcloud.api-url=" + this.simulator.baseUrl(),
					"nxcloud.saas-url=" + this.simulator.baseUrl(), "nxcloud.access-key=" + this.demo.accessKey(),
					"nxcloud.access-secret=" + this.demo.accessSecret(), "nxcloud.app-key=" + this.demo.appKey(),
					"nxcloud.business-phone=" + this.demo.businessPhone(), "nxcloud.tenant-id=" + this.demo.tenantId(),
					"nxcloud.response-timeout=2s", "nxcloud.retry.enabled=false")
			.withPropertyValues(properties);
	}

	private <T> T call(Function<AssertableApplicationContext, Mono<T>> call, String... properties) {
		Object[] result = new Object[1];
		runner(properties).run((context) -> result[0] = call.apply(context).block(TIMEOUT));
		@SuppressWarnings("unchecked")
		T value = (T) result[0];
		return value;
	}

	private NxCloudException failure(Function<AssertableApplicationContext, Mono<?>> call, String... properties) {
		Throwable[] error = new Throwable[1];
		runner(properties).run((context) -> error[0] = call.apply(context)
			.then(Mono.<Throwable>empty())
			.onErrorResume(Mono::just)
			.block(TIMEOUT));
		assertThat(error[0]).isInstanceOf(NxCloudException.class);
		assertThat(error[0].getMessage()).doesNotContain(this.demo.accessSecret());
		return (NxCloudException) error[0];
	}

	private static NxCloudPhoneService phones(AssertableApplicationContext context) {
		return context.getBean(NxCloudPhoneService.class);
	}

	private static NxCloudMessageService messages(AssertableApplicationContext context) {
		return context.getBean(NxCloudMessageService.class);
	}

	@Test
	void phoneInfo() {
		PhoneInfo info = call((context) -> phones(context).getPhones()).get(this.demo.businessPhone()).orElseThrow();
		assertThat(info.status()).isEqualTo(PhoneInfo.Status.CONNECTED);
		assertThat(info.qualityRating()).isEqualTo(PhoneInfo.QualityRating.GREEN);
		assertThat(info.currentLimit()).isEqualTo(PhoneInfo.MessagingLimit.TIER_1K);
	}

	@Test
	void phoneInfoWithSha256Signatures() {
		assertThat(call((context) -> phones(context).getPhones(), "nxcloud.sign-algorithm=sha256").byPhone())
			.containsKey(this.demo.businessPhone());
		assertThat(this.simulator.requests().get(0).header("algorithm")).isEqualTo("sha256");
	}

	@Test
	void otpTextAndTemplateSendsAreAcceptedWithTheCallersMessageId() {
		String otpId = call((context) -> context.getBean(NxCloudOtpService.class)
			.send(OtpRequest.of(RECIPIENT, "Your code is 482913", TemplateLanguage.EN).withCustomMessageId("otp-1")))
			.messageId();
		String textId = call((context) -> messages(context).send(Message.text(RECIPIENT, "hello 牛小信"))).messageId();
		Template orderUpdate = Template.builder("order_update", TemplateLanguage.EN_US).body("David", "A-1").build();
		String saasId = call((context) -> messages(context).sendTemplate(TemplateMessage.to(RECIPIENT, orderUpdate)))
			.messageId();
		String mtTemplateId = call((context) -> messages(context).send(Message.template(RECIPIENT, orderUpdate)))
			.messageId();
		assertThat(otpId).isEqualTo("otp-1");
		assertThat(this.simulator.messages()).extracting((message) -> message.id())
			.containsExactly("otp-1", textId, saasId, mtTemplateId);
		assertThat(this.simulator.messages().get(1).body()).contains("hello 牛小信");
	}

	@Test
	void createApp() {
		var app = call((context) -> context.getBean(NxCloudIntegratorService.class)
			.createApp("Acme", "http://127.0.0.1:9/hook"));
		assertThat(app.appName()).isEqualTo("Acme");
		assertThat(this.simulator.state().app(app.appKey())).isPresent();
	}

	@Test
	void wrongSecretIsAnAuthenticationFailure1003() {
		NxCloudException ex = failure((context) -> phones(context).getPhones(), "nxcloud.access-secret=wrong");
		assertThat(ex).isInstanceOf(NxCloudAuthenticationException.class);
		assertThat(ex.getCode()).isEqualTo(1003);
		assertThat(ex.getMessage()).doesNotContain("wrong");
	}

	@Test
	void unknownAccessKeyIs1005() {
		assertThat(failure((context) -> phones(context).getPhones(), "nxcloud.access-key=nobody").getCode())
			.isEqualTo(1005);
	}

	@Test
	void clockSkewOverSixtySecondsIs1004() {
		this.simulator.clock().shift(Duration.ofSeconds(61));
		NxCloudException ex = failure((context) -> phones(context).getPhones());
		assertThat(((NxCloudAuthenticationException) ex).getErrorCode()).isEqualTo(NxCloudErrorCode.TIMESTAMP_EXPIRED);
	}

	@Test
	void unknownAppIs9003() {
		NxCloudException ex = failure((context) -> phones(context).getPhones(), "nxcloud.app-key=noSuchApp");
		assertThat(ex).isInstanceOf(NxCloudBusinessException.class);
		assertThat(ex.getCode()).isEqualTo(9003);
	}

	@Test
	void phoneOfAnotherAppIsNotBound() {
		this.simulator.state().addApp(new App(this.demo.accessKey(), 2000, "Other", "otherApp", null));
		this.simulator.state()
			.addPhone(new BusinessPhone("15550000999", "otherApp", "+1 555 000 0999", "Other", "APPROVED",
					"CONNECTED", "GREEN", "TIER_250", "VERIFIED"));
		assertThat(failure((context) -> phones(context).getPhones(PhoneInfoRequest.of("15550000999"))).getCode())
			.isEqualTo(9006);
		assertThat(failure((context) -> messages(context).send(Message.text(RECIPIENT, "hi")),
				"nxcloud.business-phone=15550000999")
			.getCode()).isEqualTo(10003);
	}

	@Test
	void unknownTemplateIs22093OnTheSaasSendAnd10005OnMt() {
		Template unknown = Template.of("no_such_template", TemplateLanguage.EN);
		assertThat(failure((context) -> messages(context).sendTemplate(TemplateMessage.to(RECIPIENT, unknown)))
			.getCode()).isEqualTo(22093);
		assertThat(failure((context) -> messages(context).send(Message.template(RECIPIENT, unknown))).getCode())
			.isEqualTo(10005);
	}

	@Test
	void appCapIs9009() {
		for (int i = 0; i < 1000; i++) {
			this.simulator.state().addApp(new App(this.demo.accessKey(), 10_000 + i, "app" + i, "cap" + i, null));
		}
		assertThat(failure((context) -> context.getBean(NxCloudIntegratorService.class)
			.createApp("one more", "http://127.0.0.1:9/hook")).getCode()).isEqualTo(9009);
	}

	@Test
	void transportFaultsBecomeTypedFailures() {
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.httpStatus(503));
		assertThat(failure((context) -> phones(context).getPhones())).isInstanceOf(NxCloudHttpStatusException.class)
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.requestFailed());
		assertThat(failure((context) -> phones(context).getPhones())).isInstanceOf(NxCloudServerException.class);
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.malformedBody());
		assertThat(failure((context) -> phones(context).getPhones()))
			.isInstanceOf(NxCloudInvalidResponseException.class);
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.connectionReset());
		assertThat(failure((context) -> phones(context).getPhones())).isInstanceOf(NxCloudTransportException.class);
		this.simulator.faults().on(Endpoint.GET_PHONE).next(1).respond(Fault.noResponse());
		assertThat(failure((context) -> phones(context).getPhones(), "nxcloud.response-timeout=300ms"))
			.isInstanceOf(NxCloudTimeoutException.class);
		assertThat(call((context) -> phones(context).getPhones()).byPhone()).isNotEmpty();
		assertThat(List.of(this.simulator.faults().rules().toArray())).allSatisfy(
				(rule) -> assertThat(((dev.nxcloud.simulator.FaultRule) rule).remaining()).isZero());
	}

	private static NxCloudTemplateService templates(AssertableApplicationContext context) {
		return context.getBean(NxCloudTemplateService.class);
	}

	@Test
	void templateLifecycleWithUploadedHeaderMedia() {
		MediaUpload upload = call((context) -> context.getBean(NxCloudMediaService.class)
			.upload(MediaUploadRequest.of(new byte[] { (byte) 0x89, 'P', 'N', 'G' }, "banner.png", MediaType.IMAGE_PNG)));
		assertThat(upload.mediaId()).isNotBlank();
		assertThat(upload.handles()).as("several handles, one a line, as on the upload page").hasSizeGreaterThan(1)
			.startsWith(upload.templateMediaId());
		assertThat(upload.originalFilename()).isEqualTo("banner.png");
		TemplateRequest request = TemplateRequest.builder()
			.name("spring_welcome")
			.language(TemplateLanguage.EN_US)
			.category(TemplateCategoryType.MARKETING)
			.content("Welcome {{1}}!")
			.headerMedia(TemplateHeaderMedia.of(TemplateMediaType.IMAGE, upload))
			.button(TemplateButton.quickReply("Thanks").withEvents(TemplateButtonEvent.tag("welcomed")))
			.build();
		Long id = call((context) -> templates(context).create(request)).templateId().orElseThrow();
		TemplateDetail created = call((context) -> templates(context).get(id));
		assertThat(created.name()).isEqualTo("spring_welcome");
		assertThat(created.status()).isEqualTo(TemplateStatus.APPROVED);
		assertThat(created.component(TemplateDetailComponent.Type.HEADER)).hasValueSatisfying((header) -> {
			assertThat(header.h()).isEqualTo(upload.templateMediaId());
			assertThat(header.mediaId()).isEqualTo(upload.mediaId());
		});
		call((context) -> templates(context).update(id, request.toBuilder().content("Hello {{1}}!").build()));
		List<dev.nxcloud.whatsapp.template.TemplateSummary> all = call(
				(context) -> templates(context).listAll(TemplateListRequest.page(1, 2)).collectList());
		assertThat(all).extracting((template) -> template.name())
			.contains("spring_welcome", "order_update");
		assertThat(call((context) -> templates(context).list(TemplateListRequest.page(1, 10).withName("spring_welcome")))
			.list()).singleElement().satisfies((template) -> assertThat(template.content()).contains("Hello"));
		call((context) -> templates(context).delete(id).thenReturn(true));
		assertThat(failure((context) -> templates(context).get(id)).getCode()).isEqualTo(22093);
	}

	@Test
	void flows() {
		List<WhatsAppFlow> flows = this.<List<WhatsAppFlow>>call((context) -> context.getBean(NxCloudFlowService.class).list().collectList());
		assertThat(flows).singleElement().satisfies((flow) -> {
			assertThat(flow.id()).isEqualTo("803348158336427");
			assertThat(flow.status()).isEqualTo(WhatsAppFlow.Status.PUBLISHED);
		});
	}

}
