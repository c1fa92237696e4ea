/**
 * WhatsApp flows (forms) on the SaaS host ({@code /saas/wa/flow/{phone}}), for template flow buttons.
 */
@NullMarked
package dev.nxcloud.whatsapp.flow;

import org.jspecify.annotations.NullMarked;
