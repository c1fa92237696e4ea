/**
 * Receiving NxCloud's webhook callbacks: the payload model, the typed events, signature verification, the handler
 * that dispatches them and the WebFlux and Spring MVC endpoints that feed it.
 */
@NullMarked
package dev.nxcloud.whatsapp.webhook;

import org.jspecify.annotations.NullMarked;
