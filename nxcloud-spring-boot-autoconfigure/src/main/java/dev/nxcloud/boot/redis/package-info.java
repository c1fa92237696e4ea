/**
 * A send rate limiter and a webhook delivery store kept in Redis, shared by every instance of the application, over
 * its Spring Data Redis connection.
 */
@NullMarked
package dev.nxcloud.boot.redis;

import org.jspecify.annotations.NullMarked;
