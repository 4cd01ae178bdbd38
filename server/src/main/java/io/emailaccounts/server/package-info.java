/**
 * The EmailAccounts server: the application's entry point, and the rule each package states of what it may use
 * ({@link io.emailaccounts.server.MayUse}). Its packages: {@code config} (settings, start-up checks), {@code error}
 * (the API's envelope), {@code secrets}, {@code limits}, {@code security}, {@code web} (the path every request
 * takes) and {@code web.validation} (the contract's checks of a request), {@code contract} (the contract served),
 * {@code operations} (readiness, backups), and the feature, {@code emailaccount}, with its layers {@code web},
 * {@code service}, {@code search} and {@code persistence}.
 */
@MayUse({})
package io.emailaccounts.server;
