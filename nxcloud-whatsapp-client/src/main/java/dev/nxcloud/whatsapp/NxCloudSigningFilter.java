package dev.nxcloud.whatsapp;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.whatsapp.NxCloudSigner.SignedHeaders;
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
 * for SHA-256, {@code algorithm}. Installed by {@link NxCloudClient.Builder#build()} on every client's
 * {@code WebClient}, so that an unsigned client cannot be built.
 * <p>
 * The signature is computed while the body is written, over the very bytes the codec produced, so it always covers
 * exactly what goes on the wire. JSON bodies are signed with {@code &body=}; multipart and body-less requests
 * without it. Each attempt is signed anew with a fresh {@code ts} from the {@link Clock}. What to sign with (the
 * credentials the client checked once per call, and the {@code action}) comes in the request attribute
 * {@link #SIGNING_ATTRIBUTE}.
 */
final class NxCloudSigningFilter implements ExchangeFilterFunction {

	/** Request attribute holding the {@link Signing} of the request. */
	static final String SIGNING_ATTRIBUTE = NxCloudSigningFilter.class.getName() + ".signing";

	/** NxCloud's {@code bizType} for WhatsApp. */
	static final String WHATSAPP_BIZ_TYPE = "2";

	private final NxCloudSigner signer;

	private final Clock clock;

	NxCloudSigningFilter(NxCloudSigner signer, Clock clock) {
		this.signer = signer;
		this.clock = clock;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Object signing = request.attribute(SIGNING_ATTRIBUTE).orElse(null);
		if (!(signing instanceof Signing credentials)) {
			return Mono.error(new IllegalStateException(
					"NxCloud request to " + request.url().getPath() + " has no '" + SIGNING_ATTRIBUTE + "' attribute"));
		}
		ClientRequest signed = ClientRequest.from(request)
			.body((message, context) -> request.body().insert(new SigningRequest(message, credentials), context))
			.build();
		return next.exchange(signed);
	}

	/**
	 * What one request is signed with.
	 *
	 * @param accessKey the access key
	 * @param accessSecret the access secret
	 * @param action the signed {@code action}
	 */
	record Signing(String accessKey, String accessSecret, String action) {

		@Override
		public String toString() {
			return "Signing[accessKey=" + this.accessKey + ", action=" + this.action + "]";
		}

	}

	private final class SigningRequest extends ClientHttpRequestDecorator {

		private final Signing signing;

		SigningRequest(ClientHttpRequest delegate, Signing signing) {
			super(delegate);
			this.signing = signing;
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
			Signing signing = this.signing;
			String ts = Long.toString(NxCloudSigningFilter.this.clock.millis());
			SignedHeaders headers = new SignedHeaders(signing.accessKey(), signing.action(), WHATSAPP_BIZ_TYPE, ts);
			String sign = NxCloudSigningFilter.this.signer.signBuffers(headers, body, signing.accessSecret());
			var httpHeaders = getHeaders();
			httpHeaders.set("accessKey", signing.accessKey());
			httpHeaders.set("ts", ts);
			httpHeaders.set("bizType", WHATSAPP_BIZ_TYPE);
			httpHeaders.set("action", signing.action());
			httpHeaders.set("sign", sign);
			SignAlgorithm algorithm = NxCloudSigningFilter.this.signer.algorithm();
			if (algorithm != SignAlgorithm.MD5) {
				httpHeaders.set("algorithm", algorithm.headerValue());
			}
		}

	}

}
