/**
 * The search: its parameters as one object generated from the contract (EmailAccountSearchParameters), each filter a
 * condition in SQL (EmailAccountQuery), and the query run on the table (EmailAccountSearchRepository).
 */
@MayUse({"emailaccount", "emailaccount.persistence", "error"})
package io.emailaccounts.server.emailaccount.search;

import io.emailaccounts.server.MayUse;
