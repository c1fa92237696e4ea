/**
 * Sending WhatsApp messages: any message type through the WhatsApp API host ({@code /api/wa/mt}) and template
 * messages through the SaaS host ({@code /saas/wa/send}).
 */
@NullMarked
package dev.nxcloud.whatsapp.message;

import org.jspecify.annotations.NullMarked;
