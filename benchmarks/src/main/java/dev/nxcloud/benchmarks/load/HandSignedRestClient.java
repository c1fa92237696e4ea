package dev.nxcloud.benchmarks.load;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.nxcloud.benchmarks.BenchmarkRequests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.task.VirtualThreadTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * What a user writes without the starter: a blocking {@link RestClient} on the JDK's HTTP client (HTTP/1.1),
 * serialising the body with a plain Jackson mapper, signing it by hand with MD5 on every call and reading
 * {@code code} from the answer. Called from a pool of platform threads, or, {@linkplain #onVirtualThreads(String) on
 * a JDK with virtual threads}, from a virtual thread per call.
 */
public final class HandSignedRestClient implements AutoCloseable {

	private final Executor httpExecutor;

	private final HttpClient httpClient;

	private final RestClient client;

	private final JsonMapper mapper = BenchmarkRequests.plainMapper();

	private final Object body = BenchmarkRequests.wireBody();

	/**
	 * Create a client of a simulator whose HTTP client runs its work on a cached pool of platform threads.
	 * @param baseUrl the simulator's base URL
	 */
	public HandSignedRestClient(String baseUrl) {
		this(baseUrl, Executors.newCachedThreadPool());
	}

	private HandSignedRestClient(String baseUrl, Executor httpExecutor) {
		this.httpExecutor = httpExecutor;
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
	 * Create a client of a simulator as Spring Boot configures the JDK's HTTP client when
	 * {@code spring.threads.virtual.enabled} is set: its work runs on virtual threads. Needs Java 21 or later.
	 * @param baseUrl the simulator's base URL
	 * @return the client
	 * @throws UnsupportedOperationException on a JDK without virtual threads
	 */
	public static HandSignedRestClient onVirtualThreads(String baseUrl) {
		return new HandSignedRestClient(baseUrl, new VirtualThreadTaskExecutor("httpclient-"));
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
		if (this.httpExecutor instanceof ExecutorService pool) {
			pool.shutdownNow();
		}
	}

}
