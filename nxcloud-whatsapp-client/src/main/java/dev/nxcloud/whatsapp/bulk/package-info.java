/**
 * Sending streams of messages with bounded concurrency and backpressure, one result per input.
 */
@NullMarked
package dev.nxcloud.whatsapp.bulk;

import org.jspecify.annotations.NullMarked;
