/**
 * The contract's checks of a request: its parameters and its body against the schemas the served contract declares,
 * with the contract's own messages.
 */
@MayUse("error")
package io.emailaccounts.server.web.validation;

import io.emailaccounts.server.MayUse;
