package dev.nxcloud.boot.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import dev.nxcloud.boot.health.NxCloudSharedStore;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * A {@link WebhookDeliveryStore} shared by every instance of the application and kept across restarts: a delivery is
 * claimed with {@code SET NX} and its time to live, so that exactly one instance hands it over, and released by
 * deleting the key. Keys are {@value #KEY_PREFIX} followed by the SHA-256 of the delivery key, so that every key has
 * the same small size whatever ids a callback carries.
 * <p>
 * The store waits for Redis's answer: the webhook handler calls it where listeners may block too, never on a
 * server's event loop. When Redis cannot be reached, or does not answer within Spring Data Redis's command timeout
 * ({@code spring.data.redis.timeout}), {@link #claim(String, Duration)} throws and the handler answers {@code 503}
 * without handing the event over, so that NxCloud delivers the callback again.
 */
public final class RedisWebhookDeliveryStore implements WebhookDeliveryStore, NxCloudSharedStore {

	/**
	 * Prefix of the keys of claimed deliveries; the hex SHA-256 of the delivery key follows.
	 */
	public static final String KEY_PREFIX = "nxcloud:webhook:delivery:";

	private final ReactiveStringRedisTemplate redis;

	/**
	 * Create a store.
	 * @param redis the Redis the claims are kept in
	 */
	public RedisWebhookDeliveryStore(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public boolean claim(String key, Duration timeToLive) {
		return Boolean.TRUE.equals(this.redis.opsForValue().setIfAbsent(redisKey(key), "1", timeToLive).block());
	}

	@Override
	public void release(String key) {
		this.redis.delete(redisKey(key)).block();
	}

	/**
	 * The Redis key of a delivery.
	 * @param key the delivery key
	 * @return {@value #KEY_PREFIX} and the hex SHA-256 of the key's UTF-8 bytes
	 */
	static String redisKey(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return KEY_PREFIX + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
		}
	}

	@Override
	public String storeType() {
		return "redis";
	}

	@Override
	public Mono<Void> ping() {
		return this.redis.execute((connection) -> connection.ping()).then();
	}

}
