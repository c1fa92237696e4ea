package dev.nxcloud.boot.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP link on a loopback port to the tests' Redis, that a test cuts to make Redis go away mid-run and restores: cut,
 * the open connections are closed and new ones refused, as when the server stops; restored, the same port accepts
 * again, as when it is back. Replies can be held back too, so that Redis applies a command whose answer never
 * arrives.
 */
public final class RedisLink implements AutoCloseable {

	private final int target;

	private final int port;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

	private ServerSocket server;

	private volatile boolean holdReplies;

	public RedisLink(int target) {
		this.target = target;
		this.server = listen(0);
		this.port = this.server.getLocalPort();
		accept(this.server);
	}

	public int port() {
		return this.port;
	}

	/**
	 * Pass commands on to Redis but drop its replies, until {@link #restore()}.
	 */
	public void holdReplies() {
		this.holdReplies = true;
	}

	/**
	 * Close every connection and refuse new ones.
	 */
	public synchronized void cut() {
		closeQuietly(this.server);
		this.sockets.forEach(RedisLink::closeQuietly);
		this.sockets.clear();
	}

	/**
	 * Accept connections again, on the same port.
	 */
	public synchronized void restore() {
		this.holdReplies = false;
		this.server = listen(this.port);
		accept(this.server);
	}

	@Override
	public void close() {
		cut();
		this.executor.shutdownNow();
	}

	private static ServerSocket listen(int port) {
		try {
			ServerSocket server = new ServerSocket();
			server.setReuseAddress(true);
			server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void accept(ServerSocket server) {
		this.executor.execute(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket redis = new Socket(InetAddress.getLoopbackAddress(), this.target);
					this.sockets.add(client);
					this.sockets.add(redis);
					this.executor.execute(() -> pipe(client, redis, false));
					this.executor.execute(() -> pipe(redis, client, true));
				}
				catch (IOException ex) {
					// closed by cut()
				}
			}
		});
	}

	private void pipe(Socket from, Socket to, boolean replies) {
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (replies && this.holdReplies) {
					continue;
				}
				out.write(buffer, 0, read);
				out.flush();
			}
		}
		catch (IOException ex) {
			// one side closed
		}
		finally {
			closeQuietly(from);
			closeQuietly(to);
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}

}
