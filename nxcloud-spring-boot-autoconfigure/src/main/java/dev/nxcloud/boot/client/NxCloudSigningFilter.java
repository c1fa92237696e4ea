package dev.nxcloud.boot.client;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.boot.client.NxCloudSigner.SignedHeaders;
import dev.nxcloud.boot.client.error.NxCloudConfigurationException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.http.client.reactive.ClientHttpRequestDecorator;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Signs NxCloud requests: adds {@code accessKey}, {@code ts}, {@code bizType}, {@code action}, {@code sign} and,
 * for SHA-256, {@code algorithm}.
 * <p>
 * The signature is computed while the body is written, over the very bytes the codec produced, so it always covers
 * exactly what goes on the wire. JSON bodies are signed with {@code &body=}; multipart and body-less requests
 * without it. Each attempt is signed anew with a fresh {@code ts} from the {@link Clock}. The {@code action} comes
 * from the request attribute {@link #ACTION_ATTRIBUTE}; {@code bizType} from {@link #BIZ_TYPE_ATTRIBUTE}, else
 * {@value #WHATSAPP_BIZ_TYPE} (WhatsApp).
 */
public final class NxCloudSigningFilter implements ExchangeFilterFunction {

	/** Request attribute holding the signed {@code action}. */
	public static final String ACTION_ATTRIBUTE = NxCloudSigningFilter.class.getName() + ".action";

	/** Request attribute holding the {@code bizType}, when it is not WhatsApp's. */
	public static final String BIZ_TYPE_ATTRIBUTE = NxCloudSigningFilter.class.getName() + ".bizType";

	/** NxCloud's {@code bizType} for WhatsApp. */
	public static final String WHATSAPP_BIZ_TYPE = "2";

	private final NxCloudConnection connection;

	private final NxCloudSigner signer;

	private final Clock clock;

	/**
	 * Create a filter.
	 * @param connection supplies the credentials, read on every request
	 * @param signer the signer
	 * @param clock the clock for {@code ts}
	 */
	public NxCloudSigningFilter(NxCloudConnection connection, NxCloudSigner signer, Clock clock) {
		this.connection = connection;
		this.signer = signer;
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Object action = request.attribute(ACTION_ATTRIBUTE).orElse(null);
		if (action == null) {
			return Mono.error(new IllegalStateException(
					"NxCloud request to " + request.url().getPath() + " has no '" + ACTION_ATTRIBUTE + "' attribute"));
		}
		NxCloudConfigurationException missing = missingCredentials(this.connection, action.toString());
		if (missing != null) {
			return Mono.error(missing);
		}
		String accessKey = this.connection.getAccessKey();
		String accessSecret = this.connection.getAccessSecret();
		String bizType = request.attribute(BIZ_TYPE_ATTRIBUTE).map(Object::toString).orElse(WHATSAPP_BIZ_TYPE);
		Credentials credentials = new Credentials(accessKey, accessSecret, action.toString(), bizType);
		ClientRequest signed = ClientRequest.from(request)
			.body((message, context) -> request.body().insert(new SigningRequest(message, credentials), context))
			.build();
		return next.exchange(signed);
	}

	static @Nullable NxCloudConfigurationException missingCredentials(NxCloudConnection connection, String operation) {
		String accessKey = connection.getAccessKey();
		if (hasText(accessKey) && hasText(connection.getAccessSecret())) {
			return null;
		}
		String property = hasText(accessKey) ? "nxcloud.access-secret" : "nxcloud.access-key";
		return new NxCloudConfigurationException(operation, "NxCloud credentials are not configured: set '" + property
				+ "' (or define an NxCloudConnectionDetails bean)");
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private record Credentials(String accessKey, String accessSecret, String action, String bizType) {

		@Override
		public String toString() {
			return "Credentials[accessKey=" + this.accessKey + ", action=" + this.action + "]";
		}

	}

	private final class SigningRequest extends ClientHttpRequestDecorator {

		private final Credentials credentials;

		SigningRequest(ClientHttpRequest delegate, Credentials credentials) {
			super(delegate);
			this.credentials = credentials;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			if (isMultipart()) {
				sign(new ByteBuffer[0]);
				return super.writeWith(body);
			}
			return DataBufferUtils.join(body)
				.defaultIfEmpty(bufferFactory().wrap(new byte[0]))
				.flatMap((joined) -> {
					try (DataBuffer.ByteBufferIterator buffers = joined.readableByteBuffers()) {
						List<ByteBuffer> parts = new ArrayList<>(1);
						buffers.forEachRemaining(parts::add);
						sign(parts.toArray(ByteBuffer[]::new));
					}
					catch (RuntimeException ex) {
						DataBufferUtils.release(joined);
						return Mono.error(ex);
					}
					return super.writeWith(Mono.just(joined));
				});
		}

		@Override
		public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
			return writeWith(Flux.from(body).concatMap(Flux::from));
		}

		@Override
		public Mono<Void> setComplete() {
			return Mono.defer(() -> {
				sign(new ByteBuffer[0]);
				return super.setComplete();
			});
		}

		private boolean isMultipart() {
			MediaType contentType = getHeaders().getContentType();
			return contentType != null && "multipart".equalsIgnoreCase(contentType.getType());
		}

		private void sign(ByteBuffer[] body) {
			Credentials credentials = this.credentials;
			String ts = Long.toString(NxCloudSigningFilter.this.clock.millis());
			SignedHeaders headers = new SignedHeaders(credentials.accessKey(), credentials.action(),
					credentials.bizType(), ts);
			String sign = NxCloudSigningFilter.this.signer.signBuffers(headers, body, credentials.accessSecret());
			var httpHeaders = getHeaders();
			httpHeaders.set("accessKey", credentials.accessKey());
			httpHeaders.set("ts", ts);
			httpHeaders.set("bizType", credentials.bizType());
			httpHeaders.set("action", credentials.action());
			httpHeaders.set("sign", sign);
			SignAlgorithm algorithm = NxCloudSigningFilter.this.signer.algorithm();
			if (algorithm != SignAlgorithm.MD5) {
				httpHeaders.set("algorithm", algorithm.headerValue());
			}
		}

	}

}
