package io.emailaccounts.server.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A verified access token's user as configured now: authorized with the roles and businesses it holds today (the
 * configuration changes with a restart), and refused once the user is removed or its password changed since the token
 * was issued, rather than for the rest of the token's hour. A token without the password's fingerprint (issued before
 * tokens carried one) is taken on its user alone, until it expires.
 */
final class CurrentUserTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private final UserDetailsService users;
    private final PasswordBinding passwordBinding;

    CurrentUserTokens(UserDetailsService users, PasswordBinding passwordBinding) {
        this.users = users;
        this.passwordBinding = passwordBinding;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        UserDetails user;
        try {
            user = users.loadUserByUsername(token.getSubject());
        } catch (UsernameNotFoundException removed) {
            throw new InvalidBearerTokenException("The user of this token no longer exists.");
        }
        String binding = token.getClaimAsString(AccessTokens.PASSWORD_BINDING_CLAIM);
        if (binding != null && !passwordBinding.matches(user.getPassword(), binding)) {
            throw new InvalidBearerTokenException("The user's password changed since this token was issued: sign in again.");
        }
        return new JwtAuthenticationToken(token, user.getAuthorities(), user.getUsername());
    }
}
