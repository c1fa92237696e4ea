/**
 * What Spring AOT and GraalVM native images need to know about the client: the types its JSON mapping binds.
 */
@NullMarked
package dev.nxcloud.whatsapp.aot;

import org.jspecify.annotations.NullMarked;
