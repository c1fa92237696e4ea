package dev.nxcloud.boot.autoconfigure;

/**
 * Where the client keeps the state that paces sends ({@code nxcloud.rate-limit.store}) or recognises webhook
 * redeliveries ({@code nxcloud.webhook.deduplication.store}).
 */
public enum NxCloudStoreType {

	/**
	 * In this JVM: each instance of the application on its own, forgotten on restart.
	 */
	MEMORY,

	/**
	 * In Redis, through the application's Spring Data Redis connection ({@code spring.data.redis.*}): shared by every
	 * instance and kept across restarts.
	 */
	REDIS

}
