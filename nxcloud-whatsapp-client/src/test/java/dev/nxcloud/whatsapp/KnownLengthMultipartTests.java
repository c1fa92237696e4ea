package dev.nxcloud.whatsapp;

import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import dev.nxcloud.whatsapp.testsupport.RawHttpServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The multipart body of known length, written by the client itself: a header value cannot add a line to a part,
 * whoever built the parts.
 */
class KnownLengthMultipartTests {

	@ParameterizedTest
	@EnumSource(ClientConnector.class)
	void aPartHeaderHoldingCrOrLfIsRefusedBeforeAnyByteIsSent(ClientConnector connector) {
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("tenant_id", "1");
		parts.part("file", new byte[10]).filename("a.png\r\nX-Evil: 1").contentType(MediaType.IMAGE_PNG);
		try (RawHttpServer raw = new RawHttpServer()) {
			NxCloudClient client = TestClients.builder(raw.baseUrl(), connector).build();
			StepVerifier.create(client.call(NxCloudOperation.UPLOAD_MEDIA)
				.pathVariables("8615800001795")
				.multipartBody(parts.build())
				.retrieve(JsonNode.class))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(NxCloudValidationException.class,
						(refused) -> {
							assertThat(refused.getField()).isEqualTo("file");
							assertThat(refused.getRule()).contains("header Content-Disposition that holds a CR or LF")
								.doesNotContain("X-Evil");
							assertThat(refused.mayHaveReachedNxCloud()).isFalse();
						}))
				.verify();
			assertThat(raw.requests()).isEmpty();
		}
	}

}
