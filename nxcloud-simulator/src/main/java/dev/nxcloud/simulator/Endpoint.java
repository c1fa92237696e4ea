package dev.nxcloud.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The NxCloud endpoints the simulator serves, with the HTTP method, path and {@code action} header each expects.
 */
public enum Endpoint {

	/** {@code POST /api/wa/integrator/embedded/register/createApp}. */
	CREATE_APP("POST", "/api/wa/integrator/embedded/register/createApp", "createApp"),

	/** {@code POST /api/wa/otp}. */
	OTP("POST", "/api/wa/otp", "mt"),

	/** {@code POST /api/wa/getPhone}. */
	GET_PHONE("POST", "/api/wa/getPhone", "getPhone"),

	/** {@code POST /api/wa/mt}, the general send. */
	MT("POST", "/api/wa/mt", "mt"),

	/** {@code GET /saas/wa/template/{phone}}. */
	TEMPLATE_LIST("GET", "/saas/wa/template/{phone}", "mt"),

	/** {@code POST /saas/wa/template/{phone}}. */
	TEMPLATE_CREATE("POST", "/saas/wa/template/{phone}", "mt"),

	/** {@code PUT /saas/wa/template/{phone}}. */
	TEMPLATE_UPDATE("PUT", "/saas/wa/template/{phone}", "mt"),

	/** {@code GET /saas/wa/template/{phone}/{id}}. */
	TEMPLATE_DETAIL("GET", "/saas/wa/template/{phone}/{id}", "mt"),

	/** {@code DELETE /saas/wa/template/{phone}/{id}}. */
	TEMPLATE_DELETE("DELETE", "/saas/wa/template/{phone}/{id}", "mt"),

	/** {@code GET /saas/wa/flow/{phone}}. */
	FLOW_LIST("GET", "/saas/wa/flow/{phone}", "mt"),

	/** {@code POST /saas/wa/media/{phone}} (multipart). */
	MEDIA_UPLOAD("POST", "/saas/wa/media/{phone}", "mt"),

	/** {@code POST /saas/wa/send}, template messages only. */
	SAAS_SEND("POST", "/saas/wa/send", "mt");

	private final String method;

	private final String pathTemplate;

	private final String action;

	private final String[] segments;

	Endpoint(String method, String pathTemplate, String action) {
		this.method = method;
		this.pathTemplate = pathTemplate;
		this.action = action;
		this.segments = pathTemplate.split("/", -1);
	}

	/**
	 * The HTTP method.
	 * @return e.g. {@code POST}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The path, with {@code {phone}} and {@code {id}} placeholders.
	 * @return the path template
	 */
	public String pathTemplate() {
		return this.pathTemplate;
	}

	/**
	 * The {@code action} header NxCloud requires.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * Whether this is a SaaS ({@code api.nxcloud.com/saas}) endpoint, with the 21xxx/22xxx error codes.
	 * @return whether it is a SaaS endpoint
	 */
	public boolean isSaas() {
		return this.pathTemplate.startsWith("/saas/");
	}

	/**
	 * The {@code Content-Type} the endpoint's page requires of the request body. GET and DELETE requests carry no
	 * body, so none is required of them although their pages name {@code application/json}.
	 * @return the media type, or {@code null} for an endpoint without a body
	 */
	@Nullable String bodyContentType() {
		if (!this.method.equals("POST") && !this.method.equals("PUT")) {
			return null;
		}
		return (this == MEDIA_UPLOAD) ? "multipart/form-data" : "application/json";
	}

	/**
	 * The path variables if the path matches this endpoint's template (the method is not checked).
	 * @param path the request path, without query
	 * @return the variables, or {@code null} if it does not match
	 */
	@Nullable Map<String, String> match(String path) {
		String[] parts = path.split("/", -1);
		if (parts.length != this.segments.length) {
			return null;
		}
		Map<String, String> variables = new LinkedHashMap<>();
		for (int i = 0; i < parts.length; i++) {
			String segment = this.segments[i];
			if (segment.startsWith("{")) {
				variables.put(segment.substring(1, segment.length() - 1),
						URLDecoder.decode(parts[i], StandardCharsets.UTF_8));
			}
			else if (!segment.equals(parts[i])) {
				return null;
			}
		}
		return variables;
	}

}
