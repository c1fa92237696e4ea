package dev.nxcloud.whatsapp.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The signing recipe written out independently of the production signer, so a server can recompute the signature
 * of what it received.
 */
public final class IndependentSignature {

	private IndependentSignature() {
	}

	public static String of(String algorithm, RecordingServer.Recorded request, String secret, boolean withBody)
			throws Exception {
		ByteArrayOutputStream input = new ByteArrayOutputStream();
		input.writeBytes(("accessKey=" + request.header("accessKey") + "&action=" + request.header("action")
				+ "&bizType=" + request.header("bizType") + "&ts=" + request.header("ts"))
			.getBytes(StandardCharsets.UTF_8));
		if (withBody && request.body().length > 0) {
			input.writeBytes("&body=".getBytes(StandardCharsets.UTF_8));
			input.writeBytes(request.body());
		}
		input.writeBytes(("&accessSecret=" + secret).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(input.toByteArray()));
	}

}
