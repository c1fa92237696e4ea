package dev.nxcloud.whatsapp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/**
 * Computes NxCloud signatures: the lowercase hex digest of
 * {@code accessKey=…&action=…&bizType=…&ts=…[&body=<exact body bytes>]&accessSecret=…}.
 * <p>
 * The body part is present only for a non-empty body that is signed (JSON); multipart and body-less requests are
 * signed without it. The body is hashed as the bytes given, never re-encoded, so the signature covers exactly what
 * goes on the wire. Instances are immutable and thread-safe.
 */
public final class NxCloudSigner {

	private static final byte[] BODY_SEPARATOR = "&body=".getBytes(StandardCharsets.UTF_8);

	private static final HexFormat HEX = HexFormat.of();

	private final SignAlgorithm algorithm;

	private final MessageDigest prototype;

	/**
	 * Create a signer for the given algorithm.
	 * @param algorithm the hash to use
	 * @throws IllegalArgumentException if it is {@code null}
	 */
	public NxCloudSigner(SignAlgorithm algorithm) {
		if (algorithm == null) {
			throw new IllegalArgumentException("algorithm must not be null");
		}
		this.algorithm = algorithm;
		this.prototype = algorithm.newDigest();
	}

	/**
	 * The hash this signer uses.
	 * @return the algorithm
	 */
	public SignAlgorithm algorithm() {
		return this.algorithm;
	}

	/**
	 * Sign a request whose body, if any, is in one array.
	 * @param headers the signed common headers
	 * @param body the exact body bytes, or {@code null} (or empty) to sign without a body
	 * @param accessSecret the account's access secret
	 * @return the lowercase hex signature
	 */
	public String sign(SignedHeaders headers, byte @Nullable [] body, String accessSecret) {
		return signBuffers(headers, (body != null) ? new ByteBuffer[] { ByteBuffer.wrap(body) } : new ByteBuffer[0],
				accessSecret);
	}

	/**
	 * Sign a request whose body arrives in several buffers (as it does from a codec), without copying them.
	 * @param headers the signed common headers
	 * @param body the body's readable buffers in order; none, or only empty ones, to sign without a body. Their
	 * positions are advanced.
	 * @param accessSecret the account's access secret
	 * @return the lowercase hex signature
	 */
	public String signBuffers(SignedHeaders headers, ByteBuffer[] body, String accessSecret) {
		MessageDigest digest = newDigest();
		digest.update(headers.canonical().getBytes(StandardCharsets.UTF_8));
		boolean hasBody = false;
		for (ByteBuffer buffer : body) {
			if (buffer.hasRemaining()) {
				if (!hasBody) {
					digest.update(BODY_SEPARATOR);
					hasBody = true;
				}
				digest.update(buffer);
			}
		}
		digest.update(("&accessSecret=" + accessSecret).getBytes(StandardCharsets.UTF_8));
		return HEX.formatHex(digest.digest());
	}

	private MessageDigest newDigest() {
		try {
			return (MessageDigest) this.prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			return this.algorithm.newDigest();
		}
	}

	/**
	 * Whether {@code signature} is the signature of the given request, compared in constant time and
	 * case-insensitively.
	 * @param headers the signed common headers as received
	 * @param body the raw body bytes as received, or {@code null} for a request signed without body
	 * @param accessSecret the account's access secret
	 * @param signature the signature to check
	 * @return whether it matches
	 */
	public boolean verify(SignedHeaders headers, byte @Nullable [] body, String accessSecret, String signature) {
		byte[] expected = sign(headers, body, accessSecret).getBytes(StandardCharsets.US_ASCII);
		byte[] actual = signature.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, actual);
	}

	/**
	 * The four common headers that enter a signature, in NxCloud's canonical (ASCII) order.
	 *
	 * @param accessKey the account's access key
	 * @param action the endpoint's action, for example {@code mt}
	 * @param bizType the business line, {@code 2} for WhatsApp
	 * @param ts the timestamp in milliseconds, as sent
	 */
	public record SignedHeaders(String accessKey, String action, String bizType, String ts) {

		String canonical() {
			return "accessKey=" + this.accessKey + "&action=" + this.action + "&bizType=" + this.bizType + "&ts="
					+ this.ts;
		}

	}

}
