package dev.nxcloud.whatsapp.aot;

import java.util.List;
import java.util.stream.Stream;

import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.error.MetaError;
import dev.nxcloud.whatsapp.integrator.CustomerApp;
import dev.nxcloud.whatsapp.media.MediaUpload;
import dev.nxcloud.whatsapp.message.MessageWireMapper;
import dev.nxcloud.whatsapp.phone.BusinessPhones;
import dev.nxcloud.whatsapp.template.TemplateDetail;
import dev.nxcloud.whatsapp.template.TemplatePage;
import dev.nxcloud.whatsapp.webhook.AccountUpdate;
import dev.nxcloud.whatsapp.webhook.Contact;
import dev.nxcloud.whatsapp.webhook.InboundMessage;
import dev.nxcloud.whatsapp.webhook.MessageStatus;
import dev.nxcloud.whatsapp.webhook.TemplateUpdate;
import dev.nxcloud.whatsapp.webhook.WebhookEnvelope;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * Reflection hints for every type that {@linkplain NxCloudJson NxCloud's JSON mapping} reads or writes: request
 * bodies, response data, Meta's error details and webhook payloads, each with the records, enums and deserializers
 * it holds. Spring AOT picks them up from {@code META-INF/spring/aot.factories}, so that a native image binds them
 * as the JVM does.
 */
class NxCloudClientRuntimeHints implements RuntimeHintsRegistrar {

	private static final List<Class<?>> BOUND = List.of(MessageWireMapper.MtBody.class,
			MessageWireMapper.SaasSendBody.class, BusinessPhones.class, CustomerApp.class, MediaUpload.class,
			TemplateDetail.class, TemplatePage.class, MetaError.class, WebhookEnvelope.class, MessageStatus.class,
			InboundMessage.class, Contact.class, TemplateUpdate.class, AccountUpdate.class);

	/** Request bodies and response data private to the class that sends or reads them. */
	private static final List<String> PRIVATELY_BOUND = List.of("dev.nxcloud.whatsapp.NxCloudClient$SendData",
			"dev.nxcloud.whatsapp.NxCloudClient$MessageRef",
			"dev.nxcloud.whatsapp.flow.DefaultNxCloudFlowService$FlowList",
			"dev.nxcloud.whatsapp.integrator.DefaultNxCloudIntegratorService$Body",
			"dev.nxcloud.whatsapp.otp.DefaultNxCloudOtpService$Body",
			"dev.nxcloud.whatsapp.phone.DefaultNxCloudPhoneService$Body",
			"dev.nxcloud.whatsapp.template.DefaultNxCloudTemplateService$Body");

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		Stream<Class<?>> privatelyBound = PRIVATELY_BOUND.stream()
			.map((name) -> ClassUtils.resolveClassName(name, classLoader));
		new BindingReflectionHintsRegistrar().registerReflectionHints(hints.reflection(),
				Stream.concat(BOUND.stream(), privatelyBound).toArray(Class<?>[]::new));
	}

}
