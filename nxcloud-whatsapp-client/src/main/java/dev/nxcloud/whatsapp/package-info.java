/**
 * Core of the reactive NxCloud WhatsApp client: signing, the request exchange and the envelope.
 */
@NullMarked
package dev.nxcloud.whatsapp;

import org.jspecify.annotations.NullMarked;
