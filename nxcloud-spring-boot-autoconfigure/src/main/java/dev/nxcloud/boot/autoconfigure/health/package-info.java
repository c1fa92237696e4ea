/**
 * Auto-configuration of NxCloud's Actuator health contributor.
 */
@NullMarked
package dev.nxcloud.boot.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
