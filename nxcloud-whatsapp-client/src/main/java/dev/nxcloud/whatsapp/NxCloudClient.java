package dev.nxcloud.whatsapp;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.net.ssl.SSLHandshakeException;

import dev.nxcloud.whatsapp.error.MetaError;
import dev.nxcloud.whatsapp.error.NxCloudApiException;
import dev.nxcloud.whatsapp.error.NxCloudConfigurationException;
import dev.nxcloud.whatsapp.error.NxCloudConnectException;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.error.NxCloudHttpStatusException;
import dev.nxcloud.whatsapp.error.NxCloudInvalidResponseException;
import dev.nxcloud.whatsapp.error.NxCloudMetaException;
import dev.nxcloud.whatsapp.error.NxCloudRateLimitExceededException;
import dev.nxcloud.whatsapp.error.NxCloudTimeoutException;
import dev.nxcloud.whatsapp.error.NxCloudTlsHandshakeException;
import dev.nxcloud.whatsapp.error.NxCloudTransportException;
import dev.nxcloud.whatsapp.flow.DefaultNxCloudFlowService;
import dev.nxcloud.whatsapp.flow.NxCloudFlowService;
import dev.nxcloud.whatsapp.integrator.DefaultNxCloudIntegratorService;
import dev.nxcloud.whatsapp.integrator.NxCloudIntegratorService;
import dev.nxcloud.whatsapp.media.DefaultNxCloudMediaService;
import dev.nxcloud.whatsapp.media.NxCloudMediaService;
import dev.nxcloud.whatsapp.message.DefaultNxCloudMessageService;
import dev.nxcloud.whatsapp.message.NxCloudMessageService;
import dev.nxcloud.whatsapp.message.SentMessage;
import dev.nxcloud.whatsapp.observation.DefaultNxCloudClientObservationConvention;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationContext;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationConvention;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationDocumentation;
import dev.nxcloud.whatsapp.otp.DefaultNxCloudOtpService;
import dev.nxcloud.whatsapp.otp.NxCloudOtpService;
import dev.nxcloud.whatsapp.phone.DefaultNxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.template.DefaultNxCloudTemplateService;
import dev.nxcloud.whatsapp.template.NxCloudTemplateService;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.util.ClassUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A client of one NxCloud account: the endpoint services ({@link #messages()}, {@link #otp()}, {@link #phones()},
 * {@link #templates()}, {@link #flows()}, {@link #media()}, {@link #integrator()}) and the core every call goes
 * through. Made with {@link #builder()}, the only way to make one:
 * <pre class="code">
 * NxCloudClient client = NxCloudClient.builder()
 *     .connection(NxCloudConnection.of(accessKey, accessSecret))
 *     .appKey(appKey)
 *     .businessPhone("8615800001795")
 *     .build();
 * client.messages().send(Message.text("8613800000000", "Hello")).block();
 * </pre>
 * Every call builds the URL on the right host, serialises a JSON body once with NxCloud's own mapping, is signed over
 * the very bytes sent, decodes the {@code {code, message, data, traceId}} envelope and turns every failure into an
 * {@link NxCloudException}. Every call is a Micrometer {@link Observation}
 * ({@value DefaultNxCloudClientObservationConvention#DEFAULT_NAME} by default, see
 * {@link NxCloudClientObservationDocumentation}) and is logged at DEBUG with its operation, path, result code,
 * {@code traceId} and duration; the access secret and signatures never are. Thread-safe.
 */
public final class NxCloudClient {

	private static final int BODY_EXCERPT_LENGTH = 120;

	/** Jackson's message may quote the answer's tokens: it is bounded and escaped as they are. */
	private static final int JACKSON_MESSAGE_LENGTH = 300;

	private static final NxCloudClientObservationConvention DEFAULT_OBSERVATION_CONVENTION =
			new DefaultNxCloudClientObservationConvention();

	private static final Log logger = LogFactory.getLog(NxCloudClient.class);

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.http.client.HttpClient",
			NxCloudClient.class.getClassLoader());

	private static final Mono<Void> NO_WAIT = Mono.empty();

	private static final byte[] EMPTY = new byte[0];

	// the fields of NxCloud's {code, message, data, traceId} envelope
	private static final String CODE = "code";

	private static final String MESSAGE = "message";

	private static final String DATA = "data";

	private static final String TRACE_ID = "traceId";

	private final WebClient webClient;

	private final NxCloudSigningFilter signingFilter;

	private final NxCloudConnection connection;

	private final RequestDefaults defaults;

	private final Function<NxCloudSetting, String> settingNames;

	private final Duration responseTimeout;

	private final Duration uploadTimeout;

	private final NxCloudRetryPolicy retryPolicy;

	private final @Nullable NxCloudSendRateLimiter sendRateLimiter;

	private final Duration sendMaxWait;

	private final @Nullable RecipientPacing recipientPacing;

	private final Clock clock;

	private final Scheduler scheduler;

	private final JsonMapper jsonMapper = NxCloudJson.newMapper();

	private final JavaType sendDataType = this.jsonMapper.constructType(SendData.class);

	private final Map<JavaType, ObjectReader> dataReaders = new ConcurrentHashMap<>();

	// the URI of each operation without path variables or query, with the base URL it was made from: the connection
	// may give another one later
	private final Map<NxCloudOperation, Map.Entry<String, URI>> fixedUris = new ConcurrentHashMap<>();

	private final ObservationRegistry observationRegistry;

	private final @Nullable NxCloudClientObservationConvention observationConvention;

	private final NxCloudMessageService messages;

	private final NxCloudOtpService otp;

	private final NxCloudPhoneService phones;

	private final NxCloudTemplateService templates;

	private final NxCloudFlowService flows;

	private final NxCloudMediaService media;

	private final NxCloudIntegratorService integrator;

	// whether requests go on Reactor Netty connections, whose event loops time them out: known when the client made
	// its connector, else learned from the first request
	private volatile boolean eventLoopDeadlines;

	private NxCloudClient(Builder builder, NxCloudConnection connection) {
		WebClient.Builder webClientBuilder = (builder.webClientBuilder != null) ? builder.webClientBuilder.clone()
				: WebClient.builder().clientConnector(defaultConnector(builder.connectTimeout));
		this.signingFilter = new NxCloudSigningFilter(new NxCloudSigner(builder.signAlgorithm), builder.clock);
		this.webClient = webClientBuilder.filter(this.signingFilter).build();
		this.eventLoopDeadlines = (builder.webClientBuilder == null && REACTOR_NETTY_PRESENT);
		this.connection = connection;
		this.settingNames = builder.settingNames;
		this.defaults = new RequestDefaults(
				new NxCloudDefaults(builder.appKey, builder.businessPhone, builder.tenantId), this.settingNames);
		this.responseTimeout = builder.responseTimeout;
		this.uploadTimeout = builder.uploadTimeout;
		this.retryPolicy = builder.retryPolicy;
		this.sendRateLimiter = builder.sendRateLimiter;
		this.sendMaxWait = builder.sendMaxWait;
		this.recipientPacing = (builder.recipientPacing != null)
				? new RecipientPacing(builder.recipientPacing, builder.scheduler) : null;
		this.clock = builder.clock;
		this.scheduler = builder.scheduler;
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
		this.messages = new DefaultNxCloudMessageService(this);
		this.otp = new DefaultNxCloudOtpService(this);
		this.phones = new DefaultNxCloudPhoneService(this);
		this.templates = new DefaultNxCloudTemplateService(this);
		this.flows = new DefaultNxCloudFlowService(this);
		this.media = new DefaultNxCloudMediaService(this);
		this.integrator = new DefaultNxCloudIntegratorService(this);
	}

	private static ClientHttpConnector defaultConnector(Duration connectTimeout) {
		if (REACTOR_NETTY_PRESENT) {
			return ReactorNettyConnector.create(connectTimeout);
		}
		return jdkConnector(connectTimeout);
	}

	/**
	 * The JDK's {@code HttpClient}, held to HTTP/1.1 as Reactor Netty is: HTTP/2 would lower-case the header names,
	 * and NxCloud documents them as {@code accessKey} and {@code bizType}.
	 */
	static ClientHttpConnector jdkConnector(Duration connectTimeout) {
		return new JdkClientHttpConnector(java.net.http.HttpClient.newBuilder()
			.version(java.net.http.HttpClient.Version.HTTP_1_1)
			.connectTimeout(connectTimeout)
			.build());
	}

	/**
	 * Start building a client.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Sends messages: template messages through the SaaS host and every message type through the WhatsApp API host.
	 * @return the message service of this account
	 */
	public NxCloudMessageService messages() {
		return this.messages;
	}

	/**
	 * Sends one-time passwords.
	 * @return the OTP service of this account
	 */
	public NxCloudOtpService otp() {
		return this.otp;
	}

	/**
	 * Queries business phone numbers.
	 * @return the phone service of this account
	 */
	public NxCloudPhoneService phones() {
		return this.phones;
	}

	/**
	 * Lists, creates, updates and deletes message templates.
	 * @return the template service of this account
	 */
	public NxCloudTemplateService templates() {
		return this.templates;
	}

	/**
	 * Lists WhatsApp flows.
	 * @return the flow service of this account
	 */
	public NxCloudFlowService flows() {
		return this.flows;
	}

	/**
	 * Uploads media for template examples.
	 * @return the media service of this account
	 */
	public NxCloudMediaService media() {
		return this.media;
	}

	/**
	 * Creates customer apps, for integrator accounts.
	 * @return the integrator service of this account
	 */
	public NxCloudIntegratorService integrator() {
		return this.integrator;
	}

	/**
	 * The values applied to requests that leave them out, and the rules that apply them.
	 * @return the defaults
	 */
	public RequestDefaults defaults() {
		return this.defaults;
	}

	/**
	 * Start a call to an operation: what the endpoint services are made of, for an endpoint they do not cover yet.
	 * The call is signed, observed, timed out, retried and paced like every other.
	 * @param operation the endpoint
	 * @return a call to complete and {@linkplain Call#retrieve(Class) retrieve}
	 */
	public Call call(NxCloudOperation operation) {
		return new Call(operation);
	}

	/**
	 * One call being described: path variables, query parameters and body, then the type of {@code data}.
	 */
	public final class Call {

		private final NxCloudOperation operation;

		private Object[] pathVariables = new Object[0];

		private final MultiValueMap<String, String> query = new LinkedMultiValueMap<>();

		private @Nullable Object jsonBody;

		private @Nullable MultiValueMap<String, HttpEntity<?>> multipartBody;

		private @Nullable String pacingKey;

		private @Nullable String recipient;

		private Call(NxCloudOperation operation) {
			this.operation = operation;
		}

		/**
		 * Values for the path's {@code {…}} variables, in order; they are URL-encoded.
		 * @param values the values
		 * @return this call
		 */
		public Call pathVariables(Object... values) {
			this.pathVariables = values;
			return this;
		}

		/**
		 * Add a query parameter; {@code null} values are left out.
		 * @param name the parameter name
		 * @param value the value, or {@code null}
		 * @return this call
		 */
		public Call queryParam(String name, @Nullable Object value) {
			if (value != null) {
				this.query.add(name, value.toString());
			}
			return this;
		}

		/**
		 * Send a JSON body, serialised once with NxCloud's mapping and signed as sent.
		 * @param body the body object
		 * @return this call
		 */
		public Call jsonBody(Object body) {
			this.jsonBody = body;
			return this;
		}

		/**
		 * Send a {@code multipart/form-data} body, streamed and signed without the body. It goes with a
		 * {@code Content-Length} when the length of every part is known: a {@code String}, a {@code byte[]}, or a
		 * part whose headers declare its {@code Content-Length} (which the content must then have exactly);
		 * otherwise it is chunked.
		 * @param parts the parts, as built by {@link MultipartBodyBuilder}
		 * @return this call
		 */
		public Call multipartBody(MultiValueMap<String, HttpEntity<?>> parts) {
			this.multipartBody = parts;
			return this;
		}

		/**
		 * Pace this send with the other sends of the same business phone, when the client has a
		 * {@link NxCloudSendRateLimiter}.
		 * @param businessPhone the sending phone
		 * @return this call
		 */
		public Call pacedBy(String businessPhone) {
			this.pacingKey = businessPhone;
			return this;
		}

		/**
		 * Pace this send with the other sends to the same recipient (from the same business phone, when
		 * {@linkplain #pacedBy(String) paced by one}), when the client
		 * {@linkplain Builder#recipientPacing(Duration) paces recipients}.
		 * @param recipient the recipient, digits with country code
		 * @return this call
		 */
		public Call pacedFor(String recipient) {
			this.recipient = recipient;
			return this;
		}

		/**
		 * Make the call and decode {@code data}.
		 * @param <T> the data type
		 * @param dataType the data type
		 * @return the data; empty when NxCloud returned none
		 */
		public <T> Mono<T> retrieve(Class<T> dataType) {
			return exchange(this, NxCloudClient.this.jsonMapper.constructType(dataType), NxCloudClient.<T>asIs());
		}

		/**
		 * Make the call and decode {@code data} into a generic type.
		 * @param <T> the data type
		 * @param dataType the data type
		 * @return the data; empty when NxCloud returned none
		 */
		public <T> Mono<T> retrieve(TypeReference<T> dataType) {
			return exchange(this, NxCloudClient.this.jsonMapper.constructType(dataType), NxCloudClient.<T>asIs());
		}

		/**
		 * Make a send and read the id NxCloud gave the message, from either shape its sends answer with
		 * ({@code data.messages[0].id} or {@code data.message_id}).
		 * @return the sent message; an {@link NxCloudInvalidResponseException} when the answer carries no id
		 */
		public Mono<SentMessage> retrieveSentMessage() {
			return exchange(this, NxCloudClient.this.sendDataType, (SendData data) -> {
				String id = (data != null) ? data.messageId() : null;
				if (id == null) {
					throw new NxCloudInvalidResponseException(this.operation.operationName(),
							"the response's data carries no message id (data.messages[0].id or data.message_id)", null);
				}
				return new SentMessage(id);
			});
		}

	}

	private static <T> Result<T, T> asIs() {
		return (data) -> data;
	}

	/**
	 * What a call makes of the {@code data} of a success.
	 *
	 * @param <T> the type {@code data} is read as
	 * @param <R> the call's result
	 */
	@FunctionalInterface
	private interface Result<T, R> {

		/**
		 * @param data the data, {@code null} when NxCloud returned none
		 * @return the result, {@code null} for none
		 * @throws NxCloudException when the data is not what the call needs
		 */
		@Nullable R of(@Nullable T data);

	}

	/**
	 * The data of a send's answer, as far as its id; its other fields are skipped rather than buffered. Classes with
	 * fields rather than records: Jackson makes a record through a reflective call that costs more per answer than
	 * the rest of reading it.
	 */
	@JsonIgnoreProperties({ "messaging_product", "contacts" })
	private static final class SendData {

		@JsonProperty("messages")
		private @Nullable List<MessageRef> messages;

		@JsonProperty("message_id")
		private @Nullable String messageId;

		@Nullable String messageId() {
			if (this.messageId != null) {
				return this.messageId;
			}
			return (this.messages != null && !this.messages.isEmpty() && this.messages.get(0) != null)
					? this.messages.get(0).id : null;
		}

	}

	private static final class MessageRef {

		@JsonProperty("id")
		private @Nullable String id;

	}

	private <T, R> Mono<R> exchange(Call call, JavaType dataType, Result<T, R> result) {
		NxCloudOperation operation = call.operation;
		if (this.observationRegistry.isNoop() && !logger.isDebugEnabled()) {
			return send(call, dataType, result, null);
		}
		return Mono.deferContextual((contextView) -> {
			NxCloudClientObservationContext observationContext = new NxCloudClientObservationContext(operation);
			Observation observation = NxCloudClientObservationDocumentation.CLIENT_REQUEST
				.observation(this.observationConvention, DEFAULT_OBSERVATION_CONVENTION, () -> observationContext,
						this.observationRegistry)
				.parentObservation(contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.start();
			long start = System.nanoTime();
			return send(call, dataType, result, observationContext).doOnError((ex) -> {
				// a failure found in a success's data (a send without an id) keeps the code and trace id read
				if (ex instanceof NxCloudException nxCloudException && nxCloudException.getCode() != null) {
					observationContext.setCode(nxCloudException.getCode());
				}
				if (ex instanceof NxCloudException nxCloudException && nxCloudException.getTraceId() != null) {
					observationContext.setTraceId(nxCloudException.getTraceId());
				}
				observationContext.setError(ex);
				observation.error(ex);
			}).doOnTerminate(() -> {
				logCall(operation, observationContext, false, System.nanoTime() - start);
				observation.stop();
			}).doOnCancel(() -> {
				logCall(operation, observationContext, true, System.nanoTime() - start);
				observation.stop();
			}).contextWrite((context) -> context.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private <T, R> Mono<R> send(Call call, JavaType dataType, Result<T, R> result,
			@Nullable NxCloudClientObservationContext observationContext) {
		return Mono.defer(() -> new Send<>(call, dataType, result, observationContext).firstAttempt());
	}

	private void logCall(NxCloudOperation operation, NxCloudClientObservationContext context, boolean cancelled,
			long nanos) {
		if (!logger.isDebugEnabled()) {
			return;
		}
		StringBuilder line = new StringBuilder("NxCloud ").append(operation.operationName())
			.append(' ')
			.append(operation.method().name())
			.append(' ')
			.append(operation.path());
		Throwable error = context.getError();
		if (error != null) {
			line.append(" failed: ").append(error.getMessage());
		}
		else if (cancelled) {
			line.append(" cancelled");
		}
		else {
			line.append(" code ").append(context.getCode());
			if (context.getTraceId() != null) {
				line.append(" [traceId=").append(context.getTraceId()).append(']');
			}
		}
		line.append(" in ").append(Duration.ofNanos(nanos).toMillis()).append(" ms");
		logger.debug(line.toString());
	}

	/**
	 * One subscription to a call: its credentials checked and its body serialised once, then its attempts, each
	 * signed anew.
	 */
	private final class Send<T, R> {

		private final Call call;

		private final JavaType dataType;

		private final Result<T, R> result;

		private final @Nullable NxCloudClientObservationContext observationContext;

		private final NxCloudSigningFilter.Signing signing;

		private final byte @Nullable [] jsonBody;

		private final Mono<Void> pacing;

		Send(Call call, JavaType dataType, Result<T, R> result,
				@Nullable NxCloudClientObservationContext observationContext) {
			this.call = call;
			this.dataType = dataType;
			this.result = result;
			this.observationContext = observationContext;
			this.signing = signing(call.operation);
			this.jsonBody = (call.jsonBody != null) ? NxCloudClient.this.jsonMapper.writeValueAsBytes(call.jsonBody)
					: null;
			this.pacing = pace(call);
		}

		Mono<R> firstAttempt() {
			return (this.pacing != NO_WAIT) ? this.pacing.then(Mono.defer(() -> attempt(1))) : attempt(1);
		}

		private Mono<R> attempt(int attemptNumber) {
			Mono<R> exchange;
			try {
				exchange = request(this.call, this.signing, this.jsonBody, this.dataType, this.result,
						this.observationContext);
			}
			catch (RuntimeException ex) {
				// a request that cannot be made (its URI, its multipart headers) fails the attempt like any other
				exchange = Mono.error(ex);
			}
			return exchange.onErrorResume((ex) -> afterFailure(
					(ex instanceof NxCloudException) ? ex : translate(this.call.operation, ex), attemptNumber));
		}

		private Mono<R> afterFailure(Throwable ex, int attemptNumber) {
			NxCloudRetryPolicy retryPolicy = NxCloudClient.this.retryPolicy;
			if (attemptNumber < retryPolicy.maxAttempts() && retryPolicy.allowsRetry(ex)) {
				return Mono.delay(retryPolicy.delayBefore(attemptNumber, ex), NxCloudClient.this.scheduler)
					.then(refusedForGoingTooFast(ex) ? this.pacing : Mono.empty())
					.then(Mono.defer(() -> attempt(attemptNumber + 1)));
			}
			return Mono.error((ex instanceof NxCloudException nxCloudException)
					? nxCloudException.withAttempts(attemptNumber, retryPolicy.stopReason(this.call.operation, ex,
							attemptNumber, NxCloudClient.this.settingNames))
					: ex);
		}

	}

	/**
	 * Wait for the recipient's turn, then for a slot of the business phone: before a send's first attempt, and again
	 * before a retry of an attempt {@linkplain #refusedForGoingTooFast(Throwable) refused for going too fast}.
	 */
	private Mono<Void> pace(Call call) {
		RecipientPacing recipientPacing = this.recipientPacing;
		NxCloudSendRateLimiter rateLimiter = this.sendRateLimiter;
		String businessPhone = call.pacingKey;
		Mono<Void> recipientTurn = (recipientPacing != null && call.recipient != null)
				? recipientPacing.acquire(businessPhone, call.recipient) : NO_WAIT;
		return (rateLimiter != null && businessPhone != null)
				? recipientTurn.then(Mono.defer(() -> rateLimiter.acquire(businessPhone, this.sendMaxWait)))
					.flatMap((granted) -> granted ? Mono.<Void>empty()
							: Mono.error(new NxCloudRateLimitExceededException(call.operation.operationName(),
									businessPhone, this.sendMaxWait,
									this.settingNames.apply(NxCloudSetting.SEND_MAX_WAIT))))
				: recipientTurn;
	}

	private NxCloudSigningFilter.Signing signing(NxCloudOperation operation) {
		String accessKey = this.connection.getAccessKey();
		String accessSecret = this.connection.getAccessSecret();
		if (!hasText(accessKey) || !hasText(accessSecret)) {
			NxCloudSetting missing = hasText(accessKey) ? NxCloudSetting.ACCESS_SECRET : NxCloudSetting.ACCESS_KEY;
			throw new NxCloudConfigurationException(operation.operationName(),
					"NxCloud credentials are not configured: set " + this.settingNames.apply(missing));
		}
		return new NxCloudSigningFilter.Signing(accessKey, accessSecret, operation.action());
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private Duration timeout(NxCloudOperation operation) {
		return (operation == NxCloudOperation.UPLOAD_MEDIA) ? this.uploadTimeout : this.responseTimeout;
	}

	/**
	 * Whether NxCloud or WhatsApp refused the attempt for going too fast (HTTP 429, 130429, 131056): the only transient
	 * answers that say nothing was sent. Its retry takes a new turn and slot, so that the retries of a fleet are paced
	 * like first attempts and a retried 131056 waits for the recipient's next turn.
	 */
	private static boolean refusedForGoingTooFast(Throwable failure) {
		return (failure instanceof NxCloudMetaException || failure instanceof NxCloudHttpStatusException)
				&& ((NxCloudException) failure).isTransient() && !((NxCloudException) failure).mayHaveReachedNxCloud();
	}

	private <T, R> Mono<R> request(Call call, NxCloudSigningFilter.Signing signing, byte @Nullable [] jsonBody,
			JavaType dataType, Result<T, R> result, @Nullable NxCloudClientObservationContext observationContext) {
		NxCloudOperation operation = call.operation;
		ResponseDeadline deadline = new ResponseDeadline(timeout(operation));
		WebClient.RequestBodySpec request = this.webClient.method(operation.method())
			.uri(uri(call))
			.accept(MediaType.APPLICATION_JSON)
			.httpRequest(deadline);
		if (call.multipartBody != null) {
			KnownLengthMultipart multipart = KnownLengthMultipart.of(call.multipartBody);
			if (multipart != null) {
				request.contentType(multipart.contentType())
					.contentLength(multipart.contentLength())
					.body(this.signingFilter.unsigned(signing, (message, context) -> message
						.writeWith(multipart.content(message.bufferFactory()))));
			}
			else {
				request.contentType(MediaType.MULTIPART_FORM_DATA)
					.body(this.signingFilter.unsigned(signing, BodyInserters.fromMultipartData(call.multipartBody)));
			}
		}
		else {
			request.contentType(MediaType.APPLICATION_JSON)
				.body((jsonBody != null) ? this.signingFilter.json(signing, jsonBody)
						: this.signingFilter.unsigned(signing, BodyInserters.empty()));
		}
		Mono<R> exchange = request
			.exchangeToMono((response) -> this.<T, R>decode(operation.operationName(), response, dataType, result,
					observationContext))
			.doFinally((signal) -> deadline.cancel());
		return this.eventLoopDeadlines ? exchange : exchange.timeout(deadline.timeout);
	}

	/**
	 * The response timeout of one attempt, counted from the attempt's start and armed when its request is made: on
	 * the event loop of the connection it goes on when the connector is Reactor Netty, without a timer per call on
	 * another thread. Until the first request has shown that the connector is Reactor Netty, or when it is not, a
	 * timer on Reactor's parallel scheduler bounds the attempt as well. Holds the armed timer; once the attempt is
	 * over, {@link #OVER}, so that a request made after a cancellation is not timed out later on a connection that
	 * then serves another request.
	 */
	@SuppressWarnings("serial")
	private final class ResponseDeadline extends AtomicReference<Future<?>> implements Consumer<ClientHttpRequest> {

		private static final Future<?> OVER = CompletableFuture.completedFuture(null);

		private final Duration timeout;

		private final long start = System.nanoTime();

		ResponseDeadline(Duration timeout) {
			this.timeout = timeout;
		}

		@Override
		public void accept(ClientHttpRequest request) {
			Future<?> timer = REACTOR_NETTY_PRESENT ? ReactorNettyConnector.deadline(request.getNativeRequest(),
					this.timeout, this.timeout.toNanos() - (System.nanoTime() - this.start)) : null;
			if (timer != null) {
				NxCloudClient.this.eventLoopDeadlines = true;
				if (!compareAndSet(null, timer)) {
					timer.cancel(false);
				}
			}
		}

		void cancel() {
			Future<?> timer = getAndSet(OVER);
			if (timer != null) {
				timer.cancel(false);
			}
		}

	}

	private URI uri(Call call) {
		NxCloudOperation operation = call.operation;
		String baseUrl = operation.host().baseUrl(this.connection);
		if (call.pathVariables.length == 0 && call.query.isEmpty()) {
			Map.Entry<String, URI> fixed = this.fixedUris.get(operation);
			if (fixed == null || !fixed.getKey().equals(baseUrl)) {
				fixed = Map.entry(baseUrl, URI.create(
						baseUrl.endsWith("/") ? baseUrl + operation.path().substring(1) : baseUrl + operation.path()));
				this.fixedUris.put(operation, fixed);
			}
			return fixed.getValue();
		}
		return UriComponentsBuilder.fromUriString(baseUrl)
			.path(operation.path())
			.queryParams(call.query)
			.encode()
			.buildAndExpand(call.pathVariables)
			.toUri();
	}

	private <T, R> Mono<R> decode(String operation, ClientResponse response, JavaType dataType, Result<T, R> result,
			@Nullable NxCloudClientObservationContext observationContext) {
		int status = response.statusCode().value();
		return response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY).handle((bytes, sink) -> {
			try {
				R value = result.of(this.<T>data(operation, status, bytes, dataType, observationContext));
				if (value != null) {
					sink.next(value);
				}
				else {
					sink.complete();
				}
			}
			catch (NxCloudException ex) {
				Duration retryAfter = RetryAfter.of(response.headers().asHttpHeaders(), this.clock);
				sink.error((retryAfter != null) ? ex.withRetryAfter(retryAfter) : ex);
			}
		});
	}

	/**
	 * The {@code data} of a success; otherwise the failure the answer tells of.
	 * @return the data, {@code null} when NxCloud returned none
	 * @throws NxCloudException when the answer is not a success, or its data not of the documented shape
	 */
	private <T> @Nullable T data(String operation, int status, byte[] bytes, JavaType dataType,
			@Nullable NxCloudClientObservationContext observationContext) {
		Success<T> success = (status >= 200 && status < 300) ? readSuccess(bytes, dataType) : null;
		if (success != null) {
			if (observationContext != null) {
				observationContext.setCode(0);
				observationContext.setTraceId(success.traceId());
			}
			return success.data();
		}
		// anything but a success whose data has the documented shape: read as a tree, to tell what is wrong
		JsonNode envelope = readEnvelope(bytes);
		if (status < 200 || status >= 300) {
			throw new NxCloudHttpStatusException(operation, status, (envelope != null) ? code(envelope.get(CODE)) : null,
					(envelope != null) ? text(envelope, MESSAGE) : null,
					(envelope != null) ? text(envelope, TRACE_ID) : null);
		}
		if (envelope == null) {
			throw new NxCloudInvalidResponseException(operation,
					"the response is not NxCloud's {code, message, data} envelope: " + excerpt(bytes), null);
		}
		Integer code = code(envelope.get(CODE));
		if (code == null) {
			throw new NxCloudInvalidResponseException(operation,
					"the response's code is not a number: " + excerpt(bytes), null);
		}
		JsonNode data = envelope.get(DATA);
		if (code != 0) {
			throw NxCloudApiException.from(operation, code, text(envelope, MESSAGE), text(envelope, TRACE_ID),
					metaError(data), this.settingNames);
		}
		if (data == null || data.isNull()) {
			return null;
		}
		try {
			return dataReader(dataType).readValue(data);
		}
		catch (JacksonException ex) {
			throw new NxCloudInvalidResponseException(operation, "the response's " + field(ex)
					+ " does not have the documented shape: "
					+ NxCloudValidation.quote(ex.getOriginalMessage(), JACKSON_MESSAGE_LENGTH), ex);
		}
	}

	private static String field(JacksonException ex) {
		StringBuilder field = new StringBuilder(DATA);
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append('.').append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		return field.toString();
	}

	/**
	 * Read a success ({@code code} 0) and its {@code data} in one pass over the bytes: the envelope token by token,
	 * its {@code data} by the reader of its type.
	 * @return the success, or {@code null} when the answer is not a success whose data has the documented shape
	 */
	private <T> @Nullable Success<T> readSuccess(byte[] bytes, JavaType dataType) {
		if (bytes.length == 0) {
			return null;
		}
		try (JsonParser parser = this.jsonMapper.createParser(bytes)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			Integer code = null;
			String traceId = null;
			T data = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case CODE -> code = code(parser, value);
					case TRACE_ID -> traceId = value.isScalarValue() && value != JsonToken.VALUE_NULL
							? parser.getString() : null;
					case DATA -> data = (value != JsonToken.VALUE_NULL) ? dataReader(dataType).readValue(parser) : null;
					default -> { }
				}
				parser.skipChildren();
			}
			boolean success = code != null && code == 0 && parser.nextToken() == null;
			return success ? new Success<>(traceId, data) : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private ObjectReader dataReader(JavaType dataType) {
		return this.dataReaders.computeIfAbsent(dataType,
				(type) -> this.jsonMapper.readerFor(type).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
	}

	private static @Nullable Integer code(JsonParser parser, JsonToken value) {
		if (value == JsonToken.VALUE_NUMBER_INT) {
			return parser.getIntValue();
		}
		return (value == JsonToken.VALUE_STRING) ? code(parser.getString()) : null;
	}

	/**
	 * A success, as read.
	 *
	 * @param <T> the data type
	 * @param traceId NxCloud's trace id
	 * @param data the data, {@code null} when NxCloud returned none
	 */
	private record Success<T>(@Nullable String traceId, @Nullable T data) {
	}

	private @Nullable JsonNode readEnvelope(byte[] bytes) {
		if (bytes.length == 0) {
			return null;
		}
		try {
			JsonNode node = this.jsonMapper.readTree(bytes);
			return (node != null && node.isObject() && node.has(CODE)) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable Integer code(JsonNode code) {
		if (code.isIntegralNumber()) {
			return code.intValue();
		}
		return code.isString() ? code(code.stringValue()) : null;
	}

	private static @Nullable Integer code(String digits) {
		try {
			return Integer.valueOf(digits.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String text(JsonNode envelope, String field) {
		return text(envelope.get(field));
	}

	private static @Nullable String text(@Nullable JsonNode value) {
		return (value != null && !value.isNull()) ? value.asString() : null;
	}

	private @Nullable MetaError metaError(@Nullable JsonNode data) {
		JsonNode error = (data != null) ? data.get("error") : null;
		if (error == null || !error.isObject()) {
			return null;
		}
		try {
			return this.jsonMapper.treeToValue(error, MetaError.class);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String excerpt(byte[] bytes) {
		if (bytes.length == 0) {
			return "(empty body)";
		}
		// a UTF-8 character takes at most 4 bytes; a sequence cut at the end decodes as one replacement character
		int length = Math.min(bytes.length, 4 * BODY_EXCERPT_LENGTH);
		return NxCloudValidation.quote(new String(bytes, 0, length, StandardCharsets.UTF_8), BODY_EXCERPT_LENGTH);
	}

	private Throwable translate(NxCloudOperation nxCloudOperation, Throwable ex) {
		String operation = nxCloudOperation.operationName();
		Duration timeout = timeout(nxCloudOperation);
		String timeoutSetting = this.settingNames.apply((nxCloudOperation == NxCloudOperation.UPLOAD_MEDIA)
				? NxCloudSetting.UPLOAD_TIMEOUT : NxCloudSetting.RESPONSE_TIMEOUT);
		Throwable cause = (ex instanceof WebClientRequestException) ? ex.getCause() : ex;
		if (cause instanceof TimeoutException || isReadTimeout(cause)) {
			return new NxCloudTimeoutException(operation, timeout, timeoutSetting, cause);
		}
		if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
			return new NxCloudConnectException(operation, cause);
		}
		SSLHandshakeException handshake = handshakeFailure(cause);
		if (handshake != null) {
			return new NxCloudTlsHandshakeException(operation, handshake);
		}
		return new NxCloudTransportException(operation, "the exchange failed: " + ex.getMessage(), ex);
	}

	// a refused TLS handshake (an untrusted certificate, say): no request byte was written
	private static @Nullable SSLHandshakeException handshakeFailure(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SSLHandshakeException handshake) {
				return handshake;
			}
		}
		return null;
	}

	private static boolean isReadTimeout(@Nullable Throwable cause) {
		// Netty's ReadTimeoutException; Netty is optional, so it is recognised by name
		return cause != null && cause.getClass().getName().endsWith(".ReadTimeoutException");
	}

	/**
	 * Builds an {@link NxCloudClient}. Only the {@linkplain #connection(NxCloudConnection) connection} is required;
	 * everything else has a default. A builder may be reused: each {@link #build()} makes a new client, and changing
	 * the builder afterwards does not change clients already built. Not thread-safe.
	 */
	public static final class Builder {

		private @Nullable NxCloudConnection connection;

		private @Nullable String appKey;

		private @Nullable String businessPhone;

		private @Nullable Long tenantId;

		private SignAlgorithm signAlgorithm = SignAlgorithm.MD5;

		private Clock clock = Clock.systemUTC();

		private Scheduler scheduler = Schedulers.parallel();

		private Duration connectTimeout = Duration.ofSeconds(5);

		private Duration responseTimeout = Duration.ofSeconds(30);

		private Duration uploadTimeout = Duration.ofMinutes(5);

		private NxCloudRetryPolicy retryPolicy = NxCloudRetryPolicy.DEFAULT;

		private @Nullable NxCloudSendRateLimiter sendRateLimiter;

		private @Nullable Duration recipientPacing;

		private Duration sendMaxWait = Duration.ofSeconds(30);

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable NxCloudClientObservationConvention observationConvention;

		private WebClient.@Nullable Builder webClientBuilder;

		private Function<NxCloudSetting, String> settingNames = NxCloudSetting::builderCall;

		private Builder() {
		}

		/**
		 * Where NxCloud is and the account's credentials; required. The connection is read on every call, so it may
		 * supply values that become known late, and a call made while the credentials are missing fails with an
		 * {@link NxCloudConfigurationException}.
		 * @param connection the connection, for example {@link NxCloudConnection#of(String, String)}
		 * @return this builder
		 */
		public Builder connection(NxCloudConnection connection) {
			this.connection = requireArgument("connection", connection);
			return this;
		}

		/**
		 * The app key ({@code appkey}) applied to requests that leave it out.
		 * @param appKey the app key, or {@code null} for none
		 * @return this builder
		 */
		public Builder appKey(@Nullable String appKey) {
			this.appKey = appKey;
			return this;
		}

		/**
		 * The sending business phone ({@code business_phone}), digits with country code, applied to requests that
		 * leave it out.
		 * @param businessPhone the phone, or {@code null} for none
		 * @return this builder
		 */
		public Builder businessPhone(@Nullable String businessPhone) {
			this.businessPhone = businessPhone;
			return this;
		}

		/**
		 * The SaaS tenant ({@code tenant_id}) applied to requests that leave it out.
		 * @param tenantId the tenant, or {@code null} for none
		 * @return this builder
		 */
		public Builder tenantId(@Nullable Long tenantId) {
			this.tenantId = tenantId;
			return this;
		}

		/**
		 * The app key, business phone and tenant applied to requests that leave them out, all at once.
		 * @param defaults the defaults
		 * @return this builder
		 */
		public Builder defaults(NxCloudDefaults defaults) {
			requireArgument("defaults", defaults);
			return appKey(defaults.appKey()).businessPhone(defaults.businessPhone()).tenantId(defaults.tenantId());
		}

		/**
		 * The signature algorithm; {@link SignAlgorithm#MD5} by default.
		 * @param signAlgorithm the algorithm
		 * @return this builder
		 */
		public Builder signAlgorithm(SignAlgorithm signAlgorithm) {
			this.signAlgorithm = requireArgument("signAlgorithm", signAlgorithm);
			return this;
		}

		/**
		 * The clock that stamps each request's {@code ts}, and that a {@code Retry-After} date is measured from; the
		 * system clock in UTC by default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = requireArgument("clock", clock);
			return this;
		}

		/**
		 * The scheduler the client waits on: before a retry (the backoff, or the wait a {@code Retry-After} asked
		 * for) and for a recipient's {@linkplain #recipientPacing(Duration) turn}; Reactor's parallel scheduler by
		 * default. A test can pass a virtual-time scheduler to drive the waits.
		 * @param scheduler the scheduler
		 * @return this builder
		 */
		public Builder scheduler(Scheduler scheduler) {
			this.scheduler = requireArgument("scheduler", scheduler);
			return this;
		}

		/**
		 * The most a connection may take to establish; 5 s by default. It applies to the HTTP connector the client
		 * makes itself (Reactor Netty when present, else the JDK's {@code HttpClient}); a
		 * {@linkplain #webClientBuilder(WebClient.Builder) web client builder} brings its own connector and timeouts.
		 * @param connectTimeout the timeout
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = requirePositive("connectTimeout", connectTimeout);
			return this;
		}

		/**
		 * The most one attempt of a call may take, from its start (connecting included) to the last byte of the
		 * response; 30 s by default. With Reactor Netty it is timed on the event loop of the connection the request
		 * goes on, once it has one: a connection that cannot be made, or a pool that has none free, fails the
		 * attempt at the {@linkplain #connectTimeout(Duration) connect timeout} or at the pool's own pending-acquire
		 * timeout.
		 * @param responseTimeout the timeout
		 * @return this builder
		 */
		public Builder responseTimeout(Duration responseTimeout) {
			this.responseTimeout = requirePositive("responseTimeout", responseTimeout);
			return this;
		}

		/**
		 * The same as {@link #responseTimeout(Duration)} for media uploads, which carry up to 100 MB; 5 min by
		 * default.
		 * @param uploadTimeout the timeout
		 * @return this builder
		 */
		public Builder uploadTimeout(Duration uploadTimeout) {
			this.uploadTimeout = requirePositive("uploadTimeout", uploadTimeout);
			return this;
		}

		/**
		 * When failed calls are tried again; {@link NxCloudRetryPolicy#DEFAULT} by default,
		 * {@link NxCloudRetryPolicy#NONE} for no retries.
		 * @param retryPolicy the policy
		 * @return this builder
		 */
		public Builder retryPolicy(NxCloudRetryPolicy retryPolicy) {
			this.retryPolicy = requireArgument("retryPolicy", retryPolicy);
			return this;
		}

		/**
		 * Paces message sends per business phone; none by default.
		 * @param sendRateLimiter the limiter, for example an {@link InMemorySendRateLimiter}, or {@code null} for no
		 * pacing
		 * @return this builder
		 */
		public Builder sendRateLimiter(@Nullable NxCloudSendRateLimiter sendRateLimiter) {
			this.sendRateLimiter = sendRateLimiter;
			return this;
		}

		/**
		 * The longest a send waits for its business phone's {@linkplain #sendRateLimiter(NxCloudSendRateLimiter)
		 * slot}; 30 s by default. A send whose slot is further away takes none and fails at once with
		 * {@link NxCloudRateLimitExceededException} (nothing sent, safe to send again later), so that sends offered
		 * faster than the rate fail fast instead of waiting ever longer.
		 * @param sendMaxWait the longest wait, positive
		 * @return this builder
		 */
		public Builder sendMaxWait(Duration sendMaxWait) {
			this.sendMaxWait = requirePositive("sendMaxWait", sendMaxWait);
			return this;
		}

		/**
		 * Paces message sends per recipient: one send per interval from a business phone to the same recipient, later
		 * ones waiting for their turn (never dropped), for senders that hit WhatsApp's pair rate limit (131056; about
		 * one message every 6 s to the same recipient). Off by default. The wait comes before the business phone's
		 * {@linkplain #sendRateLimiter(NxCloudSendRateLimiter) slot}; it is local to this client.
		 * @param interval the shortest time between two sends to the same recipient, or {@code null} for no pacing
		 * @return this builder
		 */
		public Builder recipientPacing(@Nullable Duration interval) {
			this.recipientPacing = (interval != null) ? requirePositive("recipientPacing", interval) : null;
			return this;
		}

		/**
		 * The registry the calls' observations are made in; {@link ObservationRegistry#NOOP} by default.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = requireArgument("observationRegistry", observationRegistry);
			return this;
		}

		/**
		 * The convention for the calls' observations.
		 * @param observationConvention the convention, or {@code null} for the
		 * {@linkplain DefaultNxCloudClientObservationConvention default}
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable NxCloudClientObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * The web client builder to start from, with its connector, codecs and filters. It is cloned, never
		 * changed; the client adds its signing filter to the clone.
		 * @param webClientBuilder the builder, or {@code null} to start from {@link WebClient#builder()} with a
		 * connector of the client's own
		 * @return this builder
		 */
		public Builder webClientBuilder(WebClient.@Nullable Builder webClientBuilder) {
			this.webClientBuilder = webClientBuilder;
			return this;
		}

		/**
		 * How the client's messages name its settings when they tell the user to set one; by default the builder
		 * call ({@link NxCloudSetting#builderCall()}). A framework that configures the client from its own settings
		 * names those instead (Spring Boot names its properties).
		 * @param settingNames the name of each setting, as it should appear in a message
		 * @return this builder
		 */
		public Builder settingNames(Function<NxCloudSetting, String> settingNames) {
			this.settingNames = requireArgument("settingNames", settingNames);
			return this;
		}

		/**
		 * Make the client.
		 * @return a new client
		 * @throws IllegalStateException if no connection was given
		 */
		public NxCloudClient build() {
			NxCloudConnection connection = this.connection;
			if (connection == null) {
				throw new IllegalStateException(
						"An NxCloud client needs a connection: call connection(NxCloudConnection.of(accessKey, accessSecret))");
			}
			return new NxCloudClient(this, connection);
		}

		private static <T> T requireArgument(String option, @Nullable T value) {
			if (value == null) {
				throw new IllegalArgumentException(option + " must not be null");
			}
			return value;
		}

		private static Duration requirePositive(String option, @Nullable Duration value) {
			if (requireArgument(option, value).isNegative() || value.isZero()) {
				throw new IllegalArgumentException(option + " must be positive (got " + value + ")");
			}
			return value;
		}

	}

}
