package io.emailaccounts.server.emailaccount.web;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** The ETags of records, {@code "3"} for version 3, and the versions an If-Match header names. */
final class EntityTags {

    private EntityTags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The versions an If-Match header accepts: empty for any (no header, or {@code *}); otherwise the versions of its
     * strong ETags of this server's form. Weak and foreign tags never match (RFC 9110 strong comparison).
     */
    static Optional<Set<Long>> versionsIn(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        Set<Long> versions = new HashSet<>();
        for (String tag : ifMatch.split(",")) {
            String trimmed = tag.strip();
            if (trimmed.matches("\"[0-9]{1,18}\"")) {
                versions.add(Long.parseLong(trimmed.substring(1, trimmed.length() - 1)));
            }
        }
        return Optional.of(versions);
    }
}
