package io.emailaccounts.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signed JWT access tokens of this server (issuer {@value #ISSUER}, audience this deployment's): the user, its authorities when the token was issued (for the client to read), and the
 * fingerprint of the user's stored password ({@link PasswordBinding}). A request with one is authorized with the
 * authorities the user holds now ({@link CurrentUserTokens}).
 */
final class AccessTokens {

    static final String ISSUER = "emailaccounts";
    static final String AUTHORITIES_CLAIM = "authorities";
    static final String PASSWORD_BINDING_CLAIM = "password_binding";

    private final JwtEncoder encoder;
    private final Duration lifetime;
    private final String audience;
    private final Clock clock;

    /** @param audience this deployment's audience, {@code emailaccounts.security.token-audience} */
    AccessTokens(JwtEncoder encoder, Duration lifetime, String audience, Clock clock) {
        this.encoder = encoder;
        this.lifetime = lifetime;
        this.audience = audience;
        this.clock = clock;
    }

    String issue(String username, Collection<? extends GrantedAuthority> authorities) {
        return issue(username, authorities, null);
    }

    /** @param passwordBinding the fingerprint of the user's stored password; null for none */
    String issue(String username, Collection<? extends GrantedAuthority> authorities, String passwordBinding) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(audience))
                .subject(username)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(AUTHORITIES_CLAIM, authorities.stream().map(GrantedAuthority::getAuthority).toList());
        if (passwordBinding != null) {
            claims.claim(PASSWORD_BINDING_CLAIM, passwordBinding);
        }
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
    }

    Duration lifetime() {
        return lifetime;
    }
}
