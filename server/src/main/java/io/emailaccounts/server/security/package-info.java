/**
 * Who may call what: users, passwords, tokens and their endpoint, the sign-in throttle and its record of attempts,
 * the roles each operation needs, and the security chain's failures as envelopes.
 */
@MayUse({"config", "error", "generated.api", "generated.model", "limits", "secrets"})
package io.emailaccounts.server.security;

import io.emailaccounts.server.MayUse;
