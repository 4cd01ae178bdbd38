package io.emailaccounts.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.SecretKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refresh tokens, as RFC 9700 (the OAuth 2.0 Security Best Current Practice) asks of tokens a client keeps: random,
 * single-use, stored only as SHA-256 hashes, and in families.
 * <ul>
 *     <li>The tokens of one sign-in (a password grant and every refresh after it) form a family, which ends
 *     {@code familyLifetime} after the sign-in, whatever its tokens' own lifetime says.</li>
 *     <li>A used token is kept until it expires. Used a second time, it revokes its whole family: one of the two
 *     users of the token was a thief, and neither keeps the sign-in.</li>
 *     <li>A family is bound to the user's stored password (an HMAC of its hash under a key derived from the token
 *     signing key): a changed password, or a removed user, ends it at the next refresh.</li>
 *     <li>A user has at most {@code familiesPerUser} live families; a new sign-in ends the oldest beyond that.</li>
 * </ul>
 * Using a token marks it in the same statement that checks it is unused, so two concurrent uses cannot both succeed.
 */
final class RefreshTokenStore {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenStore.class);

    private final JdbcClient jdbc;
    private final Duration tokenLifetime;
    private final Duration familyLifetime;
    private final int familiesPerUser;
    private final Clock clock;
    private final PasswordBinding binding;
    private final SecureRandom random = new SecureRandom();

    RefreshTokenStore(JdbcClient jdbc, Duration tokenLifetime, Duration familyLifetime, int familiesPerUser,
                      SecretKey tokenSigningKey, Clock clock) {
        this.jdbc = jdbc;
        this.tokenLifetime = tokenLifetime;
        this.familyLifetime = familyLifetime;
        this.familiesPerUser = familiesPerUser;
        this.clock = clock;
        this.binding = new PasswordBinding(tokenSigningKey);
    }

    /** A token that was used, once: what the next token of its family needs. */
    record Used(String username, String familyId, Instant familyExpiresAt, String passwordBinding) {
    }

    /**
     * Makes the first token of a new family, bound to the user's stored password; ends the user's oldest families
     * beyond the cap, and forgets the user's expired tokens.
     */
    String signedIn(String username, String storedPassword) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM refresh_token WHERE username = :username AND (expires_at < :now OR family_expires_at < :now)")
                .param("username", username).param("now", utc(now)).update();
        List<String> families = jdbc.sql("SELECT family_id FROM refresh_token WHERE username = :username "
                        + "GROUP BY family_id ORDER BY MIN(family_expires_at)")
                .param("username", username).query(String.class).list();
        for (String oldest : families.subList(0, Math.max(0, families.size() - familiesPerUser + 1))) {
            revoke(oldest);
        }
        return insert(username, UUID.randomUUID().toString(), now.plus(familyLifetime), binding.of(storedPassword));
    }

    /** Makes the next token of the family of a token just used. */
    String refreshed(Used used) {
        return insert(used.username(), used.familyId(), used.familyExpiresAt(), used.passwordBinding());
    }

    /**
     * Uses up a refresh token. A token used before revokes its family instead.
     *
     * @return the token's family, when it was valid, unexpired and unused
     */
    Optional<Used> use(String token) {
        String hash = hash(token);
        Optional<Map<String, Object>> found = jdbc.sql("SELECT username, family_id, family_expires_at, expires_at, "
                        + "password_binding FROM refresh_token WHERE token_hash = :hash")
                .param("hash", hash).query().listOfRows().stream().findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> row = found.get();
        String familyId = (String) value(row, "family_id");
        String username = (String) value(row, "username");
        Instant now = clock.instant();
        int marked = jdbc.sql("UPDATE refresh_token SET used = TRUE WHERE token_hash = :hash AND used = FALSE")
                .param("hash", hash).update();
        if (marked == 0) {
            revoke(familyId);
            log.warn("A refresh token of {} was used a second time: every token of its sign-in is revoked (a stolen "
                    + "token, or a client that sent it twice)", username);
            return Optional.empty();
        }
        Instant familyExpiresAt = instant(value(row, "family_expires_at"));
        if (!instant(value(row, "expires_at")).isAfter(now) || !familyExpiresAt.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new Used(username, familyId, familyExpiresAt, (String) value(row, "password_binding")));
    }

    /** Whether the family was bound to this stored password (the user's password is the one it signed in with). */
    boolean boundTo(Used used, String storedPassword) {
        return binding.matches(storedPassword, used.passwordBinding());
    }

    /** Ends every token of a family. */
    void revoke(String familyId) {
        jdbc.sql("DELETE FROM refresh_token WHERE family_id = :family").param("family", familyId).update();
    }

    private String insert(String username, String familyId, Instant familyExpiresAt, String passwordBinding) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = clock.instant().plus(tokenLifetime);
        jdbc.sql("INSERT INTO refresh_token (token_hash, username, expires_at, family_id, family_expires_at, used, "
                        + "password_binding) VALUES (:hash, :username, :expires, :family, :familyExpires, FALSE, :binding)")
                .param("hash", hash(token))
                .param("username", username)
                .param("expires", utc(expires.isBefore(familyExpiresAt) ? expires : familyExpiresAt))
                .param("family", familyId)
                .param("familyExpires", utc(familyExpiresAt))
                .param("binding", passwordBinding)
                .update();
        return token;
    }


    /** A column's value, whatever case the database gives its name in. */
    private static Object value(Map<String, Object> row, String column) {
        return row.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(column)).findFirst()
                .map(Map.Entry::getValue).orElse(null);
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        if (value instanceof java.sql.Timestamp time) {
            return time.toInstant();
        }
        throw new IllegalStateException("Not a time: " + value);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
