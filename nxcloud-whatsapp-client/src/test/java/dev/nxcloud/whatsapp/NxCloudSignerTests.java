package dev.nxcloud.whatsapp;

import java.nio.charset.StandardCharsets;

import dev.nxcloud.whatsapp.NxCloudSigner.SignedHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NxCloudSignerTests {

	private static final SignedHeaders SEND = new SignedHeaders("fme2na3kdi3ki", "send", "1", "1655710885431");

	private static final String SECRET = "abciiiko2k3";

	private final NxCloudSigner md5 = new NxCloudSigner(SignAlgorithm.MD5);

	private final NxCloudSigner sha256 = new NxCloudSigner(SignAlgorithm.SHA256);

	@ParameterizedTest(name = "official vector {0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = {
			"`{\"name\":\"牛小信\",\"id\":10001}`|87c3560d3331ae23f1021e2025722354",
			"`{\"id\":10001,\"name\":\"牛小信\"}`|7750759da06333f20d0640be09355e34",
			"`{\"id\": 10001, \"name\": \"牛小信\"}`|d0c24a9886c629330d7f3f2056c65bc2" })
	void officialTestVectors(String body, String expected) {
		assertThat(this.md5.sign(SEND, body.getBytes(StandardCharsets.UTF_8), SECRET)).isEqualTo(expected);
	}

	@Test
	void withoutBodyTheBodyPartIsLeftOut() {
		assertThat(this.md5.sign(SEND, null, SECRET)).isEqualTo("884afe159e39b6c88a0d6102ca97d704");
		assertThat(this.md5.sign(SEND, new byte[0], SECRET)).isEqualTo("884afe159e39b6c88a0d6102ca97d704");
		assertThat(this.sha256.sign(SEND, null, SECRET))
			.isEqualTo("921e82155cc02cdf78da934307c33cdca3f412d35ddb5b965482a2e029e900f4");
	}

	@Test
	void sha256OverTheHeadlineBody() {
		byte[] body = "{\"name\":\"牛小信\",\"id\":10001}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.sha256.sign(SEND, body, SECRET))
			.isEqualTo("e0eec2c99ef80f269a82795e2223f618ebfc0616c8b6c8c7d438021ec38ad0eb");
	}

	@Test
	void multipartUploadIsSignedWithoutBody() {
		SignedHeaders upload = new SignedHeaders("fme2na3kdi3ki", "uploadMedia", "2", "1655710885431");
		assertThat(this.md5.sign(upload, null, SECRET)).isEqualTo("d2632e6b4cbea8587b36cb585e06a195");
	}

	@Test
	void whatsAppTextSend() {
		SignedHeaders mt = new SignedHeaders("fme2na3kdi3ki", "mt", "2", "1655710885431");
		byte[] body = ("{\"appkey\":\"f543ertg\",\"business_phone\":\"185xxxx8399\",\"messaging_product\":\"whatsapp\","
				+ "\"recipient_type\":\"individual\",\"to\":\"86136xxxx9759\",\"type\":\"text\","
				+ "\"text\":{\"body\":\"hello\",\"preview_url\":false}}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(this.md5.sign(mt, body, SECRET)).isEqualTo("2d087899eb0f5d9598c09e16f208fcc6");
		assertThat(this.sha256.sign(mt, body, SECRET))
			.isEqualTo("69f6a3cafc370abb71e13260e03a53907ba95fa60e61f09e5ea8802ea3139fa0");
	}

	@Test
	void bodySplitAcrossBuffersSignsLikeOneArray() {
		byte[] body = "{\"name\":\"牛小信\",\"id\":10001}".getBytes(StandardCharsets.UTF_8);
		java.nio.ByteBuffer first = java.nio.ByteBuffer.wrap(body, 0, 10);
		java.nio.ByteBuffer second = java.nio.ByteBuffer.wrap(body, 10, body.length - 10);
		assertThat(this.md5.signBuffers(SEND, new java.nio.ByteBuffer[] { first, java.nio.ByteBuffer.allocate(0), second },
				SECRET))
			.isEqualTo("87c3560d3331ae23f1021e2025722354");
	}

	@Test
	void verifyAcceptsTheSignatureAndRejectsAnyOtherInConstantTime() {
		byte[] body = "{\"id\":10001,\"name\":\"牛小信\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.md5.verify(SEND, body, SECRET, "7750759DA06333F20D0640BE09355E34")).isTrue();
		assertThat(this.md5.verify(SEND, body, SECRET, "7750759da06333f20d0640be09355e35")).isFalse();
		assertThat(this.md5.verify(SEND, body, "wrong", "7750759da06333f20d0640be09355e34")).isFalse();
	}

	@Test
	void algorithmHeaderValues() {
		assertThat(SignAlgorithm.MD5.headerValue()).isEqualTo("md5");
		assertThat(SignAlgorithm.SHA256.headerValue()).isEqualTo("sha256");
	}

	@Test
	void aNullAlgorithmIsNamedAsTheClientBuilderNamesItsOptions() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NxCloudSigner(null))
			.withMessage("algorithm must not be null");
	}

}
