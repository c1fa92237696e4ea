/**
 * A sample application built on the NxCloud starter.
 */
@NullMarked
package dev.nxcloud.sample;

import org.jspecify.annotations.NullMarked;
