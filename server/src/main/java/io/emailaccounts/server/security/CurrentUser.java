package io.emailaccounts.server.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user name of the caller of the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String name() {
        return authentication().getName();
    }

    /**
     * The businesses whose records the caller may see and change; empty for every business (an administrator, or a
     * user not limited to businesses).
     */
    public static Optional<Set<Long>> businesses() {
        Set<String> authorities = authentication().getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (authorities.contains(Authorities.FULL_ADMINISTRATOR)) {
            return Optional.empty();
        }
        Set<Long> businesses = authorities.stream()
                .filter(authority -> authority.startsWith(Authorities.BUSINESS_PREFIX))
                .map(authority -> Long.valueOf(authority.substring(Authorities.BUSINESS_PREFIX.length())))
                .collect(Collectors.toUnmodifiableSet());
        return businesses.isEmpty() ? Optional.empty() : Optional.of(businesses);
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new IllegalStateException("No authenticated caller");
        }
        return authentication;
    }
}
