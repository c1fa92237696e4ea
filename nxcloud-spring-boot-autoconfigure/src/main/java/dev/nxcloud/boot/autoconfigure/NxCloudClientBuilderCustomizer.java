package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.whatsapp.NxCloudClient;

/**
 * Customises the auto-configured {@link NxCloudClient.Builder}, and so every client made from it, without replacing
 * the client bean. Every bean of this type is applied, in {@link org.springframework.core.annotation.Order @Order}
 * order, after the builder was configured from {@code nxcloud.*} properties.
 */
@FunctionalInterface
public interface NxCloudClientBuilderCustomizer {

	/**
	 * Customise the builder.
	 * @param builder the builder to customise
	 */
	void customize(NxCloudClient.Builder builder);

}
