/**
 * Integrator operations: creating customer apps ({@code createApp}).
 */
@NullMarked
package dev.nxcloud.boot.client.integrator;

import org.jspecify.annotations.NullMarked;
