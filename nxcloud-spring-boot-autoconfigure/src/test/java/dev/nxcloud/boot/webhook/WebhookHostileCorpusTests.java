package dev.nxcloud.boot.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudTime;
import dev.nxcloud.boot.autoconfigure.NxCloudWebhookAutoConfiguration;
import dev.nxcloud.simulator.Signatures;
import dev.nxcloud.whatsapp.testsupport.LogCapture;
import dev.nxcloud.whatsapp.testsupport.SteppedClock;
import dev.nxcloud.whatsapp.webhook.NxCloudWebhookEvent;
import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One table of hostile and careless callbacks, each with its expected answer and the number of events it hands over,
 * sent over a raw socket (so that the bytes are exactly the row's) to the real endpoint of both stacks, each on a real
 * server on a random loopback port: WebFlux on Reactor Netty, Spring MVC on an embedded Tomcat. Signature
 * verification is on, as the README asks, and the body limit is the default. The log stays quiet: no stack trace at
 * all, and no {@code WARN} but the handler's refusal warnings, at most one per reason for the whole table.
 */
class WebhookHostileCorpusTests {

	private static final String PATH = "/nxcloud/webhook";

	private static final String KEY = "key1";

	private static final String SECRET = "secret1";

	private static final int LIMIT = 1024 * 1024;

	private static final String[] PROPERTIES = { "nxcloud.webhook.enabled=true", "nxcloud.webhook.verify-signature=true",
			"nxcloud.access-key=" + KEY, "nxcloud.access-secret=" + SECRET };

	private final AtomicInteger ids = new AtomicInteger();

	@Test
	void webFlux() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
			.withUserConfiguration(WebFlux.class, Listener.class)
			.withBean(NxCloudTime.class, WebhookHostileCorpusTests::standingTime)
			.withPropertyValues(PROPERTIES)
			.run((context) -> {
				try (ReactorNettyServer server = ReactorNettyServer.start(context)) {
					runTable(context, (request) -> overSocket(server.port(), request));
				}
			});
	}

	@Test
	void mvc() {
		new WebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(NxCloudAutoConfiguration.class, NxCloudWebhookAutoConfiguration.class))
			.withUserConfiguration(WebMvc.class, Listener.class)
			.withBean(NxCloudTime.class, WebhookHostileCorpusTests::standingTime)
			.withPropertyValues(PROPERTIES)
			.run((context) -> {
				try (TomcatServer server = TomcatServer.start(context)) {
					runTable(context, (request) -> overSocket(server.port(), request));
				}
			});
	}

	/** Time that stands still for the handler, so that its refusal warnings' interval never passes. */
	static NxCloudTime standingTime() {
		return new NxCloudTime(new SteppedClock(), Schedulers.immediate());
	}

	private void runTable(ApplicationContext context, Sender sender) throws Exception {
		List<Row> rows = rows();
		assertThat(rows).hasSizeGreaterThanOrEqualTo(40)
			.anyMatch((row) -> row.status() == 200 && row.events() > 0)
			.anyMatch((row) -> row.status() != 200);
		List<NxCloudWebhookEvent> published = context.getBean(Listener.class).events;
		SoftAssertions softly = new SoftAssertions();
		List<String> warnings = new ArrayList<>();
		for (Row row : rows) {
			published.clear();
			List<String> stackTraces = new ArrayList<>();
			int status = 0;
			try (LogCapture log = LogCapture.everything()) {
				Request request = row.request().get();
				for (int i = 0; i < row.sends(); i++) {
					status = sender.send(request);
				}
				for (ILoggingEvent event : log.events()) {
					if (event.getThrowableProxy() != null) {
						stackTraces.add(event.getLevel() + " " + event.getFormattedMessage());
					}
					if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
						warnings.add(event.getFormattedMessage());
					}
				}
			}
			softly.assertThat(new Outcome(status, published.size(), stackTraces))
				.as(row.name())
				.isEqualTo(new Outcome(row.status(), row.events(), List.of()));
		}
		softly.assertThat(warnings).as("the table's warnings: refusals only, at most one per reason")
			.allMatch((line) -> line.startsWith("Refused an NxCloud webhook callback"))
			.extracting(WebhookHostileCorpusTests::reason)
			.doesNotHaveDuplicates()
			.contains("(401): the signature does not match", "(400): A callback body must be a JSON object");
		softly.assertAll();
	}

	/** A refusal warning's status and reason: what comes before its hint. */
	static String reason(String warning) {
		return warning.substring("Refused an NxCloud webhook callback ".length()).split("[.;]", 2)[0];
	}

	/** The table: the same for both stacks, each row built afresh so that its ids and {@code ts} are new. */
	private List<Row> rows() {
		List<Row> rows = new ArrayList<>();
		// accepted: a properly signed callback hands over exactly its events
		rows.add(new Row("a signed status", () -> signed(status(nextId(), "delivered")), 1, 200, 1));
		rows.add(new Row("a signed inbound text message", () -> signed(message(nextId(), "hello")), 1, 200, 1));
		rows.add(new Row("a signed template status update", () -> signed("{\"field\":\"message_template_status_update\","
				+ "\"value\":{\"event\":\"APPROVED\",\"message_template_id\":" + this.ids.incrementAndGet() + "}}"), 1,
				200, 1));
		rows.add(new Row("a signed account update", () -> signed("{\"field\":\"account_update\",\"value\":{\"event\":"
				+ "\"VERIFIED_ACCOUNT\",\"n\":" + this.ids.incrementAndGet() + "}}"), 1, 200, 1));
		rows.add(new Row("a signed payload of a shape nobody knows",
				() -> signed("{\"surprise\":{\"n\":" + this.ids.incrementAndGet() + "}}"), 1, 200, 1));
		rows.add(new Row("a signed field event of an unknown type",
				() -> signed("{\"field\":\"brand_new_event\",\"value\":{\"n\":" + this.ids.incrementAndGet() + "}}"), 1,
				200, 1));
		rows.add(new Row("a signed status NxCloud might add later", () -> signed(status(nextId(), "exploded")), 1, 200,
				1));
		rows.add(new Row("three signed statuses in one callback", () -> signed("{\"statuses\":[" + statusItem(nextId(),
				"sent") + "," + statusItem(nextId(), "delivered") + "," + statusItem(nextId(), "read") + "]}"), 1, 200,
				3));
		rows.add(new Row("the same status twice in one callback", () -> {
			String item = statusItem(nextId(), "read");
			return signed("{\"statuses\":[" + item + "," + item + "]}");
		}, 1, 200, 1));
		rows.add(new Row("a signed empty object", () -> signed("{}"), 1, 200, 1));
		rows.add(new Row("signature headers named in upper case", () -> {
			Request request = signed(status(nextId(), "read"));
			return request.withHeaders(request.headers()
				.stream()
				.map((header) -> new Header(header.name().toUpperCase(Locale.ROOT), header.value()))
				.toList());
		}, 1, 200, 1));
		rows.add(new Row("the signature in upper-case hex", () -> {
			Request request = signed(status(nextId(), "read"));
			return request.replacing("sign", request.header("sign").toUpperCase(Locale.ROOT));
		}, 1, 200, 1));
		rows.add(new Row("ts in seconds rather than milliseconds",
				() -> signed(bytes(status(nextId(), "read")), KEY, SECRET, Signatures.MD5,
						Long.toString(System.currentTimeMillis() / 1000)),
				1, 200, 1));
		rows.add(new Row("escaped CR/LF and a forged log line inside a signed id",
				() -> signed(status(nextId() + "\\r\\nERROR forged line\\u0000", "read")), 1, 200, 1));
		rows.add(new Row("a signed status with a 500 KB id", () -> signed(status(nextId() + "x".repeat(500_000), "read")),
				1, 200, 1));
		rows.add(new Row("Chinese and emoji in a signed message",
				() -> signed(message(nextId(), "你好 \uD83D\uDE00")), 1, 200, 1));
		rows.add(new Row("a signed callback sent as text/plain",
				() -> signed(status(nextId(), "read")).withContentType("text/plain"), 1, 200, 1));
		rows.add(new Row("a signed callback with no Content-Type",
				() -> signed(status(nextId(), "read")).withContentType(null), 1, 200, 1));
		rows.add(new Row("a duplicated key: the last statuses win", () -> signed("{\"statuses\":[" + statusItem(nextId(),
				"sent") + "," + statusItem(nextId(), "read") + "],\"statuses\":[" + statusItem(nextId(), "read") + "]}"),
				1, 200, 1));
		rows.add(new Row("a signed callback replayed as is within the clock skew: handed over once",
				() -> signed(status(nextId(), "read")), 2, 200, 1));
		// forged, absent or malformed signatures
		rows.add(new Row("no signature headers at all", () -> unsigned(status(nextId(), "read")), 1, 401, 0));
		rows.add(new Row("no sign header", () -> signed(status(nextId(), "read")).without("sign"), 1, 401, 0));
		rows.add(new Row("an empty sign header", () -> signed(status(nextId(), "read")).replacing("sign", ""), 1, 401, 0));
		rows.add(new Row("no ts header", () -> signed(status(nextId(), "read")).without("ts"), 1, 401, 0));
		rows.add(new Row("no accesskey header", () -> signed(status(nextId(), "read")).without("accesskey"), 1, 401, 0));
		rows.add(new Row("signed with another secret",
				() -> signed(bytes(status(nextId(), "read")), KEY, "guessed", Signatures.MD5, now()), 1, 401, 0));
		rows.add(new Row("signed by another account",
				() -> signed(bytes(status(nextId(), "read")), "key2", SECRET, Signatures.MD5, now()), 1, 401, 0));
		rows.add(new Row("signed with SHA-256 where MD5 is configured",
				() -> signed(bytes(status(nextId(), "read")), KEY, SECRET, Signatures.SHA256, now()), 1, 401, 0));
		rows.add(new Row("the body changed after signing", () -> {
			Request request = signed(status(nextId(), "read"));
			return request.withBody(bytes(new String(request.body(), StandardCharsets.UTF_8).replace("read", "failed")));
		}, 1, 401, 0));
		rows.add(new Row("a captured callback whose ts was moved to now", () -> {
			Request request = signed(bytes(status(nextId(), "read")), KEY, SECRET, Signatures.MD5,
					Long.toString(System.currentTimeMillis() - 600_000));
			return request.replacing("ts", now());
		}, 1, 401, 0));
		rows.add(new Row("a sign header of 4 KB", () -> signed(status(nextId(), "read")).replacing("sign", "a".repeat(4_096)),
				1, 401, 0));
		rows.add(new Row("a non-ASCII access key",
				() -> signed(bytes(status(nextId(), "read")), "ключ", SECRET, Signatures.MD5, now()), 1, 401, 0));
		// stale or odd timestamps, properly signed
		rows.add(new Row("a replay ten minutes old", () -> signed(bytes(status(nextId(), "read")), KEY, SECRET,
				Signatures.MD5, Long.toString(System.currentTimeMillis() - 600_000)), 1, 401, 0));
		rows.add(new Row("ts ten minutes ahead", () -> signed(bytes(status(nextId(), "read")), KEY, SECRET,
				Signatures.MD5, Long.toString(System.currentTimeMillis() + 600_000)), 1, 401, 0));
		rows.add(new Row("ts that is not a number",
				() -> signed(bytes(status(nextId(), "read")), KEY, SECRET, Signatures.MD5, "yesterday"), 1, 401, 0));
		rows.add(new Row("a negative ts",
				() -> signed(bytes(status(nextId(), "read")), KEY, SECRET, Signatures.MD5, "-1"), 1, 401, 0));
		rows.add(new Row("a ts of 30 digits",
				() -> signed(bytes(status(nextId(), "read")), KEY, SECRET, Signatures.MD5, "9".repeat(30)), 1, 401, 0));
		// header injection
		rows.add(new Row("CR/LF in the sign header injecting another header",
				() -> signed(status(nextId(), "read")).replacing("sign", "00\r\nX-Injected: 1"), 1, 401, 0));
		rows.add(new Row("CR/LF in accesskey injecting a forged sign", () -> signed(status(nextId(), "read"))
			.without("sign")
			.replacing("accesskey", KEY + "\r\nsign: " + "0".repeat(32)), 1, 401, 0));
		rows.add(new Row("two sign headers, the forged one first", () -> {
			Request request = signed(status(nextId(), "read"));
			List<Header> headers = new ArrayList<>(List.of(new Header("sign", "0".repeat(32))));
			headers.addAll(request.headers());
			return request.withHeaders(headers);
		}, 1, 401, 0));
		// wrong content types and bodies, unsigned
		rows.add(new Row("an unsigned form post", () -> unsigned("statuses=forged").withContentType(
				"application/x-www-form-urlencoded"), 1, 401, 0));
		rows.add(new Row("an unsigned empty body", () -> unsigned(""), 1, 401, 0));
		rows.add(new Row("an unsigned multipart body", () -> unsigned("--b\r\nContent-Disposition: form-data; "
				+ "name=\"a\"\r\n\r\n1\r\n--b--\r\n").withContentType("multipart/form-data; boundary=b"), 1, 401, 0));
		// bodies that are not a JSON object in well-formed UTF-8, properly signed
		rows.add(new Row("a signed empty body", () -> signed(""), 1, 400, 0));
		rows.add(new Row("signed JSON cut short", () -> signed("{\"statuses\":[{\"id\":\"" + nextId()), 1, 400, 0));
		rows.add(new Row("signed XML", () -> signed("<statuses><id>1</id></statuses>").withContentType("application/xml"),
				1, 400, 0));
		rows.add(new Row("a signed form body", () -> signed("statuses=forged").withContentType(
				"application/x-www-form-urlencoded"), 1, 400, 0));
		rows.add(new Row("a signed JSON array", () -> signed("[" + status(nextId(), "read") + "]"), 1, 400, 0));
		rows.add(new Row("a signed JSON string", () -> signed("\"statuses\""), 1, 400, 0));
		rows.add(new Row("a signed JSON null", () -> signed("null"), 1, 400, 0));
		rows.add(new Row("signed JSON with single quotes", () -> signed("{'statuses':[]}"), 1, 400, 0));
		rows.add(new Row("signed JSON with a comment", () -> signed("{/* hi */\"statuses\":[]}"), 1, 400, 0));
		rows.add(new Row("a signed object followed by garbage", () -> signed(status(nextId(), "read") + "}{"), 1, 400, 0));
		rows.add(new Row("33 nested objects", () -> signed("{\"a\":".repeat(33) + "1" + "}".repeat(33)), 1, 400, 0));
		rows.add(new Row("500,000 nested arrays", () -> signed("{\"a\":" + "[".repeat(500_000) + "}"), 1, 400, 0));
		rows.add(new Row("5,000 empty statuses (10,000 tokens and more)",
				() -> signed("{\"statuses\":[" + String.join(",", Collections.nCopies(5_000, "{}")) + "]}"), 1, 400, 0));
		rows.add(new Row("wa_ext texts adding up past the token budget", () -> {
			String item = "{\"id\":\"" + nextId() + "\",\"wa_ext\":\"[" + "1,".repeat(3_000) + "1]\"}";
			return signed("{\"messages\":[" + String.join(",", Collections.nCopies(4, item)) + "]}");
		}, 1, 400, 0));
		rows.add(new Row("a number of 5,000 digits",
				() -> signed("{\"statuses\":[{\"id\":\"" + nextId() + "\",\"timestamp\":" + "9".repeat(5_000) + "}]}"),
				1, 400, 0));
		rows.add(new Row("a raw CR/LF inside a JSON string",
				() -> signed("{\"statuses\":[{\"id\":\"" + nextId() + "\r\nERROR forged\",\"status\":\"read\"}]}"), 1,
				400, 0));
		rows.add(new Row("a raw NUL inside a JSON string",
				() -> signed("{\"statuses\":[{\"id\":\"" + nextId() + "\u0000\",\"status\":\"read\"}]}"), 1, 400, 0));
		rows.add(new Row("an overlong '/' (C0 AF)", () -> signedWithText(0xC0, 0xAF), 1, 400, 0));
		rows.add(new Row("a lone FF byte", () -> signedWithText(0xFF), 1, 400, 0));
		rows.add(new Row("a UTF-16 surrogate encoded in UTF-8 (ED A0 80)", () -> signedWithText(0xED, 0xA0, 0x80), 1,
				400, 0));
		rows.add(new Row("a three-byte character cut after two (E4 BD)", () -> signedWithText(0xE4, 0xBD), 1, 400, 0));
		rows.add(new Row("a lead byte beyond U+10FFFF (F5 80 80 80)", () -> signedWithText(0xF5, 0x80, 0x80, 0x80), 1,
				400, 0));
		rows.add(new Row("an overlong NUL (C0 80)", () -> signedWithText(0xC0, 0x80), 1, 400, 0));
		// too large
		rows.add(new Row("a signed body one byte over the limit",
				() -> signed(ofSize(LIMIT + 1)), 1, 413, 0));
		rows.add(new Row("a signed body of exactly the limit", () -> signed(ofSize(LIMIT)), 1, 200, 1));
		rows.add(new Row("a declared Content-Length of 2 MB, nothing sent",
				() -> unsigned("").declaring(2L * LIMIT), 1, 413, 0));
		rows.add(new Row("a body streamed without a length past the limit",
				() -> signed(ofSize(LIMIT + 1)).withoutLength(), 1, 413, 0));
		// methods other than POST
		for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS")) {
			rows.add(new Row(method + " with a signed status", () -> signed(status(nextId(), "read")).withMethod(method), 1,
					405, 0));
		}
		return rows;
	}

	private String nextId() {
		return "wamid.corpus" + this.ids.incrementAndGet();
	}

	/** A status callback of exactly the given size in bytes, its id padded. */
	private String ofSize(int size) {
		String shape = status(nextId() + "%s", "read");
		return String.format(shape, "x".repeat(size - shape.length() + 2));
	}

	private static String statusItem(String id, String status) {
		return "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"timestamp\":\"1700000000\"}";
	}

	private static String status(String id, String status) {
		return "{\"statuses\":[" + statusItem(id, status) + "],\"business_phone\":\"15550000001\"}";
	}

	private static String message(String id, String text) {
		return "{\"messages\":[{\"id\":\"" + id + "\",\"from\":\"8613800000000\",\"type\":\"text\",\"text\":{\"body\":\""
				+ text + "\"}}],\"contacts\":[{\"wa_id\":\"8613800000000\"}]}";
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String now() {
		return Long.toString(System.currentTimeMillis());
	}

	private static Request unsigned(String body) {
		return new Request("POST", "application/json", List.of(), bytes(body), null, false);
	}

	private static Request signed(String body) {
		return signed(bytes(body), KEY, SECRET, Signatures.MD5, now());
	}

	/** Headers as NxCloud signs them, computed by the simulator's signer, independent of the starter. */
	private static Request signed(byte[] body, String accessKey, String secret, String algorithm, String ts) {
		List<Header> headers = List.of(new Header("accesskey", accessKey), new Header("action", "dr"),
				new Header("biztype", "2"), new Header("ts", ts),
				new Header("sign", Signatures.sign(accessKey, "dr", "2", ts, body, secret, algorithm)));
		return new Request("POST", "application/json", headers, body, null, false);
	}

	/** A signed inbound message whose text holds the given bytes, as they are. */
	private Request signedWithText(int... text) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(bytes("{\"messages\":[{\"id\":\"" + nextId() + "\",\"type\":\"text\",\"text\":{\"body\":\"a"));
		for (int b : text) {
			body.write(b);
		}
		body.writeBytes(bytes("b\"}}]}"));
		return signed(body.toByteArray(), KEY, SECRET, Signatures.MD5, now());
	}

	/** The request written byte for byte on a socket, the answer's status read from its status line. */
	private static int overSocket(int port, Request request) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		head.writeBytes(bytes(request.method() + " " + PATH + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"));
		if (request.contentType() != null) {
			head.writeBytes(bytes("Content-Type: " + request.contentType() + "\r\n"));
		}
		if (request.streamed()) {
			head.writeBytes(bytes("Transfer-Encoding: chunked\r\n"));
		}
		else {
			head.writeBytes(bytes("Content-Length: " + request.contentLength() + "\r\n"));
		}
		for (Header header : request.headers()) {
			head.writeBytes((header.name() + ": " + header.value() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		head.writeBytes(bytes("\r\n"));
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port));
			socket.setSoTimeout(60_000);
			Thread writer = new Thread(() -> write(socket, head.toByteArray(), request), "corpus-writer");
			writer.start();
			String statusLine = readLine(socket.getInputStream());
			writer.join();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Writes the request; the server may answer and close before it has all, which is its right. */
	private static void write(Socket socket, byte[] head, Request request) {
		try {
			OutputStream out = socket.getOutputStream();
			out.write(head);
			if (request.streamed()) {
				for (int offset = 0; offset < request.body().length; offset += 8192) {
					int length = Math.min(8192, request.body().length - offset);
					out.write(bytes(Integer.toHexString(length) + "\r\n"));
					out.write(request.body(), offset, length);
					out.write(bytes("\r\n"));
				}
				out.write(bytes("0\r\n\r\n"));
			}
			else if (request.declaredLength() == null) {
				out.write(request.body());
			}
			out.flush();
		}
		catch (IOException ex) {
			// the server answered and closed first
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("the connection closed before a status line: " + line);
			}
			line.write(b);
		}
		return line.toString(StandardCharsets.ISO_8859_1).strip();
	}

	@FunctionalInterface
	private interface Sender {

		int send(Request request) throws Exception;

	}

	private record Header(String name, String value) {
	}

	/**
	 * A request of the table.
	 *
	 * @param method the method
	 * @param contentType the content type, or {@code null} for none
	 * @param headers the other headers, in order, as sent
	 * @param body the body
	 * @param declaredLength a {@code Content-Length} that differs from the body's (the body is then not sent), or
	 * {@code null}
	 * @param streamed whether the body is sent without a length (chunked)
	 */
	private record Request(String method, @Nullable String contentType, List<Header> headers, byte[] body,
			@Nullable Long declaredLength, boolean streamed) {

		String contentLength() {
			if (this.declaredLength == null) {
				return Integer.toString(this.body.length);
			}
			return Long.toString(this.declaredLength);
		}

		String header(String name) {
			return this.headers.stream().filter((header) -> header.name().equals(name)).findFirst().orElseThrow().value();
		}

		Request withHeaders(List<Header> headers) {
			return new Request(this.method, this.contentType, headers, this.body, this.declaredLength, this.streamed);
		}

		Request replacing(String name, String value) {
			return withHeaders(this.headers.stream()
				.map((header) -> header.name().equals(name) ? new Header(name, value) : header)
				.toList());
		}

		Request without(String name) {
			return withHeaders(this.headers.stream().filter((header) -> !header.name().equals(name)).toList());
		}

		Request withBody(byte[] body) {
			return new Request(this.method, this.contentType, this.headers, body, this.declaredLength, this.streamed);
		}

		Request withContentType(@Nullable String contentType) {
			return new Request(this.method, contentType, this.headers, this.body, this.declaredLength, this.streamed);
		}

		Request withMethod(String method) {
			return new Request(method, this.contentType, this.headers, this.body, this.declaredLength, this.streamed);
		}

		Request declaring(long length) {
			return new Request(this.method, this.contentType, this.headers, this.body, length, this.streamed);
		}

		Request withoutLength() {
			return new Request(this.method, this.contentType, this.headers, this.body, this.declaredLength, true);
		}

	}

	/**
	 * A row of the table.
	 *
	 * @param name what the row tries
	 * @param request builds the request, afresh for each stack
	 * @param sends how many times the same request is sent (more than once for a replay)
	 * @param status the status the last send is answered with
	 * @param events how many events all the sends hand over together
	 */
	private record Row(String name, Supplier<Request> request, int sends, int status, int events) {
	}

	/** What a row did: the last status, the events handed over, and what it logged with a stack trace. */
	private record Outcome(int status, int events, List<String> stackTraces) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	static class WebFlux {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	static class WebMvc {

	}

	static class Listener {

		final List<NxCloudWebhookEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(NxCloudWebhookEvent event) {
			this.events.add(event);
		}

	}

}
