/**
 * Runs the NxCloud simulator in a Testcontainers container; needs {@code org.testcontainers:testcontainers} on the
 * classpath.
 */
@NullMarked
package dev.nxcloud.simulator.testcontainers;

import org.jspecify.annotations.NullMarked;
