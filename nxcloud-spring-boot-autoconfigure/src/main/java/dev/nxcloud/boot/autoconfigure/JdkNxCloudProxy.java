package dev.nxcloud.boot.autoconfigure;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;

/**
 * {@code nxcloud.http.proxy.*} on the JDK {@code HttpClient} connector: an HTTP proxy, with the credentials given in
 * answer to the proxy's challenge (407). The JDK's {@code HttpClient} has no SOCKS support.
 */
final class JdkNxCloudProxy extends ProxySelector {

	private final List<Proxy> proxy;

	private final NonProxyHosts direct;

	private JdkNxCloudProxy(NxCloudHttpProperties.Proxy proxy) {
		this.proxy = List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress
			.createUnresolved(Objects.requireNonNull(proxy.getHost()), Objects.requireNonNull(proxy.getPort()))));
		this.direct = new NonProxyHosts(proxy.getNonProxyHosts());
	}

	static JdkClientHttpConnectorBuilder configure(JdkClientHttpConnectorBuilder builder,
			NxCloudHttpProperties.Proxy proxy) {
		JdkNxCloudProxy selector = new JdkNxCloudProxy(proxy);
		String username = proxy.getUsername();
		String password = (proxy.getPassword() != null) ? proxy.getPassword() : "";
		return builder.withHttpClientCustomizer((client) -> {
			client.proxy(selector);
			if (username != null) {
				client.authenticator(new ProxyCredentials(username, password));
			}
		});
	}

	@Override
	public List<Proxy> select(URI uri) {
		return (uri.getHost() != null && this.direct.matches(uri.getHost())) ? List.of(Proxy.NO_PROXY) : this.proxy;
	}

	@Override
	public void connectFailed(URI uri, SocketAddress address, IOException ex) {
	}

	private static final class ProxyCredentials extends Authenticator {

		private final String username;

		private final String password;

		ProxyCredentials(String username, String password) {
			this.username = username;
			this.password = password;
		}

		@Override
		protected @Nullable PasswordAuthentication getPasswordAuthentication() {
			return (getRequestorType() == RequestorType.PROXY)
					? new PasswordAuthentication(this.username, this.password.toCharArray()) : null;
		}

	}

}
