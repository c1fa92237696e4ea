/**
 * Integrator operations: creating customer apps ({@code createApp}).
 */
@NullMarked
package dev.nxcloud.whatsapp.integrator;

import org.jspecify.annotations.NullMarked;
