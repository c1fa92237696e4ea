package dev.nxcloud.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request the simulator received, with what it answered.
 *
 * @param receivedAt when it arrived (simulator clock)
 * @param method the HTTP method
 * @param uri the request URI, with query
 * @param headers the headers in arrival order (name as sent, value)
 * @param body the raw body bytes
 * @param endpoint the endpoint it matched, or {@code null}
 * @param code the {@code code} answered (also by a {@link Fault.ErrorCode}, and -1 by a {@link Fault.RequestFailed}),
 * or {@code null} when the answer was another fault or the path is unknown
 * @param fault the fault applied, or {@code null}
 */
public record RecordedRequest(Instant receivedAt, String method, String uri, List<Map.Entry<String, String>> headers,
		byte[] body, @Nullable Endpoint endpoint, @Nullable Integer code, @Nullable Fault fault) {

	/**
	 * Copies the headers.
	 */
	public RecordedRequest {
		headers = List.copyOf(headers);
	}

	/**
	 * The first value of a header, matched case-insensitively.
	 * @param name the header name
	 * @return the value, or {@code null}
	 */
	public @Nullable String header(String name) {
		return this.headers.stream()
			.filter((h) -> h.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The body as UTF-8 text.
	 * @return the body
	 */
	public String bodyAsString() {
		return new String(this.body, StandardCharsets.UTF_8);
	}

}
