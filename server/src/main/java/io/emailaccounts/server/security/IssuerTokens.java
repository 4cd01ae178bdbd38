package io.emailaccounts.server.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.emailaccounts.server.config.EmailAccountsProperties;

/**
 * The user of a verified token from the organisation's OpenID Connect issuer, as its claims say: named by
 * {@code preferred_username}, else {@code sub} (or by Spring Boot's {@code principal-claim-name}); the contract's roles among those of the roles claim (others, such as
 * an issuer's own {@code offline_access}, are ignored); a full administrator with the administrator role; limited to
 * the BusinessIds of the businesses claim, or to none of them with {@code "*"}. A user who is not an administrator
 * and whose token names no business is refused, never taken for one of every business.
 */
final class IssuerTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Logger log = LoggerFactory.getLogger(IssuerTokens.class);

    private final EmailAccountsProperties.Issuer claims;
    private final String nameClaim;
    private final Set<String> knownRoles;
    private final UserNames userNames;
    private final Predicate<String> configuredUser;

    /**
     * @param nameClaim      the claim that names the user ({@code spring.security.oauth2.resourceserver.jwt.principal-claim-name});
     *                       null for {@code preferred_username}, else {@code sub}
     * @param configuredUser whether a name is one of the server's own users (whatever its case), which an issuer's
     *                       user may not take
     */
    IssuerTokens(EmailAccountsProperties.Issuer claims, String nameClaim, Set<String> knownRoles, UserNames userNames,
                 Predicate<String> configuredUser) {
        this.claims = claims;
        this.nameClaim = nameClaim;
        this.knownRoles = Set.copyOf(knownRoles);
        this.userNames = userNames;
        this.configuredUser = configuredUser;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        if ("ID".equalsIgnoreCase(token.getClaimAsString("typ"))) {
            // Keycloak marks its ID tokens so: made for a client that signs users in, not for this API.
            throw new InvalidBearerTokenException("The bearer token is an ID token, not an access token.");
        }
        String name = name(token);
        List<String> roles = strings(claim(token.getClaims(), claims.rolesClaim()));
        List<GrantedAuthority> authorities = new ArrayList<>();
        boolean administrator = roles.contains(claims.administratorRole());
        if (administrator) {
            authorities.add(new SimpleGrantedAuthority(Authorities.FULL_ADMINISTRATOR));
        }
        roles.stream().filter(knownRoles::contains).distinct().forEach(role -> authorities.add(new SimpleGrantedAuthority(role)));
        if (!administrator) {
            authorities.addAll(businesses(claim(token.getClaims(), claims.businessesClaim())));
        }
        return new JwtAuthenticationToken(token, authorities, name);
    }

    /**
     * The user's name: the name claim's, else {@code preferred_username}, else {@code sub}. Refused when missing, longer
     * than user names may be, holding control characters (it reaches records and logs), or the name of one of the
     * server's own users, whose records, limits and idempotency keys it would share.
     */
    private String name(Jwt token) {
        String name = nameClaim != null ? token.getClaimAsString(nameClaim) : token.getClaimAsString("preferred_username");
        if (nameClaim == null && (name == null || name.isBlank())) {
            name = token.getSubject();
        }
        if (name == null || name.isBlank()) {
            throw new InvalidBearerTokenException("The access token names no user.");
        }
        String issuer = token.getClaimAsString(JwtClaimNames.ISS);
        if (userNames.tooLong(name) || name.chars().anyMatch(Character::isISOControl)) {
            log.warn("A token of {} names a user of {} characters, or with control characters; user names may have at "
                    + "most {}, and none", issuer, name.length(), userNames.maxLength());
            throw new InvalidBearerTokenException("The access token's user name is longer than " + userNames.maxLength()
                    + " characters, or holds control characters.");
        }
        if (configuredUser.test(name)) {
            log.warn("A token of {} names a user of this server's own configuration ({}): refused", issuer, name);
            throw new InvalidBearerTokenException("The access token's user name is taken by a user of this server.");
        }
        return name;
    }

    /**
     * The business authorities of the businesses claim: none for {@code "*"} (every business); one per BusinessId,
     * given as a number or as a string of digits.
     *
     * @throws TokenNamesNoBusinessException when the claim is missing, empty, or holds anything else
     */
    private List<GrantedAuthority> businesses(Object claim) {
        if (EmailAccountsProperties.User.EVERY_BUSINESS.equals(claim)
                || claim instanceof Collection<?> values && values.size() == 1
                && EmailAccountsProperties.User.EVERY_BUSINESS.equals(values.iterator().next())) {
            return List.of();
        }
        List<GrantedAuthority> businesses = new ArrayList<>();
        Collection<?> values = claim instanceof Collection<?> list ? list : claim == null ? List.of() : List.of(claim);
        for (Object value : values) {
            long id = businessId(value);
            if (id < 1) {
                throw new TokenNamesNoBusinessException(claims.businessesClaim());
            }
            businesses.add(new SimpleGrantedAuthority(Authorities.BUSINESS_PREFIX + id));
        }
        if (businesses.isEmpty()) {
            throw new TokenNamesNoBusinessException(claims.businessesClaim());
        }
        return businesses;
    }

    /** A BusinessId, or 0 for a value that is not one: a whole number, or a string of ASCII digits. */
    private static long businessId(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text && !text.isEmpty() && text.length() <= 18
                && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Long.parseLong(text);
        }
        return 0;
    }

    /** The claim of that name, else the one at that dotted path ({@code realm_access.roles}), else null. */
    static Object claim(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    /** The strings of a list claim, or of a single string claim. */
    private static List<String> strings(Object claim) {
        if (claim instanceof String text) {
            return List.of(text);
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
