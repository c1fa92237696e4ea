package dev.nxcloud.whatsapp.testsupport;

import java.time.Clock;
import java.time.Duration;

import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudConnection;
import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.NxCloudSigningFilter;
import dev.nxcloud.whatsapp.SignAlgorithm;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Clients wired by hand against a test server, the way the auto-configuration wires them.
 */
public final class TestClients {

	public static final String ACCESS_KEY = "fme2na3kdi3ki";

	public static final String ACCESS_SECRET = "abciiiko2k3";

	private TestClients() {
	}

	public static NxCloudClient client(String baseUrl, NxCloudDefaults defaults) {
		return client(baseUrl, defaults, SignAlgorithm.MD5, Clock.systemUTC(), Duration.ofSeconds(10));
	}

	public static NxCloudClient client(String baseUrl, NxCloudDefaults defaults, SignAlgorithm algorithm, Clock clock,
			Duration responseTimeout) {
		NxCloudConnection connection = connection(baseUrl, ACCESS_KEY, ACCESS_SECRET);
		WebClient webClient = WebClient.builder()
			.filter(new NxCloudSigningFilter(connection, new NxCloudSigner(algorithm), clock))
			.build();
		return new NxCloudClient(webClient, connection, defaults, responseTimeout);
	}

	public static NxCloudConnection connection(String baseUrl, @Nullable String accessKey,
			@Nullable String accessSecret) {
		return new NxCloudConnection() {

			@Override
			public String getApiUrl() {
				return baseUrl;
			}

			@Override
			public String getSaasUrl() {
				return baseUrl;
			}

			@Override
			public @Nullable String getAccessKey() {
				return accessKey;
			}

			@Override
			public @Nullable String getAccessSecret() {
				return accessSecret;
			}

		};
	}

}
