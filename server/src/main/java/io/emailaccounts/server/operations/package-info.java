/**
 * What an operator runs beside the API: the readiness of the database, and the embedded database's backups.
 */
@MayUse("config")
package io.emailaccounts.server.operations;

import io.emailaccounts.server.MayUse;
