package dev.nxcloud.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * NxCloud's request signature: {@code hex(digest("accessKey=…&action=…&bizType=…&ts=…" + ["&body=" + body] +
 * "&accessSecret=…"))}, lowercase hex, MD5 by default or SHA-256. The body part is left out when the body is
 * {@code null} or empty (and for multipart requests, whose caller passes {@code null}).
 */
public final class Signatures {

	/** The default algorithm. */
	public static final String MD5 = "md5";

	/** The optional algorithm selected by the {@code algorithm: sha256} header. */
	public static final String SHA256 = "sha256";

	private Signatures() {
	}

	/**
	 * Computes a signature.
	 * @param accessKey the access key
	 * @param action the action header
	 * @param bizType the bizType header
	 * @param ts the ts header
	 * @param body the exact body bytes, or {@code null} to sign without a body
	 * @param accessSecret the secret
	 * @param algorithm {@link #MD5} or {@link #SHA256} (case-insensitive)
	 * @return the lowercase hex signature
	 * @throws IllegalArgumentException for another algorithm
	 */
	public static String sign(String accessKey, String action, String bizType, String ts, byte @Nullable [] body,
			String accessSecret, String algorithm) {
		return HexFormat.of().formatHex(digest(accessKey, action, bizType, ts, body, accessSecret, algorithm));
	}

	/**
	 * Checks a signature in constant time.
	 * @param accessKey the access key
	 * @param action the action header
	 * @param bizType the bizType header
	 * @param ts the ts header
	 * @param body the exact body bytes, or {@code null} when the body is not signed
	 * @param accessSecret the secret
	 * @param algorithm {@link #MD5} or {@link #SHA256} (case-insensitive)
	 * @param sign the received signature (lowercase hex)
	 * @return whether it matches; {@code false} for an unknown algorithm
	 */
	public static boolean verify(String accessKey, String action, String bizType, String ts, byte @Nullable [] body,
			String accessSecret, String algorithm, String sign) {
		String lower = algorithm.toLowerCase(Locale.ROOT);
		if (!lower.equals(MD5) && !lower.equals(SHA256)) {
			return false;
		}
		String expected = sign(accessKey, action, bizType, ts, body, accessSecret, lower);
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				sign.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] digest(String accessKey, String action, String bizType, String ts, byte @Nullable [] body,
			String accessSecret, String algorithm) {
		MessageDigest digest = messageDigest(algorithm);
		digest.update(("accessKey=" + accessKey + "&action=" + action + "&bizType=" + bizType + "&ts=" + ts)
			.getBytes(StandardCharsets.UTF_8));
		if (body != null && body.length > 0) {
			digest.update("&body=".getBytes(StandardCharsets.UTF_8));
			digest.update(body);
		}
		digest.update(("&accessSecret=" + accessSecret).getBytes(StandardCharsets.UTF_8));
		return digest.digest();
	}

	private static MessageDigest messageDigest(String algorithm) {
		String name = switch (algorithm.toLowerCase(Locale.ROOT)) {
			case MD5 -> "MD5";
			case SHA256 -> "SHA-256";
			default -> throw new IllegalArgumentException("Unsupported algorithm " + algorithm);
		};
		try {
			return MessageDigest.getInstance(name);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
