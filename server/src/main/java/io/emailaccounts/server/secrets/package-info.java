/**
 * The key that encrypts the access tokens at rest (AES-256-GCM) and the fingerprints of texts that may hold secrets.
 */
@MayUse("config")
package io.emailaccounts.server.secrets;

import io.emailaccounts.server.MayUse;
