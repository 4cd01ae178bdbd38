/**
 * The EmailAccounts feature's model: one typed property of the record (EmailAccountField, the constants generated
 * from the contract in EmailAccountProperties), the record as stored (EmailAccountRecord), the fields checked
 * against the served contract (EmailAccountSchema), and the businesses a caller may use (BusinessScope). Below the
 * feature's layers, free of the web and of the generated models.
 */
@MayUse({})
package io.emailaccounts.server.emailaccount;

import io.emailaccounts.server.MayUse;
