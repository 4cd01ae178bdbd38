/**
 * What an operator runs beside the API: the readiness of the database, the embedded database's backups, and the keys
 * that seal the stored secrets.
 */
@MayUse({"config", "emailaccount.persistence", "secrets"})
package io.emailaccounts.server.operations;

import io.emailaccounts.server.MayUse;
