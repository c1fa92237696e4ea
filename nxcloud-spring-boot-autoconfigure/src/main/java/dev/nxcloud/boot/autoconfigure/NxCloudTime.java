package dev.nxcloud.boot.autoconfigure;

import java.time.Clock;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The time the starter's NxCloud beans read and wait on: the clock that stamps requests and that the Redis send
 * buckets are counted in, and the scheduler the client's retries, its per-recipient turns and the Redis limiter's
 * waits run on. Without a bean of this type, the system clock in UTC and Reactor's parallel scheduler. A type of its
 * own, so that an application's {@link Clock} bean is never picked up by accident; a test defines one to drive both
 * with virtual time.
 *
 * @param clock the clock
 * @param scheduler the scheduler waits run on
 */
public record NxCloudTime(Clock clock, Scheduler scheduler) {

	/**
	 * The system clock in UTC and Reactor's parallel scheduler.
	 * @return the default time
	 */
	public static NxCloudTime system() {
		return new NxCloudTime(Clock.systemUTC(), Schedulers.parallel());
	}

}
