package dev.nxcloud.whatsapp.error;

import java.time.Duration;

import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.NxCloudSetting;
import dev.nxcloud.whatsapp.phone.DefaultNxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfoRequest;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text that came from the server goes into an exception's message only as a short escaped excerpt, so that an answer
 * can neither forge a log line nor put megabytes into one, and stays whole behind the getters.
 */
class NxCloudExceptionTests {

	/** About 1 MB of server text that tries to start a forged log line. */
	private static final String HOSTILE = "sign error\r\nINFO forged line\r\n" + "x".repeat(1024 * 1024);

	/**
	 * As much over the wire: 100,000 characters, as the client reads at most 256 KiB of an answer (a larger one fails
	 * as a transport failure, quoting nothing of it).
	 */
	private static final String HOSTILE_ON_THE_WIRE = HOSTILE.substring(0, 100_000);

	/** The same text as a JSON string. */
	private static final String HOSTILE_JSON = HOSTILE_ON_THE_WIRE.replace("\r", "\\r").replace("\n", "\\n");

	private final RecordingServer server = new RecordingServer();

	private final NxCloudPhoneService phones = new DefaultNxCloudPhoneService(
			TestClients.client(this.server.baseUrl(), new NxCloudDefaults("app1", "15550000001", 1L)));

	@AfterEach
	void close() {
		this.server.close();
	}

	@Test
	void nxCloudsMessageAndTraceIdAreQuotedInTheMessageAndKeptWholeByTheGetters() {
		this.server.reply("{\"code\":1003,\"message\":\"" + HOSTILE_JSON + "\",\"traceId\":\"t1\\r\\nINFO forged "
				+ "y".repeat(1000) + "\"}");
		StepVerifier.create(this.phones.getPhones(PhoneInfoRequest.all()))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(NxCloudAuthenticationException.class);
				assertThat(ex.getMessage()).doesNotContain("\r", "\n")
					.hasSizeLessThan(1000)
					.contains("with code 1003 ('sign error\\r\\nINFO forged line\\r\\nxxxx")
					.contains("[traceId='t1\\r\\nINFO forged yyy");
				assertThat(((NxCloudException) ex).getNxCloudMessage()).isEqualTo(HOSTILE_ON_THE_WIRE);
				assertThat(((NxCloudException) ex).getTraceId()).hasSize(1000 + "t1\r\nINFO forged ".length());
			})
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void metasMessageAndDetailsAreQuotedInTheMessageAndKeptWholeInTheMetaError() {
		this.server.reply("{\"code\":9099,\"message\":\"WhatsApp error\",\"data\":{\"error\":{\"code\":100,\"message\":\""
				+ HOSTILE_JSON + "\",\"error_data\":{\"details\":\"" + HOSTILE_JSON + "\"}}}}");
		StepVerifier.create(this.phones.getPhones(PhoneInfoRequest.all()))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(NxCloudMetaException.class);
				assertThat(ex.getMessage()).doesNotContain("\r", "\n")
					.hasSizeLessThan(1000)
					.contains("(Meta code 100: 'sign error\\r\\nINFO forged line\\r\\nxxx")
					.contains("; 'sign error\\r\\nINFO forged line\\r\\nxxx");
				MetaError meta = ((NxCloudMetaException) ex).getMetaError();
				assertThat(meta.message()).isEqualTo(HOSTILE_ON_THE_WIRE);
				assertThat(meta.errorData().details()).isEqualTo(HOSTILE_ON_THE_WIRE);
			})
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void aMegabyteOfMessageWithLineBreaksGivesOneShortLine() {
		NxCloudException ex = NxCloudApiException.from("sendMessage", 21058, HOSTILE, HOSTILE, null,
				NxCloudSetting::name);
		assertThat(ex.getMessage()).doesNotContain("\r", "\n")
			.hasSizeLessThan(400)
			.startsWith("NxCloud sendMessage failed with code 21058 ('sign error\\r\\nINFO forged line\\r\\nxxxxxxxxxx…'): ")
			.endsWith(" [traceId='sign error\\r\\nINFO forged line\\r\\nxxxxxxxxxx…']");
		assertThat(ex.getNxCloudMessage()).isSameAs(HOSTILE);
		assertThat(ex.getTraceId()).isSameAs(HOSTILE);
		MetaError meta = new MetaError(131026, HOSTILE, "OAuthException", null,
				new MetaError.ErrorData("whatsapp", HOSTILE));
		NxCloudException metaException = NxCloudApiException.from("sendMessage", 9099, "WhatsApp error", null, meta,
				NxCloudSetting::name);
		assertThat(metaException.getMessage()).doesNotContain("\r", "\n")
			.hasSizeLessThan(400)
			.endsWith("(Meta code 131026: 'sign error\\r\\nINFO forged line\\r\\nxxxxxxxxxx…'; "
					+ "'sign error\\r\\nINFO forged line\\r\\nxxxxxxxxxx…')");
	}

	@Test
	void anHttpStatusFailureQuotesTheEnvelopesMessage() {
		NxCloudException ex = new NxCloudHttpStatusException("getPhone", 502, -1, HOSTILE, "t\n2");
		assertThat(ex.getMessage()).doesNotContain("\r", "\n")
			.hasSizeLessThan(300)
			.isEqualTo("NxCloud getPhone failed with code -1 ('sign error\\r\\nINFO forged line\\r\\nxxxxxxxxxx…'): "
					+ "HTTP status 502 [traceId='t\\n2']");
		assertThat(ex.getNxCloudMessage()).isEqualTo(HOSTILE);
	}

}
