package io.emailaccounts.server.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Passwords as a server in production mode takes them: bcrypt hashes of cost 10 (plain text, {@code {noop}}, and lower
 * costs are refused there), each password hashed once per test run; the server verifies a password once and
 * remembers it.
 */
public final class StoredPasswords {

    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(10);
    private static final Map<String, String> HASHED = new ConcurrentHashMap<>();

    private StoredPasswords() {
    }

    /** {@code {bcrypt}$2a$10$...} for this password. */
    public static String bcrypt(String password) {
        return HASHED.computeIfAbsent(password, plain -> "{bcrypt}" + BCRYPT.encode(plain));
    }
}
