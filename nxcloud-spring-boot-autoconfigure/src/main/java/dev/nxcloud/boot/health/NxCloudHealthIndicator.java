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

import dev.nxcloud.whatsapp.error.NxCloudException;
import dev.nxcloud.whatsapp.phone.BusinessPhones;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfo;
import dev.nxcloud.whatsapp.phone.PhoneInfoRequest;
import org.jspecify.annotations.Nullable;
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
 * at all. A {@code YELLOW} or {@code RED} quality rating reports the status configured for it. A result is reused
 * for the time to live, and concurrent probes share one call, so that probes do not hammer NxCloud.
 */
public class NxCloudHealthIndicator implements ReactiveHealthIndicator {

	private final NxCloudPhoneService phoneService;

	private final PhoneInfoRequest request;

	private final Map<PhoneInfo.QualityRating, Status> qualityRatingStatuses;

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
		this.phoneService = phoneService;
		this.request = new PhoneInfoRequest(null, businessPhones);
		this.qualityRatingStatuses = qualityRatingStatuses.isEmpty() ? Map.of()
				: new EnumMap<>(qualityRatingStatuses);
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
		return this.phoneService.getPhones(this.request)
			.timeout(this.timeout)
			.map(this::health)
			.switchIfEmpty(Mono.fromSupplier(() -> health(new BusinessPhones(Map.of()))))
			.onErrorResume((ex) -> Mono.just(failure(ex)));
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

}
