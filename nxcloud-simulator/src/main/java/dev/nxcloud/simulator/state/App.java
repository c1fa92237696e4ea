package dev.nxcloud.simulator.state;

import org.jspecify.annotations.Nullable;

/**
 * A WhatsApp application of an account.
 *
 * @param accessKey the owning account's access key
 * @param appId the numeric app id
 * @param appName the app name
 * @param appKey the app key sent as {@code appkey} in request bodies
 * @param webhook where status callbacks go when a send has no {@code dr_webhook}, or {@code null}
 */
public record App(String accessKey, long appId, String appName, String appKey, @Nullable String webhook) {
}
