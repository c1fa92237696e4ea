/**
 * Business phone numbers: status, quality rating and messaging tier ({@code getPhone}).
 */
@NullMarked
package dev.nxcloud.whatsapp.phone;

import org.jspecify.annotations.NullMarked;
