package dev.nxcloud.whatsapp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Hash used for NxCloud request signatures. {@link #MD5} is NxCloud's default; {@link #SHA256} is announced to
 * NxCloud with the optional {@code algorithm} header.
 */
public enum SignAlgorithm {

	/** MD5, NxCloud's default; no {@code algorithm} header is sent. */
	MD5("MD5", "md5"),

	/** SHA-256, sent as {@code algorithm: sha256}. */
	SHA256("SHA-256", "sha256");

	private final String jcaName;

	private final String headerValue;

	SignAlgorithm(String jcaName, String headerValue) {
		this.jcaName = jcaName;
		this.headerValue = headerValue;
	}

	/**
	 * The value of the {@code algorithm} header that selects this algorithm.
	 * @return {@code md5} or {@code sha256}
	 */
	public String headerValue() {
		return this.headerValue;
	}

	MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance(this.jcaName);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(this.jcaName + " is required by every Java runtime", ex);
		}
	}

}
