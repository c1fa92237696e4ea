/**
 * An offline, stateful HTTP simulator of NxCloud's WhatsApp Business API; start one with
 * {@link dev.nxcloud.simulator.NxCloudSimulator#builder()}.
 */
@NullMarked
package dev.nxcloud.simulator;

import org.jspecify.annotations.NullMarked;
