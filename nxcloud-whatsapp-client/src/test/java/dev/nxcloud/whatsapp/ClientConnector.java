package dev.nxcloud.whatsapp;

import java.time.Duration;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The two HTTP connectors a client makes itself, as it makes them, for the tests that check what goes on the wire
 * with each.
 */
public enum ClientConnector {

	/** Reactor Netty, used when present. */
	REACTOR_NETTY,

	/** The JDK's {@code HttpClient}, used without Reactor Netty. */
	JDK;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	public WebClient.Builder webClientBuilder() {
		ClientHttpConnector connector = (this == REACTOR_NETTY) ? ReactorNettyConnector.create(CONNECT_TIMEOUT)
				: NxCloudClient.jdkConnector(CONNECT_TIMEOUT);
		return WebClient.builder().clientConnector(connector);
	}

}
