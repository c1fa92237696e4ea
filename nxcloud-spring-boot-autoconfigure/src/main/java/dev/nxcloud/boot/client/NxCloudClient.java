package dev.nxcloud.boot.client;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import dev.nxcloud.boot.client.error.MetaError;
import dev.nxcloud.boot.client.error.NxCloudApiException;
import dev.nxcloud.boot.client.error.NxCloudConfigurationException;
import dev.nxcloud.boot.client.error.NxCloudConnectException;
import dev.nxcloud.boot.client.error.NxCloudException;
import dev.nxcloud.boot.client.error.NxCloudHttpStatusException;
import dev.nxcloud.boot.client.error.NxCloudInvalidResponseException;
import dev.nxcloud.boot.client.error.NxCloudTimeoutException;
import dev.nxcloud.boot.client.error.NxCloudTransportException;
import dev.nxcloud.boot.client.observation.DefaultNxCloudClientObservationConvention;
import dev.nxcloud.boot.client.observation.NxCloudClientObservationContext;
import dev.nxcloud.boot.client.observation.NxCloudClientObservationConvention;
import dev.nxcloud.boot.client.observation.NxCloudClientObservationDocumentation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The core every NxCloud call goes through: builds the URL on the right host, serialises a JSON body once with
 * NxCloud's own mapping, sends it through a {@link WebClient} that carries the {@link NxCloudSigningFilter}, decodes
 * the {@code {code, message, data, traceId}} envelope and turns every failure into an {@link NxCloudException}.
 * <p>
 * Every call is a Micrometer {@link Observation} ({@value DefaultNxCloudClientObservationConvention#DEFAULT_NAME} by
 * default, see {@link NxCloudClientObservationDocumentation}) and is logged at DEBUG with its operation, path, result
 * code, {@code traceId} and duration; the access secret and signatures never are.
 * <p>
 * One client is one NxCloud account; the endpoint services are thin layers over it. Thread-safe.
 */
public final class NxCloudClient {

	private static final int BODY_EXCERPT_LENGTH = 120;

	private static final NxCloudClientObservationConvention DEFAULT_OBSERVATION_CONVENTION =
			new DefaultNxCloudClientObservationConvention();

	private static final Log logger = LogFactory.getLog(NxCloudClient.class);

	private final WebClient webClient;

	private final NxCloudConnection connection;

	private final NxCloudDefaults defaults;

	private final NxCloudClientSettings settings;

	private final JsonMapper jsonMapper;

	private final ObservationRegistry observationRegistry;

	private final @Nullable NxCloudClientObservationConvention observationConvention;

	/**
	 * Create a client.
	 * @param webClient a web client that applies the {@link NxCloudSigningFilter}
	 * @param connection the hosts and credentials, read on every call
	 * @param defaults values applied to requests that leave them out
	 * @param responseTimeout the most a call may take, from connecting to the last byte of the response
	 */
	public NxCloudClient(WebClient webClient, NxCloudConnection connection, NxCloudDefaults defaults,
			Duration responseTimeout) {
		this(webClient, connection, defaults, NxCloudClientSettings.of(responseTimeout), ObservationRegistry.NOOP, null);
	}

	/**
	 * Create a client whose calls are observed.
	 * @param webClient a web client that applies the {@link NxCloudSigningFilter}
	 * @param connection the hosts and credentials, read on every call
	 * @param defaults values applied to requests that leave them out
	 * @param responseTimeout the most a call may take, from connecting to the last byte of the response
	 * @param observationRegistry the registry the calls' observations are made in; {@link ObservationRegistry#NOOP}
	 * for none
	 * @param observationConvention the convention for the observations, or {@code null} for the
	 * {@linkplain DefaultNxCloudClientObservationConvention default}
	 */
	public NxCloudClient(WebClient webClient, NxCloudConnection connection, NxCloudDefaults defaults,
			Duration responseTimeout, ObservationRegistry observationRegistry,
			@Nullable NxCloudClientObservationConvention observationConvention) {
		this(webClient, connection, defaults, NxCloudClientSettings.of(responseTimeout), observationRegistry,
				observationConvention);
	}

	/**
	 * Create a client with timeouts, retries and send pacing, whose calls are observed.
	 * @param webClient a web client that applies the {@link NxCloudSigningFilter}
	 * @param connection the hosts and credentials, read on every call
	 * @param defaults values applied to requests that leave them out
	 * @param settings timeouts, retries and send pacing
	 * @param observationRegistry the registry the calls' observations are made in; {@link ObservationRegistry#NOOP}
	 * for none
	 * @param observationConvention the convention for the observations, or {@code null} for the
	 * {@linkplain DefaultNxCloudClientObservationConvention default}
	 */
	public NxCloudClient(WebClient webClient, NxCloudConnection connection, NxCloudDefaults defaults,
			NxCloudClientSettings settings, ObservationRegistry observationRegistry,
			@Nullable NxCloudClientObservationConvention observationConvention) {
		this.webClient = webClient;
		this.connection = connection;
		this.defaults = defaults;
		this.settings = settings;
		this.jsonMapper = NxCloudJson.newMapper();
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * The values applied to requests that leave them out.
	 * @return the defaults
	 */
	public NxCloudDefaults defaults() {
		return this.defaults;
	}

	/**
	 * Start a call to an operation.
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
		 * Send a {@code multipart/form-data} body, streamed and signed without the body.
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
		 * Make the call and decode {@code data}.
		 * @param <T> the data type
		 * @param dataType the data type
		 * @return the data; empty when NxCloud returned none
		 */
		public <T> Mono<T> retrieve(Class<T> dataType) {
			return exchange(this, NxCloudClient.this.jsonMapper.constructType(dataType));
		}

		/**
		 * Make the call and decode {@code data} into a generic type.
		 * @param <T> the data type
		 * @param dataType the data type
		 * @return the data; empty when NxCloud returned none
		 */
		public <T> Mono<T> retrieve(TypeReference<T> dataType) {
			return exchange(this, NxCloudClient.this.jsonMapper.constructType(dataType));
		}

	}

	private <T> Mono<T> exchange(Call call, JavaType dataType) {
		NxCloudOperation operation = call.operation;
		return Mono.deferContextual((contextView) -> {
			NxCloudClientObservationContext observationContext = new NxCloudClientObservationContext(operation);
			Observation observation = NxCloudClientObservationDocumentation.CLIENT_REQUEST
				.observation(this.observationConvention, DEFAULT_OBSERVATION_CONVENTION, () -> observationContext,
						this.observationRegistry)
				.parentObservation(contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
				.start();
			long start = System.nanoTime();
			return this.<T>send(call, dataType, observationContext).doOnError((ex) -> {
				if (ex instanceof NxCloudException nxCloudException) {
					observationContext.setCode(nxCloudException.getCode());
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

	private <T> Mono<T> send(Call call, JavaType dataType, NxCloudClientObservationContext observationContext) {
		NxCloudOperation operation = call.operation;
		String name = operation.operationName();
		NxCloudSendRateLimiter rateLimiter = this.settings.sendRateLimiter();
		return Mono.defer(() -> {
			NxCloudConfigurationException missing = NxCloudSigningFilter.missingCredentials(this.connection, name);
			if (missing != null) {
				return Mono.error(missing);
			}
			byte[] jsonBody = (call.jsonBody != null) ? this.jsonMapper.writeValueAsBytes(call.jsonBody) : null;
			Mono<T> attempt = this.<T>attempt(call, jsonBody, dataType, observationContext)
				.timeout(this.settings.timeout(operation))
				.onErrorMap((ex) -> !(ex instanceof NxCloudException), (ex) -> translate(operation, ex));
			Mono<T> attempts = withRetries(attempt, operation, 1);
			return (rateLimiter != null && call.pacingKey != null) ? rateLimiter.acquire(call.pacingKey).then(attempts)
					: attempts;
		});
	}

	private <T> Mono<T> withRetries(Mono<T> attempt, NxCloudOperation operation, int attemptNumber) {
		NxCloudRetryPolicy retryPolicy = this.settings.retryPolicy();
		return attempt.onErrorResume((ex) -> {
			if (attemptNumber < retryPolicy.maxAttempts() && retryPolicy.allowsRetry(operation, ex)) {
				return Mono.delay(retryPolicy.backoff(attemptNumber))
					.then(withRetries(attempt, operation, attemptNumber + 1));
			}
			return Mono.error((ex instanceof NxCloudException nxCloudException) ? nxCloudException
				.withAttempts(attemptNumber, retryPolicy.stopReason(operation, ex, attemptNumber)) : ex);
		});
	}

	private <T> Mono<T> attempt(Call call, byte @Nullable [] jsonBody, JavaType dataType,
			NxCloudClientObservationContext observationContext) {
		NxCloudOperation operation = call.operation;
		URI uri = uri(call);
		WebClient.RequestBodySpec request = this.webClient.method(operation.method())
			.uri(uri)
			.attribute(NxCloudSigningFilter.ACTION_ATTRIBUTE, operation.action())
			.accept(MediaType.APPLICATION_JSON);
		if (call.multipartBody != null) {
			request.contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(call.multipartBody));
		}
		else {
			request.contentType(MediaType.APPLICATION_JSON);
			if (jsonBody != null) {
				request.bodyValue(jsonBody);
			}
		}
		return request.exchangeToMono(
				(response) -> this.<T>decode(operation.operationName(), response, dataType, observationContext));
	}

	private URI uri(Call call) {
		NxCloudOperation operation = call.operation;
		String baseUrl = operation.host().baseUrl(this.connection);
		if (call.pathVariables.length == 0 && call.query.isEmpty()) {
			return URI.create(baseUrl.endsWith("/") ? baseUrl + operation.path().substring(1) : baseUrl + operation.path());
		}
		return UriComponentsBuilder.fromUriString(baseUrl)
			.path(operation.path())
			.queryParams(call.query)
			.encode()
			.buildAndExpand(call.pathVariables)
			.toUri();
	}

	private <T> Mono<T> decode(String operation, ClientResponse response, JavaType dataType,
			NxCloudClientObservationContext observationContext) {
		int status = response.statusCode().value();
		return response.bodyToMono(byte[].class).defaultIfEmpty(new byte[0]).handle((bytes, sink) -> {
			JsonNode envelope = readEnvelope(bytes);
			if (status < 200 || status >= 300) {
				sink.error(new NxCloudHttpStatusException(operation, status, (envelope != null) ? code(envelope) : null,
						(envelope != null) ? text(envelope, "message") : null,
						(envelope != null) ? text(envelope, "traceId") : null));
				return;
			}
			if (envelope == null) {
				sink.error(new NxCloudInvalidResponseException(operation,
						"the response is not NxCloud's {code, message, data} envelope: " + excerpt(bytes), null));
				return;
			}
			Integer code = code(envelope);
			if (code == null) {
				sink.error(new NxCloudInvalidResponseException(operation,
						"the response's code is not a number: " + excerpt(bytes), null));
				return;
			}
			JsonNode data = envelope.get("data");
			if (code == 0) {
				observationContext.setCode(code);
				observationContext.setTraceId(text(envelope, "traceId"));
			}
			else {
				sink.error(NxCloudApiException.from(operation, code, text(envelope, "message"),
						text(envelope, "traceId"), metaError(data)));
				return;
			}
			if (data == null || data.isNull()) {
				sink.complete();
				return;
			}
			try {
				T value = this.jsonMapper.readerFor(dataType).readValue(data);
				if (value != null) {
					sink.next(value);
				}
				else {
					sink.complete();
				}
			}
			catch (JacksonException ex) {
				sink.error(new NxCloudInvalidResponseException(operation,
						"the response's data does not have the documented shape: " + ex.getOriginalMessage(), ex));
			}
		});
	}

	private @Nullable JsonNode readEnvelope(byte[] bytes) {
		if (bytes.length == 0) {
			return null;
		}
		try {
			JsonNode node = this.jsonMapper.readTree(bytes);
			return (node != null && node.isObject() && node.has("code")) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static @Nullable Integer code(JsonNode envelope) {
		JsonNode code = envelope.get("code");
		if (code.isIntegralNumber()) {
			return code.intValue();
		}
		if (code.isString()) {
			try {
				return Integer.valueOf(code.stringValue().trim());
			}
			catch (NumberFormatException ex) {
				return null;
			}
		}
		return null;
	}

	private static @Nullable String text(JsonNode envelope, String field) {
		JsonNode value = envelope.get(field);
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
		String text = new String(bytes, 0, Math.min(bytes.length, BODY_EXCERPT_LENGTH), StandardCharsets.UTF_8);
		return "'" + text + ((bytes.length > BODY_EXCERPT_LENGTH) ? "…'" : "'");
	}

	private Throwable translate(NxCloudOperation nxCloudOperation, Throwable ex) {
		String operation = nxCloudOperation.operationName();
		Duration timeout = this.settings.timeout(nxCloudOperation);
		if (ex instanceof TimeoutException) {
			return new NxCloudTimeoutException(operation, timeout, ex);
		}
		Throwable cause = (ex instanceof WebClientRequestException) ? ex.getCause() : ex;
		if (cause instanceof ConnectException || cause instanceof UnknownHostException) {
			return new NxCloudConnectException(operation, cause);
		}
		if (isReadTimeout(cause)) {
			return new NxCloudTimeoutException(operation, timeout, cause);
		}
		return new NxCloudTransportException(operation, "the exchange failed: " + ex.getMessage(), ex);
	}

	private static boolean isReadTimeout(@Nullable Throwable cause) {
		// Netty's ReadTimeoutException; Netty is optional, so it is recognised by name
		return cause != null && cause.getClass().getName().endsWith(".ReadTimeoutException");
	}

}
