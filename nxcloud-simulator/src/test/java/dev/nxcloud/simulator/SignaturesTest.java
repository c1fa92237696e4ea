package dev.nxcloud.simulator;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {

	private static final String KEY = "fme2na3kdi3ki";

	private static final String TS = "1655710885431";

	private static final String SECRET = "abciiiko2k3";

	private static boolean verify(String body, String sign) {
		return Signatures.verify(KEY, "send", "1", TS, body.getBytes(StandardCharsets.UTF_8), SECRET, "md5", sign);
	}

	@Test
	void acceptsTheThreeOfficialVectors() {
		assertThat(verify("{\"name\":\"牛小信\",\"id\":10001}", "87c3560d3331ae23f1021e2025722354")).isTrue();
		assertThat(verify("{\"id\":10001,\"name\":\"牛小信\"}", "7750759da06333f20d0640be09355e34")).isTrue();
		assertThat(verify("{\"id\": 10001, \"name\": \"牛小信\"}", "d0c24a9886c629330d7f3f2056c65bc2")).isTrue();
	}

	@Test
	void rejectsAVectorForAnotherBody() {
		assertThat(verify("{\"id\":10001,\"name\":\"牛小信\"}", "87c3560d3331ae23f1021e2025722354")).isFalse();
		assertThat(verify("{\"name\":\"牛小信\",\"id\":10001}", "87c3560d3331ae23f1021e2025722355")).isFalse();
	}

	@Test
	void matchesTheDerivedVectors() {
		assertThat(Signatures.sign(KEY, "send", "1", TS, null, SECRET, "md5"))
			.isEqualTo("884afe159e39b6c88a0d6102ca97d704");
		assertThat(Signatures.sign(KEY, "send", "1", TS, new byte[0], SECRET, "sha256"))
			.isEqualTo("921e82155cc02cdf78da934307c33cdca3f412d35ddb5b965482a2e029e900f4");
		assertThat(Signatures.sign(KEY, "send", "1", TS,
				"{\"name\":\"牛小信\",\"id\":10001}".getBytes(StandardCharsets.UTF_8), SECRET, "SHA256"))
			.isEqualTo("e0eec2c99ef80f269a82795e2223f618ebfc0616c8b6c8c7d438021ec38ad0eb");
		assertThat(Signatures.sign(KEY, "uploadMedia", "2", TS, null, SECRET, "md5"))
			.isEqualTo("d2632e6b4cbea8587b36cb585e06a195");
	}

	@Test
	void rejectsAnUnknownAlgorithm() {
		assertThat(Signatures.verify(KEY, "send", "1", TS, null, SECRET, "sha1", "884afe159e39b6c88a0d6102ca97d704"))
			.isFalse();
	}

}
