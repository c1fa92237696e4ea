/**
 * Auto-configuration that keeps NxCloud's secrets out of Actuator endpoints.
 */
@NullMarked
package dev.nxcloud.boot.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
