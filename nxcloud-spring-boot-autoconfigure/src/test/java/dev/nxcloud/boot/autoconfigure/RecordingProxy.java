package dev.nxcloud.boot.autoconfigure;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.jspecify.annotations.Nullable;

/**
 * A proxy on a random loopback port that records every request it receives: HTTP {@code CONNECT} tunnels (Reactor
 * Netty), HTTP absolute-form requests (the JDK's {@code HttpClient} for {@code http://} targets) and SOCKS5
 * {@code CONNECT}s. With credentials it refuses a request without them: HTTP 407 with a Basic challenge, or a failed
 * SOCKS5 user name and password authentication.
 */
final class RecordingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final List<Passage> passages = new CopyOnWriteArrayList<>();

	private final @Nullable String expectedCredentials;

	RecordingProxy() {
		this(null, null);
	}

	RecordingProxy(@Nullable String username, @Nullable String password) {
		this.expectedCredentials = (username != null) ? username + ":" + password : null;
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.executor.execute(this::accept);
	}

	int port() {
		return this.server.getLocalPort();
	}

	/**
	 * What came through, oldest first.
	 * @return the requests received
	 */
	List<Passage> passages() {
		return List.copyOf(this.passages);
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket client = this.server.accept();
				this.executor.execute(() -> serve(client));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			InputStream in = new BufferedInputStream(client.getInputStream());
			in.mark(1);
			if (in.read() == 5) {
				socks5(client, new DataInputStream(in));
				return;
			}
			in.reset();
			Head head = Head.read(in);
			if (head == null) {
				return;
			}
			String[] requestLine = head.firstLine().split(" ");
			String authorization = head.header("Proxy-Authorization");
			this.passages.add(new Passage(requestLine[0], requestLine[1], authorization));
			OutputStream out = client.getOutputStream();
			if (this.expectedCredentials != null && !basic(this.expectedCredentials).equals(authorization)) {
				out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
						+ "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
				return;
			}
			if (requestLine[0].equals("CONNECT")) {
				URI target = URI.create("tcp://" + requestLine[1]);
				tunnel(client, in, target.getHost(), target.getPort(),
						"HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			else {
				forward(in, out, requestLine, head);
			}
		}
		catch (IOException ex) {
			// the client or the target went away
		}
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	// RFC 1928 and RFC 1929, CONNECT only; the version byte is read
	private void socks5(Socket client, DataInputStream in) throws IOException {
		OutputStream out = client.getOutputStream();
		in.readNBytes(in.readUnsignedByte());
		String credentials = null;
		if (this.expectedCredentials != null) {
			out.write(new byte[] { 5, 2 });
			in.readUnsignedByte();
			String username = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
			String password = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.UTF_8);
			credentials = username + ":" + password;
			boolean accepted = credentials.equals(this.expectedCredentials);
			out.write(new byte[] { 1, (byte) (accepted ? 0 : 1) });
			if (!accepted) {
				this.passages.add(new Passage("SOCKS5", "(refused)", credentials));
				return;
			}
		}
		else {
			out.write(new byte[] { 5, 0 });
		}
		in.readNBytes(3);
		String host = switch (in.readUnsignedByte()) {
			case 1 -> InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
			case 3 -> new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
			case 4 -> InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
			default -> throw new IOException("Unknown address type");
		};
		int port = in.readUnsignedShort();
		this.passages.add(new Passage("SOCKS5", host + ":" + port, credentials));
		tunnel(client, in, host, port, new byte[] { 5, 0, 0, 1, 0, 0, 0, 0, 0, 0 });
	}

	private void tunnel(Socket client, InputStream in, String host, int port, byte[] established) throws IOException {
		try (Socket upstream = new Socket(host, port)) {
			client.getOutputStream().write(established);
			this.executor.execute(() -> pipe(in, upstream));
			pipe(upstream.getInputStream(), client);
		}
	}

	private static void pipe(InputStream from, Socket to) {
		try {
			from.transferTo(to.getOutputStream());
			to.shutdownOutput();
		}
		catch (IOException ex) {
			// one side closed
		}
	}

	// One request per connection: the request goes on with 'Connection: close', the response comes back with it
	private void forward(InputStream in, OutputStream out, String[] requestLine, Head head) throws IOException {
		URI target = URI.create(requestLine[1]);
		String contentLength = head.header("Content-Length");
		byte[] body = in.readNBytes((contentLength != null) ? Integer.parseInt(contentLength.trim()) : 0);
		try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
			StringBuilder request = new StringBuilder(requestLine[0] + " " + target.getRawPath()
					+ ((target.getRawQuery() != null) ? "?" + target.getRawQuery() : "") + " " + requestLine[2] + "\r\n");
			head.headers()
				.stream()
				.filter((line) -> !line.toLowerCase(Locale.ROOT).startsWith("proxy-")
						&& !line.toLowerCase(Locale.ROOT).startsWith("connection:"))
				.forEach((line) -> request.append(line).append("\r\n"));
			request.append("Connection: close\r\n\r\n");
			OutputStream upstreamOut = upstream.getOutputStream();
			upstreamOut.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			upstreamOut.write(body);
			upstreamOut.flush();
			InputStream upstreamIn = new BufferedInputStream(upstream.getInputStream());
			Head response = Head.read(upstreamIn);
			if (response == null) {
				return;
			}
			StringBuilder responseHead = new StringBuilder(response.firstLine() + "\r\n");
			response.headers()
				.stream()
				.filter((line) -> !line.toLowerCase(Locale.ROOT).startsWith("connection:"))
				.forEach((line) -> responseHead.append(line).append("\r\n"));
			responseHead.append("Connection: close\r\n\r\n");
			out.write(responseHead.toString().getBytes(StandardCharsets.ISO_8859_1));
			upstreamIn.transferTo(out);
			out.flush();
		}
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.executor.shutdownNow();
	}

	/**
	 * A request received by the proxy.
	 *
	 * @param method the HTTP method ({@code CONNECT} for a tunnel), or {@code SOCKS5}
	 * @param target the request target: {@code host:port} for a tunnel, the absolute URI otherwise
	 * @param authorization the {@code Proxy-Authorization} header, or the SOCKS5 {@code user:password}, if any
	 */
	record Passage(String method, String target, @Nullable String authorization) {
	}

	private record Head(String firstLine, List<String> headers) {

		static @Nullable Head read(InputStream in) throws IOException {
			String firstLine = line(in);
			if (firstLine == null || firstLine.isEmpty()) {
				return null;
			}
			List<String> headers = new ArrayList<>();
			for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
				headers.add(line);
			}
			return new Head(firstLine, headers);
		}

		private static @Nullable String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != -1; b = in.read()) {
				if (b == '\n') {
					return line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
				}
				line.write(b);
			}
			return (line.size() > 0) ? line.toString(StandardCharsets.ISO_8859_1) : null;
		}

		@Nullable String header(String name) {
			String prefix = name.toLowerCase(Locale.ROOT) + ":";
			return this.headers.stream()
				.filter((line) -> line.toLowerCase(Locale.ROOT).startsWith(prefix))
				.map((line) -> line.substring(prefix.length()).trim())
				.findFirst()
				.orElse(null);
		}

	}

}
