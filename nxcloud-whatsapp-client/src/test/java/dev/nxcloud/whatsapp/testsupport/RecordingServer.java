package dev.nxcloud.whatsapp.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server on a random loopback port that records each request's raw bytes and answers with queued
 * responses (or {@code {"code":0,...}} when none is queued).
 */
public final class RecordingServer implements AutoCloseable {

	private final HttpServer server;

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final Deque<Reply> replies = new ArrayDeque<>();

	private final CountDownLatch never = new CountDownLatch(1);

	public RecordingServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
		this.server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Queue a 200 JSON reply. */
	public RecordingServer reply(String json) {
		return reply(200, "application/json", json);
	}

	public synchronized RecordingServer reply(int status, String contentType, String body) {
		this.replies.add(new Reply(status, contentType, body, false));
		return this;
	}

	/** Queue a reply that never comes: the request is read and the connection held open. */
	public synchronized RecordingServer noReply() {
		this.replies.add(new Reply(0, "", "", true));
		return this;
	}

	public List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	public Recorded lastRequest() {
		return this.requests.get(this.requests.size() - 1);
	}

	private synchronized Reply nextReply() {
		Reply reply = this.replies.poll();
		return (reply != null) ? reply
				: new Reply(200, "application/json", "{\"code\":0,\"message\":\"Request successful\",\"data\":null}",
						false);
	}

	private void handle(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
		this.requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI(), headers, body));
		Reply reply = nextReply();
		if (reply.hang()) {
			try {
				this.never.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return;
		}
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", reply.contentType());
		exchange.sendResponseHeaders(reply.status(), (bytes.length == 0) ? -1 : bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.never.countDown();
		this.server.stop(0);
		((java.util.concurrent.ExecutorService) this.server.getExecutor()).shutdownNow();
	}

	/** A request as received. */
	public record Recorded(String method, URI uri, Map<String, String> headers, byte[] body) {

		public String header(String name) {
			return this.headers.get(name);
		}

		public String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public String path() {
			return this.uri.getRawPath();
		}

		public List<String> headerNames() {
			return new ArrayList<>(this.headers.keySet());
		}

	}

	private record Reply(int status, String contentType, String body, boolean hang) {
	}

}
