package io.emailaccounts.server.security;

import java.text.ParseException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import com.nimbusds.jwt.JWTParser;

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

    private final Map<String, JwtDecoder> decoders;

    private TrustedIssuers(Map<String, JwtDecoder> decoders) {
        this.decoders = Map.copyOf(decoders);
    }

    /**
     * @param own      the decoder of the server's own tokens
     * @param external the resource server's settings; an issuer is trusted when its {@code issuer-uri} is set
     */
    static TrustedIssuers of(JwtDecoder own, OAuth2ResourceServerProperties.Jwt external, EmailAccountsProperties.Security security,
                             boolean development, Clock clock) {
        Map<String, JwtDecoder> decoders = new LinkedHashMap<>();
        decoders.put(AccessTokens.ISSUER, own);
        if (external.getJwkSetUri() != null || external.getPublicKeyLocation() != null) {
            throw new InvalidConfigurationException("spring.security.oauth2.resourceserver.jwt.jwk-set-uri and "
                    + ".public-key-location are not used by this server.", "Set spring.security.oauth2.resourceserver.jwt.issuer-uri "
                    + "to the OpenID Connect issuer (its keys are found from its discovery document), and remove those; "
                    + "the guide Authentication says how.");
        }
        String issuer = external.getIssuerUri();
        if (issuer != null && !issuer.isBlank()) {
            decoders.put(issuer, issuerDecoder(issuer, external, security, development, clock));
        }
        return new TrustedIssuers(decoders);
    }

    /** Whether a token from the organisation's issuer can be taken. */
    boolean trustsAnIssuer() {
        return decoders.size() > 1;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        String issuer;
        try {
            issuer = JWTParser.parse(token).getJWTClaimsSet().getIssuer();
        } catch (ParseException e) {
            throw new BadJwtException("The bearer token is not a JWT", e);
        }
        JwtDecoder decoder = issuer == null ? null : decoders.get(issuer);
        if (decoder == null) {
            throw new BadJwtException("The bearer token's issuer is not trusted");
        }
        try {
            return decoder.decode(token);
        } catch (JwtDecoderInitializationException e) {
            throw new IssuerUnavailableException(issuer, e);
        } catch (BadJwtException e) {
            throw e;
        } catch (JwtException e) {
            // Spring Security's decoder says a failure to fetch the keys with a plain JwtException.
            throw issuer.equals(AccessTokens.ISSUER) ? e : new IssuerUnavailableException(issuer, e);
        }
    }

    /**
     * Spring Security's decoder for an issuer location: the issuer's discovery document and keys fetched on first use
     * (a server starts while its issuer is down), its keys kept by {@link IssuerKeySetCache}; the token's issuer, one of
     * the audiences, and its expiry with {@code emailaccounts.security.clock-skew} checked.
     */
    private static JwtDecoder issuerDecoder(String issuer, OAuth2ResourceServerProperties.Jwt settings,
                                            EmailAccountsProperties.Security security, boolean development, Clock clock) {
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
        EmailAccountsProperties.Issuer keys = security.issuer();
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer)
                    .jwsAlgorithms(set -> set.addAll(algorithms))
                    .cache(new IssuerKeySetCache(keys.keySetLifetime(), keys.keySetRefreshInterval(), clock))
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }
}
