package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import io.emailaccounts.server.config.InvalidConfigurationException;
import io.emailaccounts.server.support.MovingClock;

/** Which issuers are trusted, and the settings of the organisation's issuer that start-up refuses. */
class TrustedIssuersTest {

    private final JwtDecoder own = token -> {
        throw new AssertionError("not the server's own token");
    };

    private static OAuth2ResourceServerProperties.Jwt issuer(String uri, String... audiences) {
        OAuth2ResourceServerProperties.Jwt settings = new OAuth2ResourceServerProperties().getJwt();
        settings.setIssuerUri(uri);
        settings.setAudiences(List.of(audiences));
        return settings;
    }

    private TrustedIssuers trusted(OAuth2ResourceServerProperties.Jwt settings, boolean development) {
        return TrustedIssuers.of(own, settings, AccessTokenLifetimeTest.security(Duration.ZERO), development, Clock.systemUTC());
    }

    @Test
    void shouldRefuseATokenOfAnIssuerNotTrusted() {
        TrustedIssuers issuers = trusted(issuer("https://login.example.org/realms/acme", "emailaccounts-api"), false);

        assertThat(issuers.trustsAnIssuer()).isTrue();
        assertThatThrownBy(() -> issuers.decode("not-a-jwt")).isInstanceOf(BadJwtException.class);
        // A token of another issuer's name: refused before any key is looked for.
        assertThatThrownBy(() -> issuers.decode(signed("https://evil.example"))).isInstanceOf(BadJwtException.class).hasMessageContaining("not trusted");
    }

    @Test
    void shouldAnswerAnIssuerOutOfReachAtOnceForAFewSecondsAfterAFailedFetch() {
        String unreachable = "http://127.0.0.1:1/realms/acme";
        MovingClock clock = new MovingClock(Instant.parse("2026-01-01T00:00:00Z"));
        TrustedIssuers issuers = TrustedIssuers.of(own, issuer(unreachable, "api"), AccessTokenLifetimeTest.security(Duration.ZERO),
                false, clock);
        String token = signed(unreachable);

        assertThatThrownBy(() -> issuers.decode(token)).isInstanceOf(IssuerUnavailableException.class).cause().isNotNull();
        clock.set(clock.instant().plusSeconds(IssuerUnavailableException.UNREACHABLE_RETRY_AFTER_SECONDS - 1));
        assertThatThrownBy(() -> issuers.decode(token)).as("no fetch").isInstanceOf(IssuerUnavailableException.class).hasNoCause();
        clock.set(clock.instant().plusSeconds(1));
        assertThatThrownBy(() -> issuers.decode(token)).as("a fetch again").isInstanceOf(IssuerUnavailableException.class).cause().isNotNull();
    }

    /** A JWT of that issuer signed with a key of no one's. */
    private static String signed(String issuer) {
        SecretKeySpec key = new SecretKeySpec(new byte[32], "HmacSHA256");
        return NimbusJwtEncoder.withSecretKey(key).build().encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                JwtClaimsSet.builder().issuer(issuer).subject("ann").build())).getTokenValue();
    }

    /** A JWT of that issuer with no signature, as anyone can make one. */
    private static String unsigned(String issuer) {
        return "eyJhbGciOiJub25lIn0." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"iss\":\"" + issuer + "\",\"sub\":\"ann\"}").getBytes()) + ".";
    }

    @Test
    void shouldRefuseATokenThatIsNotASignedJwtBeforeLookingForItsIssuer() {
        TrustedIssuers issuers = trusted(issuer("http://127.0.0.1:1/realms/acme", "api"), false);
        String encrypted = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}".getBytes())
                + ".AA.AA.AA.AA";

        for (String token : List.of(encrypted, unsigned("http://127.0.0.1:1/realms/acme"), unsigned(AccessTokens.ISSUER), "a.b.c", "")) {
            assertThatThrownBy(() -> issuers.decode(token)).as(token).isInstanceOf(BadJwtException.class);
        }
    }

    @Test
    void shouldRefuseSpringBootsClaimSettingsThatAreNotUsed() {
        OAuth2ResourceServerProperties.Jwt settings = issuer("https://login.example.org/realms/acme", "api");
        settings.setAuthoritiesClaimName("groups");

        assertThatThrownBy(() -> trusted(settings, true)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("authorities-claim-name");
    }

    @Test
    void shouldTrustNoIssuerButItsOwnWhenNoneIsConfigured() {
        assertThat(trusted(new OAuth2ResourceServerProperties().getJwt(), false).trustsAnIssuer()).isFalse();
    }

    @Test
    void shouldRefuseAnIssuerWithoutAudiencesInProductionMode() {
        assertThatThrownBy(() -> trusted(issuer("https://login.example.org/realms/acme"), false))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences");
        assertThat(trusted(issuer("https://login.example.org/realms/acme"), true).trustsAnIssuer()).isTrue();
    }

    @Test
    void shouldRefuseKeySettingsThatAreNotUsed() {
        OAuth2ResourceServerProperties.Jwt settings = issuer("https://login.example.org/realms/acme", "api");
        settings.setJwkSetUri("https://login.example.org/keys");

        assertThatThrownBy(() -> trusted(settings, true)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("jwk-set-uri");
    }

    @Test
    void shouldRefuseTheServersOwnIssuerAsTheOrganisations() {
        assertThatThrownBy(() -> trusted(issuer(AccessTokens.ISSUER, "api"), true)).isInstanceOf(InvalidConfigurationException.class);
    }
}
