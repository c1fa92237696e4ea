package dev.nxcloud.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.message.SentMessage;
import dev.nxcloud.whatsapp.message.Template;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import dev.nxcloud.whatsapp.otp.NxCloudOtpService;
import dev.nxcloud.whatsapp.otp.OtpRequest;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.template.NxCloudTemplateService;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The sample's main job, run once at start-up: query the business phones, list the templates, send an OTP, a
 * template message and a text, then show the status callbacks NxCloud sends back for each. Its exit code is 1 if a
 * step failed or a status callback did not arrive.
 */
@Component
class WhatsAppDemo implements ApplicationRunner, ExitCodeGenerator {

	private static final Logger logger = LoggerFactory.getLogger(WhatsAppDemo.class);

	private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

	private final NxCloudPhoneService phones;

	private final NxCloudTemplateService templates;

	private final NxCloudOtpService otp;

	private final NxCloudMessageService messages;

	private final MessageStatuses statuses;

	private final Environment environment;

	private final List<String> report = new ArrayList<>();

	private boolean failed;

	WhatsAppDemo(NxCloudPhoneService phones, NxCloudTemplateService templates, NxCloudOtpService otp,
			NxCloudMessageService messages, MessageStatuses statuses, Environment environment) {
		this.phones = phones;
		this.templates = templates;
		this.otp = otp;
		this.messages = messages;
		this.statuses = statuses;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) throws InterruptedException {
		String recipient = this.environment.getRequiredProperty("sample.recipient");
		String webhook = this.environment.getProperty("sample.dr-webhook");
		step("business phones", () -> this.phones.getPhones()
			.block(STEP_TIMEOUT)
			.phones()
			.forEach((phone, info) -> record("phone %s: %s, quality %s, tier %s, name '%s'", phone, info.status(),
					info.qualityRating(), info.currentLimit(), info.verifiedName())));
		step("templates", () -> this.templates.listAll()
			.doOnNext((template) -> record("template %s (%s, %s): %s", template.name(), template.language(),
					template.category(), template.content()))
			.blockLast(STEP_TIMEOUT));
		List<String> sent = new ArrayList<>();
		step("OTP", () -> sent.add(sent("OTP", this.otp
			.send(withWebhook(OtpRequest.of(recipient, "Your code is 482913", TemplateLanguage.EN), webhook))
			.block(STEP_TIMEOUT))));
		Template orderUpdate = Template.builder("order_update", TemplateLanguage.EN_US).body("David", "A-1042").build();
		step("template message", () -> sent.add(sent("template message",
				this.messages.sendTemplate(TemplateMessage.to(recipient, orderUpdate)).block(STEP_TIMEOUT))));
		step("text message", () -> sent.add(sent("text message",
				this.messages.send(withWebhook(Message.text(recipient, "Hello from the NxCloud starter"), webhook))
					.block(STEP_TIMEOUT))));
		if (!this.statuses.awaitFinal(sent, Duration.ofSeconds(10))) {
			fail("not every status callback arrived within 10 s");
		}
		sent.forEach((id) -> record("statuses of %s: %s", id, this.statuses.history(id)));
	}

	/**
	 * What the last run did, one line per result.
	 * @return the report lines
	 */
	synchronized List<String> report() {
		return List.copyOf(this.report);
	}

	@Override
	public synchronized int getExitCode() {
		return this.failed ? 1 : 0;
	}

	private static OtpRequest withWebhook(OtpRequest request, @Nullable String webhook) {
		return (webhook != null) ? request.withDrWebhook(webhook) : request;
	}

	private static Message withWebhook(Message message, @Nullable String webhook) {
		return (webhook != null) ? message.withDrWebhook(webhook) : message;
	}

	private String sent(String what, SentMessage message) {
		record("%s accepted as %s", what, message.messageId());
		return message.messageId();
	}

	private void step(String name, Runnable step) {
		try {
			step.run();
		}
		catch (NxCloudException ex) {
			fail("%s failed: %s", name, ex.getMessage());
		}
	}

	private synchronized void fail(String format, Object... args) {
		this.failed = true;
		String line = String.format(format, args);
		this.report.add(line);
		logger.warn(line);
	}

	private synchronized void record(String format, Object... args) {
		String line = String.format(format, args);
		this.report.add(line);
		logger.info(line);
	}

}
