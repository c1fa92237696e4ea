package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.whatsapp.NxCloudClient;

/**
 * Customises the auto-configured {@link NxCloudClient.Builder}, and so every client made from it, without replacing
 * the client bean. Every bean of this type is applied, in {@link org.springframework.core.annotation.Order @Order}
 * order, after the builder was configured from {@code nxcloud.*} properties.
 * <p>
 * The builder starts from a {@code WebClient.Builder} whose connector Spring Boot made with
 * {@code nxcloud.connect-timeout} and no read timeout: each attempt is bounded by the client's own
 * {@code nxcloud.response-timeout} (or {@code nxcloud.upload-timeout}). Set those properties to change the timeouts,
 * since the builder's {@code connectTimeout} applies only to a connector it makes itself.
 */
@FunctionalInterface
public interface NxCloudClientBuilderCustomizer {

	/**
	 * Customise the builder.
	 * @param builder the builder to customise
	 */
	void customize(NxCloudClient.Builder builder);

}
