/**
 * The simulator's state: accounts, apps, business phones, tenants, templates, flows, media and accepted messages.
 */
@NullMarked
package dev.nxcloud.simulator.state;

import org.jspecify.annotations.NullMarked;
