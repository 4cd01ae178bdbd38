/**
 * The feature's rules: reads, creates, updates and deletes within the caller's businesses, versions, idempotent
 * creates, and the demo record.
 */
@MayUse({"config", "emailaccount", "emailaccount.persistence", "emailaccount.search", "secrets"})
package io.emailaccounts.server.emailaccount.service;

import io.emailaccounts.server.MayUse;
