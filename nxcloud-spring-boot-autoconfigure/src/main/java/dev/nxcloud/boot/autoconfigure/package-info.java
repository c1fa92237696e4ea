/**
 * Spring Boot auto-configuration for the NxCloud client.
 */
@NullMarked
package dev.nxcloud.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;
