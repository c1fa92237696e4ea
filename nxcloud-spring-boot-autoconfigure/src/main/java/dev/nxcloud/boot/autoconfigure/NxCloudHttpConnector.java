package dev.nxcloud.boot.autoconfigure;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.Disposables;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.JdkClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.util.ClassUtils;

/**
 * The HTTP connector of NxCloud's clients: the application's connector builder and settings
 * ({@code spring.http.clients.*}) with NxCloud's connect timeout, no read timeout and {@code nxcloud.http.*} applied,
 * so that these reach NxCloud's calls and no others. Checks {@code nxcloud.http.*} when made, and disposes of the connection pool it
 * makes for {@code nxcloud.http.pool.*} with the application, waiting for its connections to close (or at once, if
 * making the connector fails).
 * <p>
 * The JDK {@code HttpClient} is held to HTTP/1.1, as Reactor Netty is and as the client's own JDK connector is:
 * over HTTP/2 header names go lower-cased, and NxCloud documents them as {@code accessKey} and {@code bizType}.
 */
final class NxCloudHttpConnector implements DisposableBean {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.http.client.HttpClient",
			NxCloudHttpConnector.class.getClassLoader());

	private static final String PROXY = "nxcloud.http.proxy.";

	private static final String POOL = "nxcloud.http.pool.";

	private static final String SSL_BUNDLE = "nxcloud.http.ssl.bundle";

	private final Disposable.Composite pools = Disposables.composite();

	private final ClientHttpConnector connector;

	/**
	 * Make the connector.
	 * @param applicationConnector the application's connector builder
	 * @param applicationSettings the application's HTTP client settings
	 * @param properties the client's properties, for the connect timeout
	 * @param http NxCloud's own HTTP settings
	 * @param sslBundles the application's SSL bundles, if any
	 * @throws InvalidConfigurationPropertyValueException if a setting is invalid or the connector cannot apply it
	 */
	NxCloudHttpConnector(ClientHttpConnectorBuilder<?> applicationConnector, HttpClientSettings applicationSettings,
			NxCloudProperties properties, NxCloudHttpProperties http, @Nullable SslBundles sslBundles) {
		NxCloudHttpProperties.@Nullable Proxy proxy = checkedProxy(http.getProxy());
		NxCloudHttpProperties.@Nullable Pool pool = checkedPool(http.getPool());
		// no read timeout: the client bounds each attempt by its own timeout, response or upload, and a second one
		// per request on the connector would only cost
		HttpClientSettings settings = applicationSettings.withTimeouts(properties.getConnectTimeout(), null);
		String bundle = http.getSsl().getBundle();
		if (bundle != null) {
			settings = settings.withSslBundle(sslBundle(bundle, sslBundles));
		}
		try {
			this.connector = forNxCloud(applicationConnector, proxy, pool).build(settings);
		}
		catch (RuntimeException ex) {
			destroy();
			throw ex;
		}
	}

	ClientHttpConnector get() {
		return this.connector;
	}

	@Override
	public void destroy() {
		this.pools.dispose();
	}

	private ClientHttpConnectorBuilder<?> forNxCloud(ClientHttpConnectorBuilder<?> builder,
			NxCloudHttpProperties.@Nullable Proxy proxy, NxCloudHttpProperties.@Nullable Pool pool) {
		if (REACTOR_NETTY_PRESENT && builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			return ReactorNettyNxCloudHttp.configure(reactor, proxy, pool, this.pools::add);
		}
		if (pool != null) {
			Map.Entry<String, Object> first = setProperties(pool).entrySet().iterator().next();
			throw new InvalidConfigurationPropertyValueException(first.getKey(), first.getValue(),
					"NxCloud's connector is the application's " + builder.getClass().getSimpleName()
							+ " (see 'spring.http.clients.reactive.connector'), whose connection pool the starter"
							+ " cannot configure; only Reactor Netty's can be. Remove the 'nxcloud.http.pool.*'"
							+ " properties or use Reactor Netty");
		}
		if (builder instanceof JdkClientHttpConnectorBuilder jdk) {
			JdkClientHttpConnectorBuilder http11 = jdk
				.withHttpClientCustomizer((client) -> client.version(HttpClient.Version.HTTP_1_1));
			if (proxy == null) {
				return http11;
			}
			if (proxy.getType() == NxCloudHttpProperties.Proxy.Type.SOCKS5) {
				throw new InvalidConfigurationPropertyValueException(PROXY + "type", proxy.getType(),
						"NxCloud's connector is the JDK HttpClient, which has no SOCKS support; use an HTTP proxy or"
								+ " Reactor Netty");
			}
			return JdkNxCloudProxy.configure(http11, proxy);
		}
		if (proxy == null) {
			return builder;
		}
		throw new InvalidConfigurationPropertyValueException(PROXY + "host", proxy.getHost(),
				"NxCloud's connector is the application's " + builder.getClass().getSimpleName()
						+ " (see 'spring.http.clients.reactive.connector'), on which the starter cannot set a proxy;"
						+ " use Reactor Netty or the JDK HttpClient");
	}

	private static NxCloudHttpProperties.@Nullable Proxy checkedProxy(NxCloudHttpProperties.Proxy proxy) {
		Map<String, Object> set = new LinkedHashMap<>();
		putIfSet(set, PROXY + "type", proxy.getType());
		putIfSet(set, PROXY + "port", proxy.getPort());
		putIfSet(set, PROXY + "username", proxy.getUsername());
		putIfSet(set, PROXY + "password", proxy.getPassword());
		putIfSet(set, PROXY + "non-proxy-hosts", proxy.getNonProxyHosts().isEmpty() ? null : proxy.getNonProxyHosts());
		String host = proxy.getHost();
		if (host == null) {
			if (!set.isEmpty()) {
				throw new InvalidConfigurationPropertyValueException(PROXY + "host", null,
						"it is required when " + String.join(", ", set.keySet()) + " is set");
			}
			return null;
		}
		if (host.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(PROXY + "host", host, "it must not be blank");
		}
		Integer port = proxy.getPort();
		if (port == null || port < 1 || port > 65535) {
			throw new InvalidConfigurationPropertyValueException(PROXY + "port", port,
					"it must be from 1 to 65535 when " + PROXY + "host is set");
		}
		if (proxy.getUsername() == null && proxy.getPassword() != null) {
			throw new InvalidConfigurationPropertyValueException(PROXY + "username", null,
					"it is required when " + PROXY + "password is set");
		}
		if (proxy.getNonProxyHosts().stream().anyMatch(String::isBlank)) {
			throw new InvalidConfigurationPropertyValueException(PROXY + "non-proxy-hosts", proxy.getNonProxyHosts(),
					"no entry may be blank");
		}
		return proxy;
	}

	private static NxCloudHttpProperties.@Nullable Pool checkedPool(NxCloudHttpProperties.Pool pool) {
		Map<String, Object> set = setProperties(pool);
		set.forEach((name, value) -> {
			if (value instanceof Integer size && size < 1) {
				throw new InvalidConfigurationPropertyValueException(name, value, "it must be at least 1");
			}
			if (value instanceof Duration duration && (duration.isNegative() || duration.isZero())) {
				throw new InvalidConfigurationPropertyValueException(name, value, "it must be longer than 0");
			}
		});
		return set.isEmpty() ? null : pool;
	}

	private static Map<String, Object> setProperties(NxCloudHttpProperties.Pool pool) {
		Map<String, Object> set = new LinkedHashMap<>();
		putIfSet(set, POOL + "max-connections", pool.getMaxConnections());
		putIfSet(set, POOL + "max-pending-acquires", pool.getMaxPendingAcquires());
		putIfSet(set, POOL + "pending-acquire-timeout", pool.getPendingAcquireTimeout());
		putIfSet(set, POOL + "max-idle-time", pool.getMaxIdleTime());
		putIfSet(set, POOL + "max-life-time", pool.getMaxLifeTime());
		return set;
	}

	private static void putIfSet(Map<String, Object> set, String name, @Nullable Object value) {
		if (value != null) {
			set.put(name, value);
		}
	}

	private static SslBundle sslBundle(String name, @Nullable SslBundles sslBundles) {
		List<String> names = (sslBundles != null) ? sslBundles.getBundleNames() : List.of();
		if (sslBundles == null || !names.contains(name)) {
			throw new InvalidConfigurationPropertyValueException(SSL_BUNDLE, name,
					"there is no SSL bundle of that name; the configured ones ('spring.ssl.bundle.*') are " + names);
		}
		return sslBundles.getBundle(name);
	}

}
