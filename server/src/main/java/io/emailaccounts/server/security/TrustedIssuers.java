package io.emailaccounts.server.security;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.InvalidConfigurationException;

/**
 * The issuers whose bearer tokens the server takes, each token sent to its own issuer's decoder by its {@code iss}
 * claim (read before anything is verified, as Spring Security's {@code JwtIssuerAuthenticationManagerResolver}
 * does): the server's own tokens ({@link AccessTokens#ISSUER}, HMAC-signed), and, when
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} is set, the organisation's OpenID Connect issuer's
 * (signed with the keys it publishes). A token of any other issuer is refused. Neither kind is taken for the other: a
 * token is checked by its issuer's keys alone, and each kind's audience is its own.
 */
final class TrustedIssuers implements JwtDecoder {

    private static final Logger log = LoggerFactory.getLogger(TrustedIssuers.class);

    /** The organisation's issuer: its identifier, its decoder, and the cache of its keys. */
    private record External(String issuer, JwtDecoder decoder, IssuerKeySetCache keys) {
    }

    private final JwtDecoder own;
    /** Null when no issuer is configured. */
    private final External external;
    private final Clock clock;
    /**
     * Until when the organisation's issuer is taken to be out of reach, after a failure to fetch its configuration or
     * keys: its tokens are answered 503 at once meanwhile, rather than each waiting on a fetch of its own (one at a
     * time: Spring Security's decoder fetches under a lock).
     */
    private final AtomicReference<Instant> unreachableUntil = new AtomicReference<>(Instant.MIN);

    private TrustedIssuers(JwtDecoder own, External external, Clock clock) {
        this.own = own;
        this.external = external;
        this.clock = clock;
    }

    /**
     * @param own      the decoder of the server's own tokens
     * @param settings the resource server's settings; an issuer is trusted when its {@code issuer-uri} is set
     */
    static TrustedIssuers of(JwtDecoder own, OAuth2ResourceServerProperties.Jwt settings, EmailAccountsProperties.Security security,
                             boolean development, Clock clock) {
        refuseSettingsNotUsed(settings);
        String issuer = settings.getIssuerUri();
        if (issuer == null || issuer.isBlank()) {
            return new TrustedIssuers(own, null, clock);
        }
        IssuerKeySetCache keys = new IssuerKeySetCache(security.issuer().keySetLifetime(), security.issuer().keySetRefreshInterval(), clock);
        return new TrustedIssuers(own, new External(issuer, issuerDecoder(issuer, settings, security, development, keys, clock), keys), clock);
    }

    /** Spring Boot's settings for other ways to find keys or to read claims, each of which this server does its own way. */
    private static void refuseSettingsNotUsed(OAuth2ResourceServerProperties.Jwt settings) {
        if (settings.getJwkSetUri() != null || settings.getPublicKeyLocation() != null) {
            throw new InvalidConfigurationException("spring.security.oauth2.resourceserver.jwt.jwk-set-uri and "
                    + ".public-key-location are not used by this server.", "Set spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "to the OpenID Connect issuer (its keys are found from its discovery document), and remove those; "
                    + "the guide Authentication says how.");
        }
        if (settings.getAuthoritiesClaimName() != null || settings.getAuthorityPrefix() != null
                || settings.getAuthoritiesClaimDelimiter() != null) {
            throw new InvalidConfigurationException("spring.security.oauth2.resourceserver.jwt.authorities-claim-name, "
                    + ".authority-prefix and .authorities-claim-delimiter are not used by this server.",
                    "Name the claims with emailaccounts.security.issuer.roles-claim and .businesses-claim instead, and "
                            + "remove those; the guide Configuration lists them.");
        }
    }

    /** Whether a token from the organisation's issuer can be taken. */
    boolean trustsAnIssuer() {
        return external != null;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        SignedJWT jwt = signedJwt(token);
        String issuer = issuerOf(jwt);
        if (AccessTokens.ISSUER.equals(issuer)) {
            return own.decode(token);
        }
        if (external == null || !external.issuer().equals(issuer)) {
            throw new BadJwtException("The bearer token's issuer is not trusted");
        }
        if (clock.instant().isBefore(unreachableUntil.get())) {
            throw IssuerUnavailableException.unreachable(issuer, null);
        }
        external.keys().forgetHeldBackRefresh();
        try {
            return external.decoder().decode(token);
        } catch (BadJwtException e) {
            Duration heldBack = external.keys().forgetHeldBackRefresh();
            if (heldBack != null && !external.keys().hasSeen(jwt.getHeader().getKeyID())) {
                // Signed with a key never published yet, and the keys were fetched too lately to be fetched again:
                // perhaps the issuer's new key, perhaps a made-up one. Tried again later, it is judged on fresh keys.
                // (A key the issuer published, then withdrew, is refused at once.)
                throw IssuerUnavailableException.keyNotYetFetched(issuer, heldBack);
            }
            throw e;
        } catch (JwtDecoderInitializationException | JwtException e) {
            // Its configuration not fetched (the first), or its keys (Spring Security says so with a plain JwtException).
            unreachableUntil.set(clock.instant().plusSeconds(IssuerUnavailableException.UNREACHABLE_RETRY_AFTER_SECONDS));
            throw IssuerUnavailableException.unreachable(issuer, e);
        }
    }

    /** The token as a signed JWT, unverified: a JWT with no signature ({@code alg: none}), or an encrypted one, is never taken. */
    private static SignedJWT signedJwt(String token) {
        try {
            if (JWTParser.parse(token) instanceof SignedJWT signed) {
                return signed;
            }
        } catch (ParseException | RuntimeException e) {
            throw new BadJwtException("The bearer token is not a JWT", e);
        }
        throw new BadJwtException("The bearer token is not a signed JWT");
    }

    /** The issuer the token names, read before anything is verified; null when none. */
    private static String issuerOf(SignedJWT jwt) {
        try {
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return claims == null ? null : claims.getIssuer();
        } catch (ParseException | RuntimeException e) {
            throw new BadJwtException("The bearer token is not a JWT", e);
        }
    }

    /**
     * Spring Security's decoder for an issuer location: the issuer's discovery document and keys fetched on first use
     * (a server starts while its issuer is down), its keys kept by {@link IssuerKeySetCache}; the token's issuer, one of
     * the audiences, and its expiry with {@code emailaccounts.security.clock-skew} checked.
     */
    private static JwtDecoder issuerDecoder(String issuer, OAuth2ResourceServerProperties.Jwt settings,
                                            EmailAccountsProperties.Security security, boolean development,
                                            IssuerKeySetCache keys, Clock clock) {
        if (issuer.equals(AccessTokens.ISSUER)) {
            throw new InvalidConfigurationException("spring.security.oauth2.resourceserver.jwt.issuer-uri is '" + issuer
                    + "', the issuer of this server's own tokens.", "Set it to the OpenID Connect issuer's URL.");
        }
        List<String> audiences = settings.getAudiences();
        if (audiences.isEmpty()) {
            if (!development) {
                throw new InvalidConfigurationException("Production mode refuses unsafe settings:\n  - "
                        + "spring.security.oauth2.resourceserver.jwt.audiences is not set: every token of " + issuer
                        + " would be taken, those the issuer made for other applications too.",
                        "Set spring.security.oauth2.resourceserver.jwt.audiences to the audience the issuer puts in the "
                                + "tokens it makes for this API; the guide Authentication says how.");
            }
            log.warn("spring.security.oauth2.resourceserver.jwt.audiences is not set: every token of {} is taken, those "
                    + "it made for other applications too (development mode only)", issuer);
        }
        List<SignatureAlgorithm> algorithms = settings.getJwsAlgorithms().stream().map(name -> {
            SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
            if (algorithm == null) {
                throw new InvalidConfigurationException("spring.security.oauth2.resourceserver.jwt.jws-algorithms has '"
                        + name + "', which is not a public-key signature algorithm.", "List RS256, ES256, PS256 or the like.");
            }
            return algorithm;
        }).toList();
        JwtTimestampValidator timestamps = new JwtTimestampValidator(security.clockSkew());
        timestamps.setClock(clock);
        OAuth2TokenValidator<Jwt> validator = audiences.isEmpty()
                ? new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(issuer))
                : new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(issuer),
                        new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                                audience -> audience != null && audience.stream().anyMatch(audiences::contains)));
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                    .jwsAlgorithms(set -> set.addAll(algorithms))
                    .cache(keys)
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }
}
