package io.emailaccounts.server.support;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passwords as a server in production mode takes them: bcrypt hashes (plain text, {@code {noop}}, is refused there).
 * The lowest cost bcrypt allows, for tests only; the server verifies a password once and remembers it anyway.
 */
public final class StoredPasswords {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    private StoredPasswords() {
    }

    /** {@code {bcrypt}$2a$04$...} for this password. */
    public static String bcrypt(String password) {
        return "{bcrypt}" + BCRYPT.encode(password);
    }
}
