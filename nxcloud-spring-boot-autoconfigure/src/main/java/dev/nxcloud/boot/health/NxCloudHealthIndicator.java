package dev.nxcloud.boot.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import dev.nxcloud.whatsapp.InMemorySendRateLimiter;
import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.phone.BusinessPhones;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfo;
import dev.nxcloud.whatsapp.phone.PhoneInfoRequest;
import dev.nxcloud.whatsapp.webhook.InMemoryWebhookDeliveryStore;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@link ReactiveHealthIndicator} for an NxCloud account. It asks NxCloud for the business phones of the configured
 * app (all of them, or the watched ones) and reports for each its {@code status}, {@code quality_rating},
 * messaging tier ({@code current_limit}), {@code name_status} and {@code verified_name}.
 * <p>
 * It is {@link Status#DOWN DOWN} when NxCloud rejects the call (the details carry NxCloud's code and message), cannot
 * be reached or does not answer within the timeout, or when a watched phone is not {@code CONNECTED} or not reported
 * at all. A {@code YELLOW} or {@code RED} quality rating reports the status configured for it.
 * <p>
 * It also reports the {@linkplain Store stores} the client keeps state in (the send rate limiter's, the webhook
 * deliveries'): their type, and for a {@linkplain NxCloudSharedStore shared store} whether it can be reached. A shared
 * store that cannot be reached makes it {@link Status#DOWN DOWN}: sends fail while the rate limiter's is away, and
 * callbacks are answered {@code 503} while the delivery store's is.
 * <p>
 * A result is reused for the time to live, and concurrent probes share one check, so that probes do not hammer
 * NxCloud or the stores.
 */
public class NxCloudHealthIndicator implements ReactiveHealthIndicator {

	private final NxCloudPhoneService phoneService;

	private final PhoneInfoRequest request;

	private final Map<PhoneInfo.QualityRating, Status> qualityRatingStatuses;

	private final List<Store> stores;

	private final Duration timeout;

	private final Duration timeToLive;

	private final Clock clock;

	private final Object lock = new Object();

	private @Nullable Checked lastCheck;

	private @Nullable Mono<Health> checkInProgress;

	/**
	 * Create an indicator.
	 * @param phoneService the phone service of the account to check
	 * @param businessPhones the phones to watch, digits with country code; empty for every phone of the app
	 * @param qualityRatingStatuses the status to report for a quality rating; ratings not in the map report
	 * {@link Status#UP UP}
	 * @param timeout the most a check may take before it reports {@link Status#DOWN DOWN}
	 * @param timeToLive how long a result is reused
	 * @param clock the clock that times the reuse
	 */
	public NxCloudHealthIndicator(NxCloudPhoneService phoneService, List<String> businessPhones,
			Map<PhoneInfo.QualityRating, Status> qualityRatingStatuses, Duration timeout, Duration timeToLive,
			Clock clock) {
		this(phoneService, businessPhones, qualityRatingStatuses, List.of(), timeout, timeToLive, clock);
	}

	/**
	 * Create an indicator that reports the client's stores too.
	 * @param phoneService the phone service of the account to check
	 * @param businessPhones the phones to watch, digits with country code; empty for every phone of the app
	 * @param qualityRatingStatuses the status to report for a quality rating; ratings not in the map report
	 * {@link Status#UP UP}
	 * @param stores the stores the client keeps state in
	 * @param timeout the most a check may take before it reports {@link Status#DOWN DOWN}
	 * @param timeToLive how long a result is reused
	 * @param clock the clock that times the reuse
	 */
	public NxCloudHealthIndicator(NxCloudPhoneService phoneService, List<String> businessPhones,
			Map<PhoneInfo.QualityRating, Status> qualityRatingStatuses, List<Store> stores, Duration timeout,
			Duration timeToLive, Clock clock) {
		this.phoneService = phoneService;
		this.request = new PhoneInfoRequest(null, businessPhones);
		this.qualityRatingStatuses = qualityRatingStatuses.isEmpty() ? Map.of()
				: new EnumMap<>(qualityRatingStatuses);
		this.stores = List.copyOf(stores);
		this.timeout = timeout;
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	@Override
	public Mono<Health> health() {
		return Mono.defer(() -> {
			synchronized (this.lock) {
				Checked last = this.lastCheck;
				if (last != null && this.clock.instant().isBefore(last.at().plus(this.timeToLive))) {
					return Mono.just(last.health());
				}
				if (this.checkInProgress == null) {
					this.checkInProgress = check().doOnNext(this::remember).cache();
				}
				return this.checkInProgress;
			}
		});
	}

	private void remember(Health health) {
		synchronized (this.lock) {
			this.lastCheck = new Checked(health, this.clock.instant());
			this.checkInProgress = null;
		}
	}

	private Mono<Health> check() {
		Mono<Health> phones = this.phoneService.getPhones(this.request)
			.timeout(this.timeout)
			.map(this::health)
			.switchIfEmpty(Mono.fromSupplier(() -> health(new BusinessPhones(Map.of()))))
			.onErrorResume((ex) -> Mono.just(failure(ex)));
		if (this.stores.isEmpty()) {
			return phones;
		}
		Mono<List<StoreState>> stores = Flux.fromIterable(this.stores).concatMap(this::check).collectList();
		return Mono.zip(phones, stores, this::withStores);
	}

	private Mono<StoreState> check(Store store) {
		Mono<Void> ping = store.ping();
		if (ping == null) {
			return Mono.just(new StoreState(store, null));
		}
		return ping.timeout(this.timeout)
			.then(Mono.just(new StoreState(store, null)))
			.onErrorResume((ex) -> Mono.just(new StoreState(store, (ex instanceof TimeoutException)
					? "no answer within " + this.timeout.toMillis() + " ms" : ex.getClass().getSimpleName() + ": "
							+ ex.getMessage())));
	}

	private Health withStores(Health phones, List<StoreState> stores) {
		Status status = phones.getStatus();
		List<String> reasons = new ArrayList<>();
		Object phonesReason = phones.getDetails().get("reason");
		if (phonesReason != null) {
			reasons.add(phonesReason.toString());
		}
		Map<String, Object> storeDetails = new LinkedHashMap<>();
		for (StoreState state : stores) {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("type", state.store().type());
			if (state.store().ping() != null) {
				details.put("reachable", state.error() == null);
			}
			if (state.error() != null) {
				details.put("error", state.error());
				reasons.add("the " + state.store().name() + " store (" + state.store().type() + ") cannot be reached");
				status = worse(status, Status.DOWN);
			}
			storeDetails.put(state.store().name(), details);
		}
		Map<String, Object> details = new LinkedHashMap<>(phones.getDetails());
		details.remove("reason");
		Health.Builder builder = Health.status(status);
		if (!reasons.isEmpty()) {
			builder.withDetail("reason", String.join("; ", reasons));
		}
		return builder.withDetails(details).withDetail("stores", storeDetails).build();
	}

	private Health health(BusinessPhones phones) {
		Map<String, PhoneInfo> reported = phones.phones();
		Map<String, Object> details = new LinkedHashMap<>();
		List<String> reasons = new ArrayList<>();
		Status status = Status.UP;
		for (String watched : this.request.businessPhones()) {
			if (!reported.containsKey(watched)) {
				reasons.add("business phone " + watched + " is not reported by NxCloud");
				status = Status.DOWN;
			}
		}
		for (Map.Entry<String, PhoneInfo> entry : reported.entrySet()) {
			String phone = entry.getKey();
			PhoneInfo info = entry.getValue();
			details.put(phone, describe(info));
			if (info.status() != PhoneInfo.Status.CONNECTED) {
				String state = (info.status() != null) ? info.status().name() : "of unknown status";
				reasons.add("business phone " + phone + " is " + state);
				status = worse(status, Status.DOWN);
			}
			Status qualityStatus = (info.qualityRating() != null)
					? this.qualityRatingStatuses.getOrDefault(info.qualityRating(), Status.UP) : Status.UP;
			if (!Status.UP.equals(qualityStatus)) {
				reasons.add("business phone " + phone + " has quality rating " + info.qualityRating());
				status = worse(status, qualityStatus);
			}
		}
		Health.Builder builder = Health.status(status);
		if (!reasons.isEmpty()) {
			builder.withDetail("reason", String.join("; ", reasons));
		}
		return builder.withDetail("phones", details).build();
	}

	private static Map<String, Object> describe(PhoneInfo info) {
		Map<String, Object> details = new LinkedHashMap<>();
		putIfNotNull(details, "status", info.status());
		putIfNotNull(details, "quality_rating", info.qualityRating());
		putIfNotNull(details, "current_limit", info.currentLimit());
		putIfNotNull(details, "name_status", info.nameStatus());
		putIfNotNull(details, "verified_name", info.verifiedName());
		return details;
	}

	private static void putIfNotNull(Map<String, Object> details, String key, @Nullable Object value) {
		if (value != null) {
			details.put(key, value.toString());
		}
	}

	private static Status worse(Status current, Status candidate) {
		return (rank(candidate) < rank(current)) ? candidate : current;
	}

	private static int rank(Status status) {
		if (Status.DOWN.equals(status)) {
			return 0;
		}
		if (Status.OUT_OF_SERVICE.equals(status)) {
			return 1;
		}
		return Status.UP.equals(status) ? 3 : 2;
	}

	private Health failure(Throwable ex) {
		Health.Builder builder = Health.down();
		if (ex instanceof TimeoutException) {
			return builder.withDetail("error", "NxCloud did not answer within " + this.timeout.toMillis() + " ms")
				.build();
		}
		builder.withDetail("error", ex.getClass().getSimpleName() + ": " + ex.getMessage());
		if (ex instanceof NxCloudException nxCloudException) {
			if (nxCloudException.getCode() != null) {
				builder.withDetail("code", nxCloudException.getCode());
			}
			if (nxCloudException.getNxCloudMessage() != null) {
				builder.withDetail("message", nxCloudException.getNxCloudMessage());
			}
			if (nxCloudException.getTraceId() != null) {
				builder.withDetail("traceId", nxCloudException.getTraceId());
			}
		}
		return builder.build();
	}

	private record Checked(Health health, Instant at) {

	}

	private record StoreState(Store store, @Nullable String error) {

	}

	/**
	 * A store the client keeps state in, as the health reports it under {@code stores}.
	 *
	 * @param name what the store keeps, for example {@code rate-limit} or {@code webhook-deduplication}
	 * @param type the kind of store, for example {@code memory} or {@code redis}
	 * @param ping checks that a shared store can be reached (completes when it can, fails otherwise); {@code null}
	 * for a store in this JVM
	 */
	public record Store(String name, String type, @Nullable Mono<Void> ping) {

		/**
		 * Describe the store a rate limiter or delivery store keeps its state in.
		 * @param name what the store keeps
		 * @param store the rate limiter or delivery store
		 * @return a {@linkplain NxCloudSharedStore shared store}'s type and ping; {@code memory} for the client's
		 * in-memory ones; the class name of any other
		 */
		public static Store of(String name, Object store) {
			if (store instanceof NxCloudSharedStore shared) {
				return new Store(name, shared.storeType(), shared.ping());
			}
			boolean inMemory = store instanceof InMemorySendRateLimiter || store instanceof InMemoryWebhookDeliveryStore;
			return new Store(name, inMemory ? "memory" : store.getClass().getName(), null);
		}

	}

}
