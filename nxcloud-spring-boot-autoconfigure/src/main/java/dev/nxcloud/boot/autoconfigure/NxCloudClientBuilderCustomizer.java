package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.whatsapp.NxCloudClient;

/**
 * Customises the auto-configured {@link NxCloudClient.Builder}, and so every client made from it, without replacing
 * the client bean. Every bean of this type is applied, in {@link org.springframework.core.annotation.Order @Order}
 * order, after the builder was configured from {@code nxcloud.*} properties.
 * <p>
 * The builder starts from a {@code WebClient.Builder} whose connector Spring Boot made with
 * {@code nxcloud.connect-timeout} and a read timeout of the longer of {@code nxcloud.response-timeout} and
 * {@code nxcloud.upload-timeout}: set those properties to change the HTTP timeouts, since the builder's
 * {@code connectTimeout} applies only to a connector it makes itself.
 */
@FunctionalInterface
public interface NxCloudClientBuilderCustomizer {

	/**
	 * Customise the builder.
	 * @param builder the builder to customise
	 */
	void customize(NxCloudClient.Builder builder);

}
