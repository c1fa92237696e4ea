package dev.nxcloud.whatsapp;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpMethod;

/**
 * Every NxCloud endpoint the client calls: its group, name, host, method, path and signed {@code action}, and
 * whether repeating it is free of side effects.
 */
public enum NxCloudOperation {

	/** Create a customer app (integrators only). */
	CREATE_APP("integrator", "createApp", Host.API, HttpMethod.POST, "/api/wa/integrator/embedded/register/createApp",
			"createApp", false),

	/** Send a one-time password. */
	SEND_OTP("otp", "sendOtp", Host.API, HttpMethod.POST, "/api/wa/otp", "mt", false),

	/** Query business phone information. */
	GET_PHONE("phone", "getPhone", Host.API, HttpMethod.POST, "/api/wa/getPhone", "getPhone", true),

	/** List templates, one page. */
	LIST_TEMPLATES("template", "listTemplates", Host.SAAS, HttpMethod.GET, "/saas/wa/template/{phone}", "mt", true),

	/** Create a template. */
	CREATE_TEMPLATE("template", "createTemplate", Host.SAAS, HttpMethod.POST, "/saas/wa/template/{phone}", "mt",
			false),

	/** Update a template. */
	UPDATE_TEMPLATE("template", "updateTemplate", Host.SAAS, HttpMethod.PUT, "/saas/wa/template/{phone}", "mt",
			false),

	/** Get one template's details. */
	GET_TEMPLATE("template", "getTemplate", Host.SAAS, HttpMethod.GET, "/saas/wa/template/{phone}/{id}", "mt", true),

	/** Delete a template. */
	DELETE_TEMPLATE("template", "deleteTemplate", Host.SAAS, HttpMethod.DELETE, "/saas/wa/template/{phone}/{id}",
			"mt", false),

	/** List WhatsApp flows (forms). */
	LIST_FLOWS("flow", "listFlows", Host.SAAS, HttpMethod.GET, "/saas/wa/flow/{phone}", "mt", true),

	/** Upload media for template examples. */
	UPLOAD_MEDIA("media", "uploadMedia", Host.SAAS, HttpMethod.POST, "/saas/wa/media/{phone}", "mt", false),

	/** Send a template message through the SaaS host. */
	SEND_TEMPLATE_MESSAGE("message", "sendTemplateMessage", Host.SAAS, HttpMethod.POST, "/saas/wa/send", "mt",
			false),

	/** Send any message type through the WhatsApp API host. */
	SEND_MESSAGE("message", "sendMessage", Host.API, HttpMethod.POST, "/api/wa/mt", "mt", false);

	private static final Map<String, NxCloudOperation> BY_NAME = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(NxCloudOperation::operationName, Function.identity()));

	private final String group;

	private final String operationName;

	private final Host host;

	private final HttpMethod method;

	private final String path;

	private final String action;

	private final boolean readOnly;

	NxCloudOperation(String group, String operationName, Host host, HttpMethod method, String path, String action,
			boolean readOnly) {
		this.group = group;
		this.operationName = operationName;
		this.host = host;
		this.method = method;
		this.path = path;
		this.action = action;
		this.readOnly = readOnly;
	}

	/**
	 * The endpoint group, for example {@code template}.
	 * @return the group
	 */
	public String group() {
		return this.group;
	}

	/**
	 * The operation's name, for example {@code listTemplates}.
	 * @return the name used in logs, exceptions and metrics
	 */
	public String operationName() {
		return this.operationName;
	}

	/**
	 * Which of NxCloud's two hosts serves the operation.
	 * @return the host
	 */
	public Host host() {
		return this.host;
	}

	/**
	 * The HTTP method.
	 * @return the method
	 */
	public HttpMethod method() {
		return this.method;
	}

	/**
	 * The path template, relative to the host's base URL.
	 * @return the path, with {@code {…}} variables
	 */
	public String path() {
		return this.path;
	}

	/**
	 * The value of the signed {@code action} header.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

	/**
	 * Whether the operation only reads, so that repeating it has no side effect.
	 * @return {@code true} for reads
	 */
	public boolean isReadOnly() {
		return this.readOnly;
	}

	/**
	 * The operation with the given name.
	 * @param operationName a name as returned by {@link #operationName()}
	 * @return the operation, or empty for an unknown name
	 */
	public static Optional<NxCloudOperation> named(String operationName) {
		return Optional.ofNullable(BY_NAME.get(operationName));
	}

	/**
	 * NxCloud's two hosts.
	 */
	public enum Host {

		/** The WhatsApp API host ({@link NxCloudConnection#getApiUrl()}). */
		API,

		/** The SaaS host ({@link NxCloudConnection#getSaasUrl()}). */
		SAAS;

		/**
		 * This host's base URL in the given connection.
		 * @param connection the connection
		 * @return the base URL
		 */
		public String baseUrl(NxCloudConnection connection) {
			return (this == API) ? connection.getApiUrl() : connection.getSaasUrl();
		}

	}

}
