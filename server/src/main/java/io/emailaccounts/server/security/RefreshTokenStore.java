package io.emailaccounts.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refresh tokens: random, single-use, and stored only as SHA-256 hashes. Using one deletes it in the same statement
 * that checks it, so two concurrent uses cannot both succeed.
 */
final class RefreshTokenStore {

    private final JdbcClient jdbc;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    RefreshTokenStore(JdbcClient jdbc, Duration lifetime, Clock clock) {
        this.jdbc = jdbc;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** Makes a new refresh token for the user; also forgets the user's expired ones. */
    String issue(String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM refresh_token WHERE username = :username AND expires_at < :now")
                .param("username", username)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
        jdbc.sql("INSERT INTO refresh_token (token_hash, username, expires_at) VALUES (:hash, :username, :expires)")
                .param("hash", hash(token))
                .param("username", username)
                .param("expires", now.plus(lifetime).atOffset(ZoneOffset.UTC))
                .update();
        return token;
    }

    /** Uses up a refresh token. @return the user it was issued to, if it was valid, unexpired and unused */
    Optional<String> consume(String token) {
        String hash = hash(token);
        Optional<String> username = jdbc.sql("SELECT username FROM refresh_token WHERE token_hash = :hash AND expires_at >= :now")
                .param("hash", hash)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .query(String.class)
                .optional();
        if (username.isEmpty()) {
            return Optional.empty();
        }
        int deleted = jdbc.sql("DELETE FROM refresh_token WHERE token_hash = :hash").param("hash", hash).update();
        return deleted == 1 ? username : Optional.empty();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
