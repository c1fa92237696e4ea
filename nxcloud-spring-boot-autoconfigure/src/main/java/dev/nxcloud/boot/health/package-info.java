/**
 * Actuator health of NxCloud: whether the account's credentials work and its business phones can send.
 */
@NullMarked
package dev.nxcloud.boot.health;

import org.jspecify.annotations.NullMarked;
