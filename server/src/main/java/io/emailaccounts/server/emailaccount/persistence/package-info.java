/**
 * The feature's storage: the table built from the fields (EmailAccountTable), rows by Id, the secrets sealed at rest
 * (their start-up check, their rewriting under the current key), the idempotency keys, and GroupCommit, the one writer
 * that commits the changes arriving together in one transaction.
 */
@MayUse({"config", "emailaccount", "error", "secrets"})
package io.emailaccounts.server.emailaccount.persistence;

import io.emailaccounts.server.MayUse;
