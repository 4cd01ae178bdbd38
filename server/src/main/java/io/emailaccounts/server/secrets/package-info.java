/**
 * The keys that seal the access tokens at rest (AES-256-GCM: a current key, and older ones read until no value needs
 * them) and the fingerprints of texts that may hold secrets.
 */
@MayUse("config")
package io.emailaccounts.server.secrets;

import io.emailaccounts.server.MayUse;
