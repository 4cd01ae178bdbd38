/**
 * The contract the server serves (api/openapi.yaml, as the build copied it), read once at start-up with the contract
 * module's reader.
 */
@MayUse({})
package io.emailaccounts.server.contract;

import io.emailaccounts.server.MayUse;
