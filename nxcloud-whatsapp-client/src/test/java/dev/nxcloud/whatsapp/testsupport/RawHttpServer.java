package dev.nxcloud.whatsapp.testsupport;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP/1.1 server on a random loopback port, on a plain socket, that records each request as it came over the
 * wire: the request head byte for byte (header names in the case they were sent), whether the body was framed by a
 * {@code Content-Length} or chunked, and the body. Every request is answered with NxCloud's success envelope and the
 * connection closed.
 */
public final class RawHttpServer implements AutoCloseable {

	private static final byte[] RESPONSE_BODY = "{\"code\":0,\"message\":\"Request successful\",\"data\":null}"
		.getBytes(StandardCharsets.UTF_8);

	private final ServerSocket socket;

	private final Thread acceptor;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	public RawHttpServer() {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.acceptor = new Thread(this::accept, "raw-http-server");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.socket.getLocalPort();
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public Request lastRequest() {
		return this.requests.get(this.requests.size() - 1);
	}

	private void accept() {
		while (!this.socket.isClosed()) {
			try (Socket connection = this.socket.accept()) {
				handle(connection);
			}
			catch (SocketException ex) {
				// closed
			}
			catch (IOException ex) {
				// the client went away mid-request: nothing to record
			}
		}
	}

	private void handle(Socket connection) throws IOException {
		InputStream in = new BufferedInputStream(connection.getInputStream());
		String head = readHead(in);
		List<String> lines = List.of(head.split("\r\n"));
		String[] requestLine = lines.get(0).split(" ");
		List<Header> headers = new ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			int colon = line.indexOf(':');
			headers.add(new Header(line.substring(0, colon), line.substring(colon + 1).strip()));
		}
		Request partial = new Request(requestLine[0], URI.create(requestLine[1]), head, headers, false, new byte[0]);
		String transferEncoding = partial.headerIgnoringCase("Transfer-Encoding");
		boolean chunked = transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
		String contentLength = partial.headerIgnoringCase("Content-Length");
		byte[] body = chunked ? readChunked(in)
				: (contentLength != null) ? in.readNBytes(Integer.parseInt(contentLength)) : new byte[0];
		this.requests.add(new Request(partial.method(), partial.uri(), head, headers, chunked, body));
		OutputStream out = connection.getOutputStream();
		out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + RESPONSE_BODY.length
				+ "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(RESPONSE_BODY);
		out.flush();
	}

	private static String readHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		int matched = 0;
		byte[] end = { '\r', '\n', '\r', '\n' };
		while (matched < end.length) {
			int b = in.read();
			if (b < 0) {
				throw new EOFException("connection closed within the request head");
			}
			head.write(b);
			matched = (b == end[matched]) ? matched + 1 : (b == end[0]) ? 1 : 0;
		}
		String text = head.toString(StandardCharsets.ISO_8859_1);
		return text.substring(0, text.length() - end.length);
	}

	private static byte[] readChunked(InputStream in) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		while (true) {
			String sizeLine = readLine(in);
			int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
			if (size == 0) {
				while (!readLine(in).isEmpty()) {
					// trailers
				}
				return body.toByteArray();
			}
			body.write(in.readNBytes(size));
			readLine(in);
		}
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		while (true) {
			int b = in.read();
			if (b < 0) {
				throw new EOFException("connection closed within a chunk");
			}
			if (previous == '\r' && b == '\n') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
			previous = b;
		}
	}

	@Override
	public void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

	/** A header line as sent: the name in its original case. */
	public record Header(String name, String value) {
	}

	/**
	 * A request as it came over the wire.
	 *
	 * @param method the method
	 * @param uri the request target
	 * @param head the request line and header lines, as sent, without the blank line that ends them
	 * @param headers the header lines, in order, names as sent
	 * @param chunked whether the body came with {@code Transfer-Encoding: chunked}
	 * @param body the body, de-chunked
	 */
	public record Request(String method, URI uri, String head, List<Header> headers, boolean chunked, byte[] body) {

		/** The names of the headers, in order and case as sent. */
		public List<String> headerNames() {
			return this.headers.stream().map(Header::name).toList();
		}

		/** A header's value, its name matched in any case, as HTTP reads it. */
		public String headerIgnoringCase(String name) {
			return this.headers.stream()
				.filter((header) -> header.name().equalsIgnoreCase(name))
				.map(Header::value)
				.findFirst()
				.orElse(null);
		}

		/** The request as the {@link RecordingServer} records it, for the checks written against that. */
		public RecordingServer.Recorded recorded() {
			Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			this.headers.forEach((header) -> byName.merge(header.name(), header.value(), (a, b) -> a + "," + b));
			return new RecordingServer.Recorded(this.method, this.uri, byName, this.body);
		}

	}

}
