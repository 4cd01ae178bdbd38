/**
 * The path every request takes, for every feature: the request size limit, the write limit, the contract's checks of
 * parameters and bodies, strict handling of methods and media types, the access log, the drain at shutdown, and
 * every failure the framework or the container raises as the API's envelope.
 */
@MayUse({"config", "error", "generated.model", "limits", "security", "web.validation"})
package io.emailaccounts.server.web;

import io.emailaccounts.server.MayUse;
