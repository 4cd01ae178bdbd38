/**
 * The API's error envelope (WasSuccessful: false, Errors), built once (ErrorEnvelopes), and the failures every layer
 * may raise: a request that breaks the contract's rules, an unavailable database, a commit whose outcome is unknown.
 */
@MayUse("generated.model")
package io.emailaccounts.server.error;

import io.emailaccounts.server.MayUse;
