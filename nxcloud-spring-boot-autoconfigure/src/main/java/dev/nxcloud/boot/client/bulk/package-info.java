/**
 * Sending streams of messages with bounded concurrency and backpressure, one result per input.
 */
@NullMarked
package dev.nxcloud.boot.client.bulk;

import org.jspecify.annotations.NullMarked;
