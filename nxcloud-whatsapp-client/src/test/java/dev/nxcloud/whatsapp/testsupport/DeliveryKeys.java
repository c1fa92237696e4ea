package dev.nxcloud.whatsapp.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The webhook handler's delivery key written out independently: the hex SHA-256 of an event's identity, such as
 * {@code status\0m1\0READ}.
 */
public final class DeliveryKeys {

	private DeliveryKeys() {
	}

	public static String of(String identity) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
