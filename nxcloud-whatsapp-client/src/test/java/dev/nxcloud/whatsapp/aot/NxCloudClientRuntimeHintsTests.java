package dev.nxcloud.whatsapp.aot;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudRetryPolicy;
import dev.nxcloud.whatsapp.NxCloudSetting;
import dev.nxcloud.whatsapp.SendRate;
import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.SignAlgorithm;
import dev.nxcloud.whatsapp.bulk.BulkResult;
import dev.nxcloud.whatsapp.error.NxCloudErrorCategory;
import dev.nxcloud.whatsapp.error.NxCloudErrorCode;
import dev.nxcloud.whatsapp.flow.DefaultNxCloudFlowService;
import dev.nxcloud.whatsapp.flow.FlowListRequest;
import dev.nxcloud.whatsapp.integrator.CreateAppRequest;
import dev.nxcloud.whatsapp.media.DefaultNxCloudMediaService;
import dev.nxcloud.whatsapp.media.MediaKind;
import dev.nxcloud.whatsapp.media.MediaUploadRequest;
import dev.nxcloud.whatsapp.message.ButtonParameter;
import dev.nxcloud.whatsapp.message.HeaderParameter;
import dev.nxcloud.whatsapp.message.MediaSource;
import dev.nxcloud.whatsapp.message.Message;
import dev.nxcloud.whatsapp.message.MessageContent;
import dev.nxcloud.whatsapp.message.SentMessage;
import dev.nxcloud.whatsapp.message.Template;
import dev.nxcloud.whatsapp.message.TemplateComponentValues;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationDocumentation;
import dev.nxcloud.whatsapp.otp.OtpRequest;
import dev.nxcloud.whatsapp.phone.PhoneInfoRequest;
import dev.nxcloud.whatsapp.template.DefaultNxCloudTemplateService;
import dev.nxcloud.whatsapp.template.TemplateButton;
import dev.nxcloud.whatsapp.template.TemplateButtonEvent;
import dev.nxcloud.whatsapp.template.TemplateHeaderMedia;
import dev.nxcloud.whatsapp.template.TemplateKey;
import dev.nxcloud.whatsapp.template.TemplateListRequest;
import dev.nxcloud.whatsapp.template.TemplateRef;
import dev.nxcloud.whatsapp.template.TemplateRequest;
import dev.nxcloud.whatsapp.webhook.AccountEvent;
import dev.nxcloud.whatsapp.webhook.InboundMessageEvent;
import dev.nxcloud.whatsapp.webhook.MessageStatusEvent;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookVerifier;
import dev.nxcloud.whatsapp.webhook.TemplateEvent;
import dev.nxcloud.whatsapp.webhook.UnknownWebhookEvent;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.ReflectionHintsPredicates;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's records, enums, Jackson serializers and deserializers, and any class carrying a Jackson annotation
 * (on itself, a field, a method, a constructor or a constructor's parameter), found by scanning its classes, are
 * either bound by its JSON mapping, and then have the hints binding them needs, or listed here as never bound, with
 * the reason.
 */
class NxCloudClientRuntimeHintsTests {

	/** The packages of Jackson's annotations: a class that carries one of them may be bound. */
	private static final Set<String> JACKSON_ANNOTATION_PACKAGES = Set.of("com.fasterxml.jackson.annotation",
			"tools.jackson.databind.annotation");

	/** Scanned types that NxCloud's JSON mapping never reads or writes, by binary name, with the reason. */
	private static final Map<String, String> NOT_BOUND = notBound(
			because("the application builds it and a service turns it into one of the request bodies",
					Message.class, MessageContent.Text.class, MessageContent.Image.class, MessageContent.Video.class,
					MessageContent.Audio.class, MessageContent.Document.class, MessageContent.Sticker.class,
					MessageContent.Location.class, MessageContent.TemplateContent.class, MediaSource.class,
					TemplateMessage.class, Template.class, TemplateComponentValues.Header.class,
					TemplateComponentValues.Body.class, HeaderParameter.class, HeaderParameter.Type.class,
					ButtonParameter.class, ButtonParameter.SubType.class, ButtonParameter.ParameterType.class,
					OtpRequest.class, PhoneInfoRequest.class, CreateAppRequest.class, FlowListRequest.class,
					TemplateListRequest.class, TemplateKey.class, TemplateRequest.class, TemplateButton.class,
					TemplateButtonEvent.class, TemplateHeaderMedia.class),
			because("a media upload is a multipart body, not JSON", MediaKind.class,
					nested(MediaUploadRequest.class, "PathContent"), nested(MediaUploadRequest.class, "ResourceContent"),
					nested(MediaUploadRequest.class, "BytesContent"), nested(MediaUploadRequest.class, "StreamContent"),
					"dev.nxcloud.whatsapp.KnownLengthMultipart$Part"),
			because("the client builds it from what it read, field by field or from a JSON tree", SentMessage.class,
					TemplateRef.class, BulkResult.class, MessageStatusEvent.class, InboundMessageEvent.class,
					TemplateEvent.class, AccountEvent.class, UnknownWebhookEvent.class,
					"dev.nxcloud.whatsapp.NxCloudClient$Success"),
			because("it carries a call's target (path, query) inside a service, never a body",
					nested(DefaultNxCloudFlowService.class, "Target"), nested(DefaultNxCloudMediaService.class, "Target"),
					nested(DefaultNxCloudTemplateService.class, "Target"), nested(DefaultNxCloudTemplateService.class, "Key"),
					nested(DefaultNxCloudTemplateService.class, "Query")),
			because("configuration, signing, pacing, errors or observations: none of it is JSON", SignAlgorithm.class,
					NxCloudDefaults.class, NxCloudRetryPolicy.class, SendRate.class, NxCloudSetting.class, NxCloudOperation.class,
					NxCloudOperation.Host.class, NxCloudSigner.SignedHeaders.class,
					"dev.nxcloud.whatsapp.FixedConnection", "dev.nxcloud.whatsapp.NxCloudSigningFilter$Signing",
					"dev.nxcloud.whatsapp.NxCloudSigningFilter$SignedBody",
					"dev.nxcloud.whatsapp.RecipientPacing$Pair",
					NxCloudWebhookVerifier.Credentials.class, NxCloudWebhookVerifier.Verification.class,
					NxCloudWebhookHandler.Refusal.class,
					NxCloudErrorCode.class, NxCloudErrorCategory.class, NxCloudClientObservationDocumentation.class,
					NxCloudClientObservationDocumentation.LowCardinalityKeyNames.class,
					NxCloudClientObservationDocumentation.HighCardinalityKeyNames.class),
			because("what a webhook delivery store remembers, in memory or in its own format", WebhookDeliveryStore.Claim.class,
					"dev.nxcloud.whatsapp.webhook.InMemoryWebhookDeliveryStore$Delivery"));

	private final RuntimeHints hints = aotHints();

	/**
	 * One reason and the types it covers.
	 * @param reason why the types are never bound
	 * @param types each a {@code Class} or, for a type this test cannot see, its binary name
	 * @return the types by binary name, each with the reason
	 */
	private static Map<String, String> because(String reason, Object... types) {
		Map<String, String> reasons = new LinkedHashMap<>();
		for (Object type : types) {
			reasons.put((type instanceof Class<?> visible) ? visible.getName() : (String) type, reason);
		}
		return reasons;
	}

	@SafeVarargs
	private static Map<String, String> notBound(Map<String, String>... groups) {
		Map<String, String> all = new LinkedHashMap<>();
		Arrays.stream(groups).forEach(all::putAll);
		return all;
	}

	private static String nested(Class<?> enclosing, String simpleName) {
		return enclosing.getName() + "$" + simpleName;
	}

	private static List<RuntimeHintsRegistrar> aotRegistrars() {
		return SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);
	}

	private static RuntimeHints aotHints() {
		RuntimeHints hints = new RuntimeHints();
		aotRegistrars().forEach((registrar) -> registrar.registerHints(hints,
				NxCloudClientRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

	@Test
	void aotFactoriesContributeTheClientsHints() {
		assertThat(aotRegistrars()).hasAtLeastOneElementOfType(NxCloudClientRuntimeHints.class);
	}

	@Test
	void everyTypeTheMappingMayBindHasItsHints() throws Exception {
		List<Class<?>> bound = clientTypes().filter((type) -> !NOT_BOUND.containsKey(type.getName())).toList();
		assertThat(bound).isNotEmpty()
			.allSatisfy((type) -> assertThat(bindable(type)).as(type.getName()).accepts(this.hints));
	}

	@Test
	void everyTypeListedAsNotBoundExistsAndIsNotBound() throws Exception {
		List<String> scanned = clientTypes().map(Class::getName).toList();
		assertThat(scanned).containsAll(NOT_BOUND.keySet());
		assertThat(NOT_BOUND.keySet()).allSatisfy((name) -> assertThat(RuntimeHintsPredicates.reflection().onType(
				Class.forName(name, false, getClass().getClassLoader()))).as(name).rejects(this.hints));
	}

	/**
	 * What binding the type takes: reading its fields' and constants' annotations, creating it through its
	 * (canonical) constructor, reading its record components, and calling the methods Jackson is pointed at
	 * ({@code @JsonCreator}, {@code @JsonValue}…).
	 */
	private static Predicate<RuntimeHints> bindable(Class<?> type) throws NoSuchMethodException {
		ReflectionHintsPredicates reflection = RuntimeHintsPredicates.reflection();
		if (isJacksonCodec(type)) {
			return reflection.onType(type).withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
		}
		Predicate<RuntimeHints> bindable = reflection.onType(type)
			.withMemberCategory(MemberCategory.ACCESS_DECLARED_FIELDS);
		if (type.isRecord()) {
			Class<?>[] componentTypes = Arrays.stream(type.getRecordComponents())
				.map(RecordComponent::getType)
				.toArray(Class<?>[]::new);
			bindable = bindable.and(reflection.onConstructorInvocation(type.getDeclaredConstructor(componentTypes)));
			for (RecordComponent component : type.getRecordComponents()) {
				bindable = bindable.and(reflection.onMethodInvocation(component.getAccessor()));
			}
		}
		for (Method method : type.getDeclaredMethods()) {
			if (hasJacksonAnnotation(method)) {
				bindable = bindable.and(reflection.onMethodInvocation(method));
			}
		}
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			if (hasJacksonAnnotation(constructor) || Arrays.stream(constructor.getParameters())
				.anyMatch(NxCloudClientRuntimeHintsTests::hasJacksonAnnotation)) {
				bindable = bindable.and(reflection.onConstructorInvocation(constructor));
			}
		}
		return bindable;
	}

	/**
	 * Every record, enum, Jackson serializer or deserializer, and class carrying a Jackson annotation among the
	 * client's classes.
	 */
	private static Stream<Class<?>> clientTypes() throws IOException, URISyntaxException {
		Path classes = Path.of(NxCloudClientRuntimeHints.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		ClassLoader classLoader = NxCloudClientRuntimeHintsTests.class.getClassLoader();
		List<Class<?>> types;
		try (Stream<Path> files = Files.walk(classes.resolve("dev/nxcloud/whatsapp"))) {
			types = files.map((file) -> classes.relativize(file).toString())
				.filter((file) -> file.endsWith(".class") && !file.endsWith("package-info.class"))
				.map((file) -> file.substring(0, file.length() - ".class".length()).replace(File.separatorChar, '.'))
				.<Class<?>>map((name) -> ClassUtils.resolveClassName(name, classLoader))
				.filter((type) -> !type.isAnonymousClass() && !type.isSynthetic())
				.filter((type) -> type.isRecord() || type.isEnum() || isJacksonCodec(type)
						|| carriesJacksonAnnotation(type))
				.toList();
		}
		return types.stream();
	}

	private static boolean carriesJacksonAnnotation(Class<?> type) {
		List<AnnotatedElement> elements = new ArrayList<>();
		elements.add(type);
		elements.addAll(Arrays.asList(type.getDeclaredFields()));
		elements.addAll(Arrays.asList(type.getDeclaredMethods()));
		for (Constructor<?> constructor : type.getDeclaredConstructors()) {
			elements.add(constructor);
			elements.addAll(Arrays.asList(constructor.getParameters()));
		}
		return elements.stream().anyMatch(NxCloudClientRuntimeHintsTests::hasJacksonAnnotation);
	}

	private static boolean hasJacksonAnnotation(AnnotatedElement element) {
		return Arrays.stream(element.getDeclaredAnnotations())
			.anyMatch((annotation) -> JACKSON_ANNOTATION_PACKAGES.contains(annotation.annotationType().getPackageName()));
	}

	private static boolean isJacksonCodec(Class<?> type) {
		return (ValueDeserializer.class.isAssignableFrom(type) || ValueSerializer.class.isAssignableFrom(type))
				&& !Modifier.isAbstract(type.getModifiers());
	}

}
