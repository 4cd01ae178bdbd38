package io.emailaccounts.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.emailaccounts.client.api.AuthenticationApi;
import io.emailaccounts.client.model.TokenResponse;

/** Holds the access token of a password-grant client and renews it before it expires. Thread-safe. */
final class PasswordGrantTokens {

    /** Renew this long before expiry, so that a token does not expire on its way to the server. */
    private static final Duration EARLY_RENEWAL = Duration.ofSeconds(60);

    private final AuthenticationApi authentication;
    private final String username;
    private final String password;
    private final Clock clock;

    private String accessToken;
    private String refreshToken;
    private Instant renewAt = Instant.MIN;

    PasswordGrantTokens(ApiClient unauthenticatedClient, String username, String password) {
        this(unauthenticatedClient, username, password, Clock.systemUTC());
    }

    PasswordGrantTokens(ApiClient unauthenticatedClient, String username, String password, Clock clock) {
        this.authentication = new AuthenticationApi(unauthenticatedClient);
        this.username = username;
        this.password = password;
        this.clock = clock;
    }

    synchronized String accessToken() {
        if (accessToken == null || !clock.instant().isBefore(renewAt)) {
            renew();
        }
        return accessToken;
    }

    private void renew() {
        TokenResponse tokens = null;
        if (refreshToken != null) {
            try {
                tokens = authentication.createToken("refresh_token", null, null, refreshToken);
            } catch (ApiException expiredOrUsed) {
                tokens = null; // sign in again below
            }
        }
        if (tokens == null) {
            try {
                tokens = authentication.createToken("password", username, password, null);
            } catch (ApiException e) {
                // Thrown from the request's interceptor, where the checked ApiException cannot go.
                throw new UncheckedApiException("Signing in as " + username + " failed: HTTP " + e.getCode()
                        + ApiErrors.tokenError(e).map(error -> " " + error.getError() + ": " + error.getErrorDescription()).orElse(""), e);
            }
        }
        accessToken = tokens.getAccessToken();
        refreshToken = tokens.getRefreshToken();
        renewAt = clock.instant().plusSeconds(tokens.getExpiresIn()).minus(EARLY_RENEWAL);
    }
}
