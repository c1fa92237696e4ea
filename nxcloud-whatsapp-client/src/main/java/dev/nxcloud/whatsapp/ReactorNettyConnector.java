package dev.nxcloud.whatsapp;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * The connector a client makes itself when Reactor Netty is present; a class of its own so that Reactor Netty stays
 * optional.
 */
final class ReactorNettyConnector {

	private ReactorNettyConnector() {
	}

	static ClientHttpConnector create(Duration connectTimeout) {
		return new ReactorClientHttpConnector(HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(Math.min(connectTimeout.toMillis(), Integer.MAX_VALUE))));
	}

}
