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
 * A request's body is a {@link SignedBody} made by this filter, which signs the request as it writes it: the JSON
 * bytes the client serialised once, which the signature covers and which are written as they are, or a multipart or
 * empty body, signed without {@code &body=}. Each attempt is signed anew with a fresh {@code ts} from the
 * {@link Clock}, with the credentials the client checked once per call. The filter refuses a request whose body is
 * anything else (a filter replaced it), since it would go unsigned or signed over what it does not write.
 */
final class NxCloudSigningFilter implements ExchangeFilterFunction {

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
		if (!(request.body() instanceof SignedBody body) || body.filter() != this) {
			return Mono.error(new IllegalStateException("NxCloud request to " + request.url().getPath()
					+ " has a body the client did not make (a filter replaced it), which it cannot sign"));
		}
		return next.exchange(request);
	}

	/**
	 * A JSON body, written as the very bytes signed.
	 * @param signing what to sign with
	 * @param json the serialised body
	 * @return the body
	 */
	SignedBody json(Signing signing, byte[] json) {
		return new SignedBody(this, signing, json, (message, context) -> {
			message.getHeaders().setContentLength(json.length);
			return message.writeWith(Mono.just(message.bufferFactory().wrap(json)));
		});
	}

	/**
	 * A body signed without its bytes: multipart, or none.
	 * @param signing what to sign with
	 * @param inserter what writes the body
	 * @return the body
	 */
	SignedBody unsigned(Signing signing, BodyInserter<?, ? super ClientHttpRequest> inserter) {
		return new SignedBody(this, signing, null, inserter);
	}

	private void sign(HttpHeaders headers, Signing signing, byte @Nullable [] body) {
		String ts = Long.toString(this.clock.millis());
		SignedHeaders signed = new SignedHeaders(signing.accessKey(), signing.action(), WHATSAPP_BIZ_TYPE, ts);
		headers.set("accessKey", signing.accessKey());
		headers.set("ts", ts);
		headers.set("bizType", WHATSAPP_BIZ_TYPE);
		headers.set("action", signing.action());
		headers.set("sign", this.signer.sign(signed, body, signing.accessSecret()));
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
	 * The body of a request the client makes, which signs the request when it is written.
	 *
	 * @param filter the filter that made it
	 * @param signing what to sign with
	 * @param signed the bytes written and signed with {@code &body=}, or {@code null} for a body signed without
	 * them (multipart, or none)
	 * @param inserter what writes the body
	 */
	record SignedBody(NxCloudSigningFilter filter, Signing signing, byte @Nullable [] signed,
			BodyInserter<?, ? super ClientHttpRequest> inserter) implements BodyInserter<Object, ClientHttpRequest> {

		@Override
		public Mono<Void> insert(ClientHttpRequest message, Context context) {
			this.filter.sign(message.getHeaders(), this.signing, this.signed);
			return this.inserter.insert(message, context);
		}

		@Override
		public String toString() {
			return "SignedBody[" + this.signing + ", "
					+ ((this.signed != null) ? this.signed.length + " bytes signed" : "signed without body") + "]";
		}

	}

}
