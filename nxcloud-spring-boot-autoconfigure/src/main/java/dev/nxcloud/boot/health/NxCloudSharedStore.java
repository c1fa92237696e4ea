package dev.nxcloud.boot.health;

import reactor.core.publisher.Mono;

/**
 * A send rate limiter or webhook delivery store that keeps its state outside the application, shared by its
 * instances, for example in Redis. The {@code nxcloud} health reports its type and whether it can be reached.
 */
public interface NxCloudSharedStore {

	/**
	 * The kind of store, as the health reports it.
	 * @return for example {@code redis}
	 */
	String storeType();

	/**
	 * Check that the store can be reached.
	 * @return completes when it can; fails otherwise
	 */
	Mono<Void> ping();

}
