/**
 * The WebFlux and Spring MVC endpoints that receive NxCloud's webhook callbacks and feed them to the client's
 * {@link dev.nxcloud.whatsapp.webhook.NxCloudWebhookHandler}.
 */
@NullMarked
package dev.nxcloud.boot.webhook;

import org.jspecify.annotations.NullMarked;
