package dev.nxcloud.benchmarks.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.nxcloud.benchmarks.BenchmarkRequests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What a user writes without the starter: a blocking {@link RestClient} on the JDK's HTTP client, called from a pool
 * of threads, serialising the body with a plain Jackson mapper, signing it by hand with MD5 on every call and
 * reading {@code code} from the answer.
 */
public final class HandSignedRestClient implements AutoCloseable {

	private final ExecutorService httpExecutor = Executors.newCachedThreadPool();

	private final HttpClient httpClient;

	private final RestClient client;

	private final JsonMapper mapper = BenchmarkRequests.plainMapper();

	private final Object body = BenchmarkRequests.wireBody();

	/**
	 * Create a client of a simulator.
	 * @param baseUrl the simulator's base URL
	 */
	public HandSignedRestClient(String baseUrl) {
		this.httpClient = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(this.httpExecutor)
			.build();
		JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(this.httpClient);
		requestFactory.setReadTimeout(Duration.ofSeconds(30));
		this.client = RestClient.builder().requestFactory(requestFactory).baseUrl(baseUrl).build();
	}

	/**
	 * Send the template message once, blocking.
	 * @return {@code true} when NxCloud answered with code 0
	 */
	public boolean send() {
		byte[] bytes = this.mapper.writeValueAsBytes(this.body);
		String ts = Long.toString(System.currentTimeMillis());
		String sign = BenchmarkRequests.signByHand(ts, bytes);
		byte[] answer = this.client.post()
			.uri(BenchmarkRequests.OPERATION.path())
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.header("accessKey", BenchmarkRequests.ACCOUNT.accessKey())
			.header("ts", ts)
			.header("bizType", BenchmarkRequests.BIZ_TYPE)
			.header("action", BenchmarkRequests.OPERATION.action())
			.header("sign", sign)
			.body(bytes)
			.retrieve()
			.body(byte[].class);
		if (answer == null) {
			return false;
		}
		JsonNode envelope = this.mapper.readTree(answer);
		JsonNode code = envelope.get("code");
		return code != null && code.asInt(-1) == 0;
	}

	@Override
	public void close() {
		this.httpExecutor.shutdownNow();
	}

}
