package io.emailaccounts.server.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Limits how many writes (POST, PUT, PATCH, DELETE) each signed-in user makes: a token bucket per user name holding
 * {@code writesPerMinute} writes, refilled evenly over a minute. A write over the limit is refused with 429 and the
 * time until the next write is allowed, before anything is read or stored.
 */
final class WriteRateLimiter implements HandlerInterceptor {

    private static final Duration REFILL_PERIOD = Duration.ofMinutes(1);

    private final int writesPerMinute;
    private final TimeMeter time;
    /** A bucket left alone for a refill period is full again, so forgetting it then changes nothing. */
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(REFILL_PERIOD).build();

    WriteRateLimiter(int writesPerMinute, TimeMeter time) {
        if (writesPerMinute < 1) {
            throw new IllegalArgumentException("emailaccounts.rate-limit.writes-per-minute must be at least 1, was " + writesPerMinute);
        }
        this.writesPerMinute = writesPerMinute;
        this.time = time;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isWrite(request.getMethod())) {
            Authentication user = SecurityContextHolder.getContext().getAuthentication();
            if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
                acquire(user.getName());
            }
        }
        return true;
    }

    /** Takes one write from the user's allowance, or says how long to wait for the next one. */
    void acquire(String username) {
        ConsumptionProbe probe = buckets.get(username, ignored -> newBucket()).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException("Too many changes: at most " + writesPerMinute
                    + " creates, updates and deletes per minute are accepted from one user; try again later.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(writesPerMinute).refillGreedy(writesPerMinute, REFILL_PERIOD).build())
                .withCustomTimePrecision(time)
                .build();
    }

    private static boolean isWrite(String method) {
        return HttpMethod.POST.matches(method) || HttpMethod.PUT.matches(method)
                || HttpMethod.PATCH.matches(method) || HttpMethod.DELETE.matches(method);
    }
}
