/**
 * Sending one-time passwords through NxCloud's OTP service ({@code /api/wa/otp}).
 */
@NullMarked
package dev.nxcloud.whatsapp.otp;

import org.jspecify.annotations.NullMarked;
