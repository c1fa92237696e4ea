/**
 * Typed exceptions for NxCloud result codes, transport failures and invalid input.
 */
@NullMarked
package dev.nxcloud.whatsapp.error;

import org.jspecify.annotations.NullMarked;
