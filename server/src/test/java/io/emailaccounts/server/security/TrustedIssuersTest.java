package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import io.emailaccounts.server.config.InvalidConfigurationException;

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
        String unsigned = "eyJhbGciOiJub25lIn0." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"iss\":\"https://evil.example\",\"sub\":\"ann\"}".getBytes()) + ".";
        assertThatThrownBy(() -> issuers.decode(unsigned)).isInstanceOf(BadJwtException.class).hasMessageContaining("not trusted");
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
