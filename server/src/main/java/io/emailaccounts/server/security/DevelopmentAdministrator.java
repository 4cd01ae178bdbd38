package io.emailaccounts.server.security;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import io.emailaccounts.server.config.DevelopmentFiles;
import io.emailaccounts.server.config.InvalidConfigurationException;

/**
 * The administrator of the embedded development setup, for a newcomer who has configured no users yet. Its password
 * is random, made on first start and kept in a file beside the data ({@code user:password}, readable by its owner
 * only), so that nothing works out of the box anywhere else and no password is ever logged.
 */
record DevelopmentAdministrator(String username, String password) {

    static final String USERNAME = "admin@example.com";

    static DevelopmentAdministrator loadOrCreate(Path credentialsFile) {
        String line = DevelopmentFiles.loadOrCreate(credentialsFile, () -> {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            return USERNAME + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        });
        int colon = line.indexOf(':');
        if (colon <= 0 || colon == line.length() - 1) {
            throw new InvalidConfigurationException(credentialsFile + " must hold one line user:password");
        }
        return new DevelopmentAdministrator(line.substring(0, colon), line.substring(colon + 1));
    }

    @Override
    public String toString() {
        return "DevelopmentAdministrator[username=" + username + "]";
    }
}
