package io.emailaccounts.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Signed JWT access tokens. They carry the user's authorities, so a request with one is authorized from the token
 * alone, without a lookup.
 */
final class AccessTokens {

    static final String ISSUER = "emailaccounts";
    static final String AUTHORITIES_CLAIM = "authorities";

    private final JwtEncoder encoder;
    private final Duration lifetime;
    private final Clock clock;

    AccessTokens(JwtEncoder encoder, Duration lifetime, Clock clock) {
        this.encoder = encoder;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    String issue(String username, Collection<? extends GrantedAuthority> authorities) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(username)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim(AUTHORITIES_CLAIM, authorities.stream().map(GrantedAuthority::getAuthority).toList())
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    Duration lifetime() {
        return lifetime;
    }
}
