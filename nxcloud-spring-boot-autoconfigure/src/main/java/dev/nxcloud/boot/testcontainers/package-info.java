/**
 * Testcontainers {@code @ServiceConnection} support: connection details from an {@code NxCloudSimulatorContainer}.
 */
@NullMarked
package dev.nxcloud.boot.testcontainers;

import org.jspecify.annotations.NullMarked;
