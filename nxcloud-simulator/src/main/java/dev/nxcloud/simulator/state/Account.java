package dev.nxcloud.simulator.state;

/**
 * An NxCloud customer account: the access key sent in the {@code accessKey} header and the secret that signs requests.
 *
 * @param accessKey the access key
 * @param accessSecret the access secret
 */
public record Account(String accessKey, String accessSecret) {
}
