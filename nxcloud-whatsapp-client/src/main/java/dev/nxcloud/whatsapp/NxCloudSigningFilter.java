package dev.nxcloud.whatsapp;

import java.time.Clock;

import dev.nxcloud.whatsapp.NxCloudSigner.SignedHeaders;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ClientHttpRequest;
import org.springframework.web.reactive.function.BodyInserter;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Signs NxCloud requests: adds {@code accessKey}, {@code ts}, {@code bizType}, {@code action}, {@code sign} and,
 * for SHA-256, {@code algorithm}. Installed by {@link NxCloudClient.Builder#build()} on every client's
 * {@code WebClient}, so that an unsigned client cannot be built.
 * <p>
 * A request's body is a {@link SignedBody}: the JSON bytes the client serialised once, which the signature covers
 * and which are written as they are, or a multipart or empty body, signed without {@code &body=}. A request whose
 * body is anything else (a filter replaced it) is refused, since what it would write is not what was signed. Each
 * attempt is signed anew with a fresh {@code ts} from the {@link Clock}. What to sign with (the credentials the
 * client checked once per call, and the {@code action}) comes in the request attribute {@link #SIGNING_ATTRIBUTE}.
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
		if (!(request.body() instanceof SignedBody body)) {
			return Mono.error(new IllegalStateException("NxCloud request to " + request.url().getPath()
					+ " has a body the client did not make (a filter replaced it), which it cannot sign"));
		}
		return next.exchange(ClientRequest.from(request).headers((headers) -> sign(headers, credentials, body)).build());
	}

	private void sign(HttpHeaders headers, Signing signing, SignedBody body) {
		String ts = Long.toString(this.clock.millis());
		SignedHeaders signed = new SignedHeaders(signing.accessKey(), signing.action(), WHATSAPP_BIZ_TYPE, ts);
		headers.set("accessKey", signing.accessKey());
		headers.set("ts", ts);
		headers.set("bizType", WHATSAPP_BIZ_TYPE);
		headers.set("action", signing.action());
		headers.set("sign", this.signer.sign(signed, body.signed(), signing.accessSecret()));
		if (this.signer.algorithm() != SignAlgorithm.MD5) {
			headers.set("algorithm", this.signer.algorithm().headerValue());
		}
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

	/**
	 * The body of a request the client makes, with the bytes its signature covers.
	 *
	 * @param signed the bytes written and signed with {@code &body=}, or {@code null} for a body signed without
	 * them (multipart, or none)
	 * @param inserter what writes the body
	 */
	record SignedBody(byte @Nullable [] signed, BodyInserter<?, ? super ClientHttpRequest> inserter)
			implements BodyInserter<Object, ClientHttpRequest> {

		/**
		 * A JSON body, written as the very bytes signed.
		 * @param json the serialised body
		 * @return the body
		 */
		static SignedBody json(byte[] json) {
			return new SignedBody(json, (message, context) -> {
				message.getHeaders().setContentLength(json.length);
				return message.writeWith(Mono.just(message.bufferFactory().wrap(json)));
			});
		}

		/**
		 * A body signed without its bytes.
		 * @param inserter what writes it
		 * @return the body
		 */
		static SignedBody unsigned(BodyInserter<?, ? super ClientHttpRequest> inserter) {
			return new SignedBody(null, inserter);
		}

		@Override
		public Mono<Void> insert(ClientHttpRequest message, Context context) {
			return this.inserter.insert(message, context);
		}

		@Override
		public String toString() {
			return "SignedBody[" + ((this.signed != null) ? this.signed.length + " bytes signed" : "signed without body")
					+ "]";
		}

	}

}
