package dev.nxcloud.boot.autoconfigure;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.ProxyProvider;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;

/**
 * {@code nxcloud.http.proxy.*} and {@code nxcloud.http.pool.*} on the Reactor Netty connector. Kept apart so that
 * nothing else refers to Reactor Netty, which an application may leave out.
 */
final class ReactorNettyNxCloudHttp {

	/** The longest the application's shutdown waits for the connections of NxCloud's pool to close. */
	static final Duration POOL_DISPOSAL_TIMEOUT = Duration.ofSeconds(5);

	private ReactorNettyNxCloudHttp() {
	}

	/**
	 * The connector builder with the proxy and a pool of NxCloud's own.
	 * @param builder the application's connector builder
	 * @param proxy the proxy, if one is configured
	 * @param pool the pool settings, if any is configured
	 * @param poolOwner takes what disposes of the pool made, waiting up to {@link #POOL_DISPOSAL_TIMEOUT} for its
	 * connections to close
	 * @return the builder for NxCloud's connector
	 */
	static ReactorClientHttpConnectorBuilder configure(ReactorClientHttpConnectorBuilder builder,
			NxCloudHttpProperties.@Nullable Proxy proxy, NxCloudHttpProperties.@Nullable Pool pool,
			Consumer<Disposable> poolOwner) {
		if (pool != null) {
			ConnectionProvider connectionProvider = connectionProvider(pool);
			poolOwner.accept(() -> connectionProvider.disposeLater().block(POOL_DISPOSAL_TIMEOUT));
			// keeps the application's event loops, which its builder's customizer sets
			builder = builder.withHttpClientFactory(() -> HttpClient.create(connectionProvider));
		}
		if (proxy != null) {
			builder = builder.withHttpClientCustomizer((client) -> client.proxy((spec) -> proxy(spec, proxy)));
		}
		return builder;
	}

	private static ConnectionProvider connectionProvider(NxCloudHttpProperties.Pool pool) {
		ConnectionProvider.Builder builder = ConnectionProvider.builder("nxcloud");
		PropertyMapper map = PropertyMapper.get();
		map.from(pool::getMaxConnections).to(builder::maxConnections);
		map.from(pool::getMaxPendingAcquires).to(builder::pendingAcquireMaxCount);
		map.from(pool::getPendingAcquireTimeout).to(builder::pendingAcquireTimeout);
		map.from(pool::getMaxIdleTime).to(builder::maxIdleTime);
		map.from(pool::getMaxLifeTime).to(builder::maxLifeTime);
		return builder.build();
	}

	private static void proxy(ProxyProvider.TypeSpec spec, NxCloudHttpProperties.Proxy proxy) {
		ProxyProvider.Builder builder = spec
			.type((proxy.getType() == NxCloudHttpProperties.Proxy.Type.SOCKS5) ? ProxyProvider.Proxy.SOCKS5
					: ProxyProvider.Proxy.HTTP)
			.host(Objects.requireNonNull(proxy.getHost()))
			.port(Objects.requireNonNull(proxy.getPort()));
		NonProxyHosts direct = new NonProxyHosts(proxy.getNonProxyHosts());
		builder.nonProxyHostsPredicate(
				(address) -> address instanceof InetSocketAddress inet && direct.matches(inet.getHostString()));
		String username = proxy.getUsername();
		if (username != null) {
			String password = (proxy.getPassword() != null) ? proxy.getPassword() : "";
			builder.username(username).password((user) -> password);
		}
	}

}
