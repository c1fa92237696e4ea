package dev.nxcloud.boot.redis;

import java.time.Duration;
import java.util.List;

import dev.nxcloud.boot.health.NxCloudSharedStore;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * A {@link WebhookDeliveryStore} shared by every instance of the application and kept across restarts: a delivery is
 * claimed with {@code SET NX PX} and the lease, so that exactly one instance hands it over, confirmed with
 * {@code SET PX} and the time to live, and released by deleting the key. The key's value tells a delivery
 * {@value #IN_PROGRESS} from one {@value #HANDLED}. Keys are {@value #KEY_PREFIX} followed by the delivery key,
 * which the webhook handler makes the hex SHA-256 of the event's identity, so that every key has the same small size
 * whatever ids a callback carries.
 * <p>
 * The store waits for Redis's answer: the webhook handler calls it where listeners may block too, never on a
 * server's event loop. When Redis cannot be reached, or does not answer within Spring Data Redis's command timeout
 * ({@code spring.data.redis.timeout}), {@link #claim(String, Duration)} throws and the handler answers {@code 503}
 * without handing the event over, so that NxCloud delivers the callback again; a claim Redis applied but whose
 * answer was lost, like a confirm or release that failed, expires with its lease.
 */
public final class RedisWebhookDeliveryStore implements WebhookDeliveryStore, NxCloudSharedStore {

	/**
	 * Prefix of the keys of claimed deliveries; the delivery key (a hex SHA-256) follows.
	 */
	public static final String KEY_PREFIX = "nxcloud:webhook:delivery:";

	static final String IN_PROGRESS = "in-progress";

	static final String HANDLED = "handled";

	/**
	 * Claims a delivery. KEYS[1]: the delivery; ARGV[1]: the lease in milliseconds. Answers {@code claimed} when the
	 * key was free and is now {@value #IN_PROGRESS} for the lease, else the key's value.
	 */
	static final RedisScript<String> CLAIM = RedisScript.of("""
			if redis.call('SET', KEYS[1], 'in-progress', 'NX', 'PX', ARGV[1]) then
				return 'claimed'
			end
			return redis.call('GET', KEYS[1])
			""", String.class);

	private final ReactiveStringRedisTemplate redis;

	/**
	 * Create a store.
	 * @param redis the Redis the claims are kept in
	 */
	public RedisWebhookDeliveryStore(ReactiveStringRedisTemplate redis) {
		this.redis = redis;
	}

	@Override
	public Claim claim(String key, Duration lease) {
		String found = this.redis.execute(CLAIM, List.of(redisKey(key)), List.of(Long.toString(lease.toMillis())))
			.single()
			.block();
		if ("claimed".equals(found)) {
			return Claim.CLAIMED;
		}
		return IN_PROGRESS.equals(found) ? Claim.IN_PROGRESS : Claim.HANDLED;
	}

	@Override
	public void confirm(String key, Duration timeToLive) {
		this.redis.opsForValue().set(redisKey(key), HANDLED, timeToLive).block();
	}

	@Override
	public void release(String key) {
		this.redis.delete(redisKey(key)).block();
	}

	/**
	 * The Redis key of a delivery.
	 * @param key the delivery key
	 * @return {@value #KEY_PREFIX} and the key
	 */
	static String redisKey(String key) {
		return KEY_PREFIX + key;
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
