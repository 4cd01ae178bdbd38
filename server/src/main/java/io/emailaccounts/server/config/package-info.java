/**
 * Settings and start-up: the typed emailaccounts.* properties, the run mode, the keys, the embedded database's
 * durability and read time-out, and the failures that stop a start with a message instead of a stack trace.
 */
@MayUse("error")
package io.emailaccounts.server.config;

import io.emailaccounts.server.MayUse;
