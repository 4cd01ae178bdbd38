package io.emailaccounts.server.web;

import java.time.Duration;
import java.util.function.Function;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.micrometer.core.instrument.Metrics;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

/**
 * Limits how many writes (POST, PUT, PATCH, DELETE) each signed-in user makes: a token bucket per user name holding
 * {@code writesPerMinute} writes, refilled evenly over a minute. A write over the limit is refused with 429 and the
 * time until the next write is allowed, before anything is read or stored. The buckets are kept in memory (one
 * process, the embedded database) or in the database (PostgreSQL: every replica takes from the same bucket, so N
 * replicas together allow what one allows, and a restart forgets nothing).
 *
 * <p>In the database, a bucket is not read and written under a row lock for every write, which would serialise all of
 * one user's writes on one row and cost a transaction each: each replica takes writes from its own copy of the
 * bucket and settles them with the database (one transaction, Bucket4j's delaying optimization, which also joins the
 * requests that arrive together) once it has taken {@link #unsynchronized(int) 1 %} of the limit (at least one write)
 * or a second has passed. The price, stated in the guide Operations: between two settlements, each replica may accept that many
 * writes beyond what the shared bucket allows, and a replica killed (not stopped) forgets at most that many; a replica
 * that stops settles first ({@link #close()}).
 */
final class WriteRateLimiter implements HandlerInterceptor, AutoCloseable {

    private static final Duration REFILL_PERIOD = Duration.ofMinutes(1);
    /** The longest a replica takes writes from its copy of a bucket before it settles them with the database. */
    static final Duration MAX_UNSYNCHRONIZED_TIME = Duration.ofSeconds(1);

    private final int writesPerMinute;
    private final Function<String, Bucket> buckets;
    private final Runnable settle;

    /** Buckets in memory, timed by {@code time}. */
    WriteRateLimiter(int writesPerMinute, TimeMeter time) {
        this.writesPerMinute = checked(writesPerMinute);
        // A bucket left alone for a refill period is full again, so forgetting it then changes nothing.
        Cache<String, Bucket> inMemory = Caffeine.newBuilder().expireAfterAccess(REFILL_PERIOD).build();
        this.buckets = username -> inMemory.get(username, ignored -> Bucket.builder()
                .addLimit(limit(writesPerMinute)).withCustomTimePrecision(time).build());
        this.settle = () -> { };
    }

    /** Buckets in the table {@code rate_limit_bucket} of a PostgreSQL database, shared by every replica. */
    WriteRateLimiter(int writesPerMinute, DataSource postgresql) {
        this.writesPerMinute = checked(writesPerMinute);
        PostgreSQLSelectForUpdateBasedProxyManager<String> shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(postgresql)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state")
                .build();
        BucketConfiguration configuration = BucketConfiguration.builder().addLimit(limit(writesPerMinute)).build();
        DelayParameters delay = new DelayParameters(unsynchronized(writesPerMinute), MAX_UNSYNCHRONIZED_TIME);
        // One proxy per user, kept: its copy of the bucket and the writes it has not settled yet live in it. One left
        // alone for a refill period is settled as it goes.
        Cache<String, BucketProxy> proxies = Caffeine.newBuilder().expireAfterAccess(REFILL_PERIOD)
                .<String, BucketProxy>removalListener((username, proxy, cause) -> {
                    if (proxy != null) {
                        proxy.getOptimizationController().syncImmediately();
                    }
                })
                .build();
        // The limit is part of the key: a changed setting starts new buckets rather than inheriting the old ones.
        this.buckets = username -> proxies.get(username, ignored -> shared.builder()
                .withOptimization(Optimizations.delaying(delay))
                .build(username + "/" + writesPerMinute, () -> configuration));
        this.settle = () -> proxies.asMap().values().forEach(proxy -> proxy.getOptimizationController().syncImmediately());
    }

    /** How many writes a replica may take from its copy of a bucket before it settles them: 1 % of the limit, at least one. */
    static long unsynchronized(int writesPerMinute) {
        return Math.max(1, writesPerMinute / 100);
    }

    /** Settles with the database the writes this replica has taken and not settled yet (at a clean stop). */
    @Override
    public void close() {
        settle.run();
    }

    private static int checked(int writesPerMinute) {
        if (writesPerMinute < 1) {
            throw new IllegalArgumentException("emailaccounts.rate-limit.writes-per-minute must be at least 1, was " + writesPerMinute);
        }
        return writesPerMinute;
    }

    private static Bandwidth limit(int writesPerMinute) {
        return Bandwidth.builder().capacity(writesPerMinute).refillGreedy(writesPerMinute, REFILL_PERIOD).build();
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
        ConsumptionProbe probe;
        try {
            probe = buckets.apply(username).tryConsumeAndReturnRemaining(1);
        } catch (BucketExceptions.BucketExecutionException e) {
            // Bucket4j reports its store's failure so, often as the failed rollback after it (the cause lost); the store
            // is the database, whose only failure in practice is being out of reach: 503, as every request needing it.
            throw new DataAccessResourceFailureException("The write limit's database is out of reach", e);
        }
        if (!probe.isConsumed()) {
            Metrics.counter("emailaccounts.limit.refusals", "limit", "writes").increment();
            throw new TooManyRequestsException("Too many changes: at most " + writesPerMinute
                    + " creates, updates and deletes per minute are accepted from one user; try again later.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static boolean isWrite(String method) {
        return HttpMethod.POST.matches(method) || HttpMethod.PUT.matches(method)
                || HttpMethod.PATCH.matches(method) || HttpMethod.DELETE.matches(method);
    }
}
