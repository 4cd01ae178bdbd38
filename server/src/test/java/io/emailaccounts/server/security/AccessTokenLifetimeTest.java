package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.server.support.MovingClock;

/**
 * An access token is refused once the lifetime the server announced ({@code expires_in}) has passed, with no more
 * leeway than emailaccounts.security.clock-skew (0 by default), whether its signature was checked before or not.
 */
class AccessTokenLifetimeTest {

    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration LIFETIME = Duration.ofSeconds(3);
    private static final SecretKey KEY = new SecretKeySpec("an-access-token-signing-key-of-32-bytes!".getBytes(), "HmacSHA256");

    private final MovingClock clock = new MovingClock(ISSUED);
    private final String token = new AccessTokens(NimbusJwtEncoder.withSecretKey(KEY).build(), LIFETIME, "emailaccounts",
            Clock.fixed(ISSUED, ZoneOffset.UTC)).issue("admin@example.com", List.of(new SimpleGrantedAuthority("EmailAccount-Read")));

    private JwtDecoder decoder(Duration clockSkew) {
        return SecurityConfiguration.bearerTokenDecoder(KEY, security(clockSkew), new OAuth2ResourceServerProperties().getJwt(), false, clock);
    }

    @Test
    void shouldRefuseATokenOneSecondAfterItsAnnouncedLifetime() {
        JwtDecoder decoder = decoder(Duration.ZERO);

        clock.set(ISSUED.plus(LIFETIME));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("admin@example.com");
        clock.set(ISSUED.plus(LIFETIME).plusSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void shouldRefuseAnExpiredTokenWhoseSignatureWasCheckedBefore() {
        JwtDecoder decoder = decoder(Duration.ZERO);
        decoder.decode(token);

        clock.set(ISSUED.plus(LIFETIME).plusSeconds(1));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void shouldAllowTheConfiguredClockSkewAndNoMore() {
        JwtDecoder decoder = decoder(Duration.ofSeconds(5));

        clock.set(ISSUED.plus(LIFETIME).plusSeconds(5));
        assertThat(decoder.decode(token).getSubject()).isEqualTo("admin@example.com");
        clock.set(ISSUED.plus(LIFETIME).plusSeconds(6));
        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void shouldRefuseAClockSkewOfMoreThanAFewSeconds() {
        assertThatThrownBy(() -> security(Duration.ofSeconds(60)))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("emailaccounts.security.clock-skew");
        assertThatThrownBy(() -> security(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidConfigurationException.class);
    }

    @Test
    void shouldRefuseATokenOfThisServersMakingForAnotherDeploymentsAudience() {
        JwtDecoder decoder = decoder(Duration.ZERO);
        String staging = new AccessTokens(NimbusJwtEncoder.withSecretKey(KEY).build(), LIFETIME, "emailaccounts-staging",
                Clock.fixed(ISSUED, ZoneOffset.UTC)).issue("admin@example.com", List.of());

        assertThatThrownBy(() -> decoder.decode(staging)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void shouldTakeATokenWithoutAudienceOnlyIfMadeWithinALifetimeOfStartUp() {
        JwtDecoder decoder = decoder(Duration.ZERO); // started at ISSUED
        String madeByTheVersionBefore = withoutAudience(ISSUED.plus(LIFETIME).minusSeconds(1));
        String madeLater = withoutAudience(ISSUED.plus(LIFETIME));

        clock.set(ISSUED.plus(LIFETIME));
        assertThat(decoder.decode(madeByTheVersionBefore).getSubject()).isEqualTo("admin@example.com");
        assertThatThrownBy(() -> decoder.decode(madeLater)).isInstanceOf(JwtValidationException.class);
    }

    private static String withoutAudience(Instant issued) {
        return NimbusJwtEncoder.withSecretKey(KEY).build().encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer(AccessTokens.ISSUER).subject("admin@example.com").issuedAt(issued)
                        .expiresAt(issued.plus(LIFETIME)).build())).getTokenValue();
    }

    static EmailAccountsProperties.Security security(Duration clockSkew) {
        return new EmailAccountsProperties.Security(null, LIFETIME, Duration.ofDays(15), clockSkew, Duration.ofDays(30), 10,
                "emailaccounts", new EmailAccountsProperties.Issuer("roles", "businesses", "Administrator",
                        Duration.ofMinutes(5), Duration.ofSeconds(30)));
    }
}
