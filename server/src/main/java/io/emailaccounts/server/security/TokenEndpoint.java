package io.emailaccounts.server.security;

import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.emailaccounts.server.generated.api.AuthenticationApiDelegate;
import io.emailaccounts.server.generated.model.TokenResponse;
import io.emailaccounts.server.limits.RateLimit;

/**
 * {@code POST /api/token}: the password and refresh-token grants of OAuth 2.0, each refresh token in a family of its
 * sign-in ({@link RefreshTokenStore}). The endpoint has a rate limit of its own, per client address and per user name
 * (shared by the replicas, as the other limits), before any password is checked.
 */
class TokenEndpoint implements AuthenticationApiDelegate {

    private static final String WRONG_CREDENTIALS = "The user name or password is incorrect.";

    private final AuthenticationManager authenticationManager;
    private final UserDetailsService users;
    private final AccessTokens accessTokens;
    private final RefreshTokenStore refreshTokens;
    private final UserNames userNames;
    private final RateLimit tokenRequests;
    private final RateLimit tokenRequestsPerName;
    private final LoginThrottle throttle;
    private final PasswordBinding passwordBinding;

    /**
     * @param tokenRequestsPerName password grants per user name, for the addresses that did not sign in under it within
     *                             the throttle's window: those are limited per address only, so that a flood of grants
     *                             for a name from elsewhere does not keep its user out
     */
    TokenEndpoint(AuthenticationManager authenticationManager, UserDetailsService users, AccessTokens accessTokens,
                  RefreshTokenStore refreshTokens, UserNames userNames, RateLimit tokenRequests, RateLimit tokenRequestsPerName,
                  LoginThrottle throttle, PasswordBinding passwordBinding) {
        this.authenticationManager = authenticationManager;
        this.users = users;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.userNames = userNames;
        this.tokenRequests = tokenRequests;
        this.tokenRequestsPerName = tokenRequestsPerName;
        this.throttle = throttle;
        this.passwordBinding = passwordBinding;
    }

    /** A refusal commits what it did: a revoked family stays revoked. */
    @Override
    @Transactional(noRollbackFor = OAuthTokenException.class)
    public ResponseEntity<TokenResponse> createToken(String grantType, String username, String password, String refreshToken) {
        tokenRequests.acquire("address:" + ClientAddress.current(), "Too many token requests: at most "
                + tokenRequests.perMinute() + " a minute are accepted from one address; try again later.");
        if (hasQuery()) {
            throw new OAuthTokenException(OAuthTokenException.INVALID_REQUEST,
                    "The parameters go in the form body, not in the URL (where logs would keep a password).");
        }
        if ("password".equals(grantType) && !isBlank(username) && !userNames.tooLong(username)
                && !throttle.signedInWithin(username, ClientAddress.current())) {
            tokenRequestsPerName.acquire("name:" + username.toLowerCase(Locale.ROOT), "Too many token requests for this "
                    + "user name: at most " + tokenRequestsPerName.perMinute() + " a minute; try again later.");
        }
        return switch (grantType) {
            case "password" -> passwordGrant(username, password);
            case "refresh_token" -> refreshGrant(refreshToken);
            default -> throw new OAuthTokenException(OAuthTokenException.UNSUPPORTED_GRANT_TYPE,
                    "grant_type must be password or refresh_token.");
        };
    }

    /** Whether the request's URL has a query: RFC 6749 sends the token request's parameters in the body. */
    private static boolean hasQuery() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                && request.getRequest().getQueryString() != null;
    }

    private ResponseEntity<TokenResponse> passwordGrant(String username, String password) {
        if (isBlank(username) || isBlank(password)) {
            throw new OAuthTokenException(OAuthTokenException.INVALID_REQUEST, "username and password are required.");
        }
        if (userNames.tooLong(username)) {
            throw new OAuthTokenException(OAuthTokenException.INVALID_REQUEST,
                    "username is longer than " + userNames.maxLength() + " characters.");
        }
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
        } catch (LoginThrottledException | InternalAuthenticationServiceException | PasswordChecksBusyException e) {
            // 429 like every other throttled sign-in; 503 when the throttle's database is out of reach, or every
            // password check is busy
            throw e;
        } catch (AuthenticationException e) {
            throw new OAuthTokenException(OAuthTokenException.INVALID_GRANT, WRONG_CREDENTIALS);
        }
        UserDetails user = currentUser(authentication.getName());
        return tokens(user, refreshTokens.signedIn(user.getUsername(), user.getPassword()));
    }

    private ResponseEntity<TokenResponse> refreshGrant(String refreshToken) {
        if (isBlank(refreshToken)) {
            throw new OAuthTokenException(OAuthTokenException.INVALID_REQUEST, "refresh_token is required.");
        }
        RefreshTokenStore.Used used = refreshTokens.use(refreshToken).orElseThrow(() -> new OAuthTokenException(
                OAuthTokenException.INVALID_GRANT, "The refresh token is invalid, expired or was already used."));
        UserDetails user;
        try {
            user = currentUser(used.username());
        } catch (OAuthTokenException removed) {
            refreshTokens.revoke(used.familyId());
            throw removed;
        }
        if (!refreshTokens.boundTo(used, user.getPassword())) {
            refreshTokens.revoke(used.familyId());
            throw new OAuthTokenException(OAuthTokenException.INVALID_GRANT,
                    "The user's password changed since this sign-in: sign in again.");
        }
        return tokens(user, refreshTokens.refreshed(used));
    }

    /** The user as configured now, so that a token carries the roles the user holds today (and only those). */
    private UserDetails currentUser(String username) {
        try {
            return users.loadUserByUsername(username);
        } catch (UsernameNotFoundException e) {
            throw new OAuthTokenException(OAuthTokenException.INVALID_GRANT, "The user no longer exists.");
        }
    }

    private ResponseEntity<TokenResponse> tokens(UserDetails user, String refreshToken) {
        TokenResponse body = new TokenResponse()
                .accessToken(accessTokens.issue(user.getUsername(), user.getAuthorities(), passwordBinding.of(user.getPassword())))
                .tokenType(TokenResponse.TokenTypeEnum.BEARER)
                .expiresIn(Math.toIntExact(accessTokens.lifetime().toSeconds()))
                .refreshToken(refreshToken);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .body(body);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
