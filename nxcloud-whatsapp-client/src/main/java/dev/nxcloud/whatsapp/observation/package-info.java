/**
 * Micrometer observations of NxCloud calls: the context, the convention a user can replace, the default convention
 * and the documented keys.
 */
@NullMarked
package dev.nxcloud.whatsapp.observation;

import org.jspecify.annotations.NullMarked;
