/**
 * The feature on the web: the delegate of the generated API, the generated models to the record and back
 * (EmailAccountModels, generated, and EmailAccountMapping), entity tags, the Idempotency-Key header, and the
 * feature's failures as envelopes (EmailAccountFailures). The only place of the feature that sees the generated
 * models.
 */
@MayUse({"emailaccount", "emailaccount.search", "emailaccount.service", "error", "generated.api", "generated.model", "security"})
package io.emailaccounts.server.emailaccount.web;

import io.emailaccounts.server.MayUse;
