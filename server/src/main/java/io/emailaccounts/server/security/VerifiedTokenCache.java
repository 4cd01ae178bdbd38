package io.emailaccounts.server.security;

import java.time.Duration;
import java.util.function.Predicate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Remembers the server's own access tokens whose signature was verified, so that a client sending the same bearer
 * token with every request pays for parsing and checking it once. Only tokens the decoder accepted are remembered, in
 * memory only, for at most a token's lifetime; each use checks the remembered token's claims again (its expiry above
 * all), so a token is refused from the moment it would be refused without this cache. Tokens of the organisation's
 * issuer are not remembered: each is checked against the keys the issuer publishes now.
 */
final class VerifiedTokenCache implements JwtDecoder {

    /** Bounds memory; the least recently used tokens are forgotten first. */
    private static final long MAX_ENTRIES = 10_000;

    private final JwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;
    private final Predicate<Jwt> remember;

    /**
     * @param decoder   verifies a token's signature and claims
     * @param validator the claims checks the decoder applies, run again on every use of a remembered token
     * @param lifetime  how long an access token lives; nothing is remembered longer
     * @param remember  which verified tokens to remember: those {@code validator} checks
     */
    VerifiedTokenCache(JwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, Duration lifetime, Predicate<Jwt> remember) {
        this.decoder = decoder;
        this.validator = validator;
        this.remember = remember;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(lifetime).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = verified.getIfPresent(token);
        if (remembered == null) {
            Jwt jwt = decoder.decode(token);
            if (remember.test(jwt)) {
                verified.put(token, jwt);
            }
            return jwt;
        }
        OAuth2TokenValidatorResult result = validator.validate(remembered);
        if (result.hasErrors()) {
            verified.invalidate(token);
            throw new JwtValidationException("The access token is no longer valid", result.getErrors());
        }
        return remembered;
    }
}
