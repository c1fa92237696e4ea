/**
 * Typed exceptions for NxCloud result codes, transport failures and invalid input.
 */
@NullMarked
package dev.nxcloud.boot.client.error;

import org.jspecify.annotations.NullMarked;
