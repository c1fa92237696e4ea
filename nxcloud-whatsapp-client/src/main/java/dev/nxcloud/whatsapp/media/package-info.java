/**
 * Media uploads on the SaaS host, for template header examples ({@code /saas/wa/media/{phone}}), and WhatsApp's
 * media kinds and limits.
 */
@NullMarked
package dev.nxcloud.whatsapp.media;

import org.jspecify.annotations.NullMarked;
