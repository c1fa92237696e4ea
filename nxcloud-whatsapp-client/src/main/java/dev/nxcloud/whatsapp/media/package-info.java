/**
 * Media uploads on the SaaS host, for template header examples ({@code /saas/wa/media/{phone}}), and the kinds of
 * media they take.
 */
@NullMarked
package dev.nxcloud.whatsapp.media;

import org.jspecify.annotations.NullMarked;
