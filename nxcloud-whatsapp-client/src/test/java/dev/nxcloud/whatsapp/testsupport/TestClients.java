package dev.nxcloud.whatsapp.testsupport;

import java.time.Clock;
import java.time.Duration;

import dev.nxcloud.whatsapp.ClientConnector;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudConnection;
import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.NxCloudRetryPolicy;
import dev.nxcloud.whatsapp.SignAlgorithm;
import org.jspecify.annotations.Nullable;

/**
 * Clients built against a test server: both hosts on its base URL, the test credentials, no retries.
 */
public final class TestClients {

	public static final String ACCESS_KEY = "fme2na3kdi3ki";

	public static final String ACCESS_SECRET = "abciiiko2k3";

	/** No defaults: every request must carry its own values. */
	public static final NxCloudDefaults NO_DEFAULTS = new NxCloudDefaults(null, null, null);

	private TestClients() {
	}

	public static NxCloudClient.Builder builder(String baseUrl) {
		return NxCloudClient.builder()
			.connection(connection(baseUrl, ACCESS_KEY, ACCESS_SECRET))
			.retryPolicy(NxCloudRetryPolicy.NONE)
			.responseTimeout(Duration.ofSeconds(10));
	}

	public static NxCloudClient.Builder builder(String baseUrl, ClientConnector connector) {
		return builder(baseUrl).webClientBuilder(connector.webClientBuilder());
	}

	public static NxCloudClient client(String baseUrl, NxCloudDefaults defaults) {
		return builder(baseUrl).defaults(defaults).build();
	}

	public static NxCloudClient client(String baseUrl, NxCloudDefaults defaults, SignAlgorithm algorithm, Clock clock,
			Duration responseTimeout) {
		return builder(baseUrl).defaults(defaults)
			.signAlgorithm(algorithm)
			.clock(clock)
			.responseTimeout(responseTimeout)
			.build();
	}

	public static NxCloudConnection connection(String baseUrl, @Nullable String accessKey,
			@Nullable String accessSecret) {
		return NxCloudConnection.of(baseUrl, baseUrl, accessKey, accessSecret);
	}

}
