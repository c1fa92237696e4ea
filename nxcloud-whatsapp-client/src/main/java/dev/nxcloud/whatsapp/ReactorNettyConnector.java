package dev.nxcloud.whatsapp;

import java.time.Duration;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;

/**
 * What the client does with Reactor Netty when it is present: the connector a client makes itself, and the response
 * timeout on a connection's event loop. A class of its own so that Reactor Netty stays optional.
 */
final class ReactorNettyConnector {

	private ReactorNettyConnector() {
	}

	static ClientHttpConnector create(Duration connectTimeout) {
		return new ReactorClientHttpConnector(HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(Math.min(connectTimeout.toMillis(), Integer.MAX_VALUE))));
	}

	/**
	 * Time out the exchange of a request made on a Reactor Netty connection: once {@code remainingNanos} have passed,
	 * the exchange fails with a {@link TimeoutException} and the connection is closed, as Netty's own read timeout
	 * does, by a timer on the connection's event loop, which the thread that completes the exchange also runs.
	 * @param nativeRequest the connector's request
	 * @param timeout the whole timeout, for the message
	 * @param remainingNanos how long the exchange may take from now; none left times it out at once
	 * @return the timer, to cancel once the exchange is over; {@code null} when the request is not Reactor Netty's
	 */
	static @Nullable Future<?> deadline(Object nativeRequest, Duration timeout, long remainingNanos) {
		if (!(nativeRequest instanceof Connection connection)) {
			return null;
		}
		Channel channel = connection.channel();
		return channel.eventLoop().schedule(() -> {
			channel.pipeline().fireExceptionCaught(new TimeoutException("No complete response within " + timeout));
			channel.close();
		}, Math.max(remainingNanos, 0), TimeUnit.NANOSECONDS);
	}

}
