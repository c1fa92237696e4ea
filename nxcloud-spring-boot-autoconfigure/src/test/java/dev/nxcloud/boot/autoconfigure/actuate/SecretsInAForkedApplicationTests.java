package dev.nxcloud.boot.autoconfigure.actuate;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Starts an application in a JVM of its own, given each secret the way the issue found it leaking: the access secret
 * on the command line ({@code sun.java.command}), the webhook secret in the {@code SPRING_APPLICATION_JSON}
 * environment variable, the proxy password in {@code JAVA_TOOL_OPTIONS} (which the JVM applies) and again in a
 * launcher script's {@code JAVA_OPTS}. Its real {@code env} and {@code configprops} endpoints, showing values, must
 * show none of them, and still show what is not secret.
 */
class SecretsInAForkedApplicationTests {

	private static final String ACCESS_SECRET = "accessCore3Fk8";

	private static final String WEBHOOK_SECRET = "webhookCore4Gm9";

	private static final String PROXY_PASSWORD = "proxyCore5Hn0";

	private static final String PLAIN = "visiblePlain-47";

	private Process application;

	private final List<String> output = new CopyOnWriteArrayList<>();

	@BeforeEach
	void start() throws IOException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx192m", "-XX:TieredStopAtLevel=1", "-cp",
				classPath(), ForkedApplication.class.getName(),
				"--nxcloud.access-secret=" + ACCESS_SECRET, "--nxcloud.access-key=visibleAccessKey-48",
				"--nxcloud.webhook.enabled=true", "--nxcloud.webhook.verify-signature=true", "--app.note=" + PLAIN,
				"--server.port=0", "--server.address=127.0.0.1", "--spring.main.banner-mode=off",
				"--management.endpoints.web.exposure.include=env,configprops",
				"--management.endpoint.env.show-values=always",
				"--management.endpoint.configprops.show-values=always")
			.redirectErrorStream(true);
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("SPRING") || name.startsWith("JAVA")
				|| name.startsWith("JDK") || name.startsWith("NXCLOUD"));
		environment.put("SPRING_APPLICATION_JSON",
				"{\"nxcloud\":{\"webhook\":{\"access-secret\":\"" + WEBHOOK_SECRET + "\"}}}");
		environment.put("JAVA_TOOL_OPTIONS", "-Dnxcloud.http.proxy.host=127.0.0.1 -Dnxcloud.http.proxy.port=9"
				+ " -Dnxcloud.http.proxy.username=visibleProxyUser-49 -Dnxcloud.http.proxy.password=" + PROXY_PASSWORD);
		environment.put("JAVA_OPTS", "-Xmx1g -Dnxcloud.access-secret=" + ACCESS_SECRET);
		environment.put("PLAIN_SETTING", PLAIN);
		this.application = builder.start();
	}

	@AfterEach
	void stop() {
		this.application.destroyForcibly();
	}

	@Test
	void envAndConfigpropsShowNoSecretWhereverItWasGiven() {
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + awaitPort())
			.responseTimeout(Duration.ofSeconds(30))
			.build();
		for (String key : List.of("sun.java.command", "SPRING_APPLICATION_JSON", "JAVA_TOOL_OPTIONS", "JAVA_OPTS")) {
			client.get()
				.uri("/actuator/env/{key}", key)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.property.value")
				.isEqualTo("******");
		}
		client.get()
			.uri("/actuator/env/PLAIN_SETTING")
			.exchange()
			.expectBody()
			.jsonPath("$.property.value")
			.isEqualTo(PLAIN);
		String env = SecretsInsideOtherValuesTests.body(client, "/actuator/env");
		String configprops = SecretsInsideOtherValuesTests.body(client, "/actuator/configprops");
		assertThat(env).contains("commandLineArgs", "systemProperties", "systemEnvironment", "app.note",
				"nxcloud.http.proxy.password", "visibleProxyUser-49", "visibleAccessKey-48", PLAIN);
		assertThat(configprops).contains("nxcloud.webhook", "nxcloud.http", "visibleProxyUser-49",
				"visibleAccessKey-48");
		for (String secret : List.of(ACCESS_SECRET, WEBHOOK_SECRET, PROXY_PASSWORD)) {
			assertThat(env).doesNotContain(secret);
			assertThat(configprops).doesNotContain(secret);
		}
	}

	/** The tests' class path, and the web server that the build keeps off it (already on it in an IDE). */
	private static String classPath() {
		String serverJar = System.getProperty("forked-application.server-jar");
		String classPath = System.getProperty("java.class.path");
		return (serverJar != null) ? classPath + File.pathSeparator + serverJar : classPath;
	}

	private int awaitPort() {
		return assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
			BufferedReader lines = new BufferedReader(
					new InputStreamReader(this.application.getInputStream(), StandardCharsets.UTF_8));
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				this.output.add(line);
				if (line.startsWith(ForkedApplication.PORT_ANNOUNCEMENT)) {
					return Integer.parseInt(line.substring(ForkedApplication.PORT_ANNOUNCEMENT.length()));
				}
			}
			throw new AssertionError("The application ended without starting:\n" + String.join("\n", this.output));
		}, () -> "The application did not start:\n" + String.join("\n", this.output));
	}

}
