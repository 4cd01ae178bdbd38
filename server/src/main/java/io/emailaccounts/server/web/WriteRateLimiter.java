package io.emailaccounts.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import io.emailaccounts.server.limits.Allowance;
import io.emailaccounts.server.limits.RateLimit;
import io.emailaccounts.server.limits.TooManyRequestsException;

/**
 * Limits how many writes (POST, PUT, PATCH, DELETE) each signed-in user makes, {@code writesPerMinute} a minute per
 * user name (a {@link RateLimit}: in memory, or in the database where replicas share it). A write over the limit is
 * refused with 429 and the time until the next write is allowed, before anything is read or stored. Every answer to a
 * write it counts, whatever its status, tells the user where they stand ({@link Allowance}): {@code RateLimit-Policy}
 * ({@code "writes";q=600;w=60}) and {@code RateLimit} (the writes that remain, the seconds until one more).
 */
final class WriteRateLimiter implements HandlerInterceptor, AutoCloseable {

    private final RateLimit writes;

    WriteRateLimiter(RateLimit writes) {
        this.writes = writes;
    }

    /** Settles with the database the writes this replica has taken and not settled yet (at a clean stop). */
    @Override
    public void close() {
        writes.close();
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isWrite(request.getMethod())) {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
                Allowance left = acquire(user.getName());
                response.setHeader(Allowance.POLICY_FIELD, left.policyField());
                response.setHeader(Allowance.FIELD, left.field());
            }
        }
        return true;
    }

    /**
     * Takes one write from the user's allowance.
     *
     * @return what remains of it
     * @throws TooManyRequestsException with the time until the next write is allowed, when there is none left
     */
    Allowance acquire(String username) {
        return writes.acquire(username, "Too many changes: at most " + writes.perMinute()
                + " creates, updates and deletes per minute are accepted from one user; try again later.");
    }

    private static boolean isWrite(String method) {
        return HttpMethod.POST.matches(method) || HttpMethod.PUT.matches(method)
                || HttpMethod.PATCH.matches(method) || HttpMethod.DELETE.matches(method);
    }
}
