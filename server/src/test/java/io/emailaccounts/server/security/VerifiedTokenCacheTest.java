package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import io.emailaccounts.server.support.MovingClock;

class VerifiedTokenCacheTest {

    private static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "HmacSHA256");
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final MovingClock clock = new MovingClock(Instant.parse("2025-01-15T10:00:00Z"));
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private final JwtDecoder cache = cache();

    private JwtDecoder cache() {
        JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
        expiry.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(expiry, new JwtIssuerValidator(AccessTokens.ISSUER));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        nimbus.setJwtValidator(validator);
        JwtDecoder counting = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
        return new VerifiedTokenCache(counting, validator, LIFETIME, jwt -> true);
    }

    private String token() {
        return new AccessTokens(NimbusJwtEncoder.withSecretKey(KEY).build(), LIFETIME, "emailaccounts", clock)
                .issue("admin@example.com", List.of(new SimpleGrantedAuthority("EmailAccount-Edit")));
    }

    @Test
    void shouldCheckATokensSignatureOnceAndAnswerItsLaterUsesFromMemory() {
        String token = token();

        Jwt first = cache.decode(token);
        Jwt second = cache.decode(token);

        assertThat(second.getSubject()).isEqualTo("admin@example.com").isEqualTo(first.getSubject());
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void shouldRefuseARememberedTokenFromTheMomentItExpires() {
        String token = token();
        cache.decode(token);

        clock.advance(LIFETIME.plusSeconds(1));

        assertThatThrownBy(() -> cache.decode(token)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> cache.decode(token)).as("forgotten, and refused by the decoder itself").isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void shouldRememberNoTokenItRefused() {
        String token = token();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");

        assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> cache.decode(tampered)).isInstanceOf(JwtException.class);
        assertThat(signatureChecks).hasValue(2);
    }
}
