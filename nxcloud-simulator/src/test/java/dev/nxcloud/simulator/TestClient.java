package dev.nxcloud.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny hand-written NxCloud client for the tests: signs per reference §1.3 and sends exactly the signed bytes.
 */
final class TestClient implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	private final String accessKey;

	private final String secret;

	private final ConnectionProvider provider = ConnectionProvider.create("test-client", 64);

	private final HttpClient http;

	TestClient(String baseUrl, String accessKey, String secret) {
		this.baseUrl = baseUrl;
		this.accessKey = accessKey;
		this.secret = secret;
		this.http = HttpClient.create(this.provider).responseTimeout(Duration.ofSeconds(5));
	}

	TestClient(NxCloudSimulator sim) {
		this(sim.baseUrl(), sim.demoAccount().accessKey(), sim.demoAccount().accessSecret());
	}

	HttpClient http() {
		return this.http;
	}

	static String sign(String accessKey, String action, String bizType, String ts, byte[] body, String secret,
			String algorithm) {
		try {
			MessageDigest digest = MessageDigest.getInstance(algorithm.equals("sha256") ? "SHA-256" : "MD5");
			StringBuilder text = new StringBuilder();
			text.append("accessKey=").append(accessKey).append("&action=").append(action).append("&bizType=")
				.append(bizType).append("&ts=").append(ts);
			digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
			if (body.length > 0) {
				digest.update("&body=".getBytes(StandardCharsets.UTF_8));
				digest.update(body);
			}
			digest.update(("&accessSecret=" + secret).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The signed headers for a request; tests may tamper with them before sending. */
	Map<String, String> headers(String action, byte[] signedBody) {
		String ts = Long.toString(System.currentTimeMillis());
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("accessKey", this.accessKey);
		headers.put("ts", ts);
		headers.put("bizType", "2");
		headers.put("action", action);
		headers.put("sign", sign(this.accessKey, action, "2", ts, signedBody, this.secret, "md5"));
		return headers;
	}

	Response post(String path, String action, String json) {
		return call(HttpMethod.POST, path, action, json, (headers) -> {
		});
	}

	Response get(String path) {
		return call(HttpMethod.GET, path, "mt", "", (headers) -> {
		});
	}

	Response call(HttpMethod method, String path, String action, String json, Consumer<Map<String, String>> tamper) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		Map<String, String> headers = headers(action, body);
		tamper.accept(headers);
		return raw(method, path, headers, body, "application/json");
	}

	/** Uploads a file for a business phone of tenant 1, signed without a body as NxCloud's upload page says. */
	Response upload(String phone, String filename, String mimeType, String content) {
		String boundary = "----simboundary";
		String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"tenant_id\"\r\n\r\n1\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
				+ "Content-Type: " + mimeType + "\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return raw(HttpMethod.POST, "/saas/wa/media/" + phone, headers("mt", new byte[0]),
				multipart.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=" + boundary);
	}

	/** Sends exactly these headers and bytes; a {@code null} content type sends no Content-Type header. */
	Response raw(HttpMethod method, String path, Map<String, String> headers, byte[] body,
			@Nullable String contentType) {
		return this.http.headers((h) -> {
			headers.forEach(h::set);
			if (contentType != null) {
				h.set("Content-Type", contentType);
			}
		})
			.request(method)
			.uri(this.baseUrl + path)
			.send((request, outbound) -> (body.length == 0) ? outbound
					: outbound.send(ByteBufFlux.fromInbound(Mono.just(body))))
			.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> new Response(response.status().code(), text, response.responseHeaders())))
			.block(Duration.ofSeconds(10));
	}

	@Override
	public void close() {
		this.provider.disposeLater().block(Duration.ofSeconds(5));
	}

	record Response(int status, String body, HttpHeaders headers) {

		@Nullable String header(String name) {
			return this.headers.get(name);
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		int code() {
			return json().get("code").asInt();
		}

		JsonNode data() {
			return json().get("data");
		}

	}

}
