/**
 * WhatsApp message templates on the SaaS host: list, create, update, detail and delete, and the documented
 * template languages.
 */
@NullMarked
package dev.nxcloud.whatsapp.template;

import org.jspecify.annotations.NullMarked;
