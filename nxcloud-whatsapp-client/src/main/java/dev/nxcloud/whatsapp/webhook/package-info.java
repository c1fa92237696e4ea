/**
 * NxCloud's webhook protocol: the payload model, the typed events, signature verification, the store of handled
 * deliveries and the handler that verifies, decodes, deduplicates and dispatches a callback, whichever web stack
 * received it.
 */
@NullMarked
package dev.nxcloud.whatsapp.webhook;

import org.jspecify.annotations.NullMarked;
