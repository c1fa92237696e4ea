package dev.nxcloud.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HTTP settings of the connector that NxCloud's clients use, and of no other client in the application
 * ({@code nxcloud.http.*}). Whatever is not set here comes from the application's HTTP client settings
 * ({@code spring.http.clients.*}).
 */
@ConfigurationProperties("nxcloud.http")
public class NxCloudHttpProperties {

	private final Proxy proxy = new Proxy();

	private final Ssl ssl = new Ssl();

	private final Pool pool = new Pool();

	public Proxy getProxy() {
		return this.proxy;
	}

	public Ssl getSsl() {
		return this.ssl;
	}

	public Pool getPool() {
		return this.pool;
	}

	/**
	 * The proxy that NxCloud's calls go through. Used when a host is set.
	 */
	public static class Proxy {

		/**
		 * Protocol of the proxy: 'http' (HTTP CONNECT, or absolute-form requests on the JDK connector) or 'socks5'.
		 * HTTP when not set.
		 */
		private @Nullable Type type;

		/**
		 * Host name or address of the proxy.
		 */
		private @Nullable String host;

		/**
		 * Port of the proxy.
		 */
		private @Nullable Integer port;

		/**
		 * User name to authenticate to the proxy with.
		 */
		private @Nullable String username;

		/**
		 * Password to authenticate to the proxy with. Never logged or exposed.
		 */
		private @Nullable String password;

		/**
		 * Hosts that NxCloud's calls reach directly, not through the proxy: names or addresses, with '*' standing for
		 * any characters wherever it appears (for example 'localhost', '*.internal', '10.*', 'api-*.corp.example'),
		 * compared ignoring case.
		 */
		private List<String> nonProxyHosts = new ArrayList<>();

		public @Nullable Type getType() {
			return this.type;
		}

		public void setType(@Nullable Type type) {
			this.type = type;
		}

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public List<String> getNonProxyHosts() {
			return this.nonProxyHosts;
		}

		public void setNonProxyHosts(List<String> nonProxyHosts) {
			this.nonProxyHosts = nonProxyHosts;
		}

		/**
		 * Protocol of a proxy.
		 */
		public enum Type {

			/**
			 * An HTTP proxy.
			 */
			HTTP,

			/**
			 * A SOCKS version 5 proxy.
			 */
			SOCKS5

		}

	}

	/**
	 * TLS of NxCloud's calls.
	 */
	public static class Ssl {

		/**
		 * Name of the SSL bundle ('spring.ssl.bundle.*') that NxCloud's calls use, for example to trust a private CA
		 * or a TLS-inspecting proxy. Not set: the application's 'spring.http.clients.ssl.bundle', else the JVM's
		 * defaults.
		 */
		private @Nullable String bundle;

		public @Nullable String getBundle() {
			return this.bundle;
		}

		public void setBundle(@Nullable String bundle) {
			this.bundle = bundle;
		}

	}

	/**
	 * A connection pool of NxCloud's own (Reactor Netty connector only). Setting any of these gives NxCloud's calls a
	 * pool apart from the application's shared one; what is not set keeps Reactor Netty's default.
	 */
	public static class Pool {

		/**
		 * Maximum connections open at once to each NxCloud host. Reactor Netty's default when not set: twice the
		 * number of processors, at least 16 (the application's shared pool allows 500).
		 */
		private @Nullable Integer maxConnections;

		/**
		 * Maximum calls waiting for a connection when all are in use; a call beyond it fails at once. Twice
		 * max-connections when not set.
		 */
		private @Nullable Integer maxPendingAcquires;

		/**
		 * Maximum time a call waits for a connection when all are in use. Reactor Netty's default (45 s) when not
		 * set.
		 */
		private @Nullable Duration pendingAcquireTimeout;

		/**
		 * Time after which an idle connection is closed rather than reused. No limit when not set.
		 */
		private @Nullable Duration maxIdleTime;

		/**
		 * Time after which a connection is closed rather than reused, however busy. No limit when not set.
		 */
		private @Nullable Duration maxLifeTime;

		public @Nullable Integer getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(@Nullable Integer maxConnections) {
			this.maxConnections = maxConnections;
		}

		public @Nullable Integer getMaxPendingAcquires() {
			return this.maxPendingAcquires;
		}

		public void setMaxPendingAcquires(@Nullable Integer maxPendingAcquires) {
			this.maxPendingAcquires = maxPendingAcquires;
		}

		public @Nullable Duration getPendingAcquireTimeout() {
			return this.pendingAcquireTimeout;
		}

		public void setPendingAcquireTimeout(@Nullable Duration pendingAcquireTimeout) {
			this.pendingAcquireTimeout = pendingAcquireTimeout;
		}

		public @Nullable Duration getMaxIdleTime() {
			return this.maxIdleTime;
		}

		public void setMaxIdleTime(@Nullable Duration maxIdleTime) {
			this.maxIdleTime = maxIdleTime;
		}

		public @Nullable Duration getMaxLifeTime() {
			return this.maxLifeTime;
		}

		public void setMaxLifeTime(@Nullable Duration maxLifeTime) {
			this.maxLifeTime = maxLifeTime;
		}

	}

}
