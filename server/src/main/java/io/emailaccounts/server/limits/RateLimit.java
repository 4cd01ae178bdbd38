package io.emailaccounts.server.limits;

import java.time.Duration;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A limit of so many requests a minute per key (a user name, a client address): a token bucket per key holding
 * {@code perMinute} requests, refilled evenly over a minute. The buckets are kept in memory (one process, the embedded
 * database) or in the database (PostgreSQL: every replica takes from the same bucket, so N replicas together allow what
 * one allows, and a restart forgets nothing).
 *
 * <p>In the database, a bucket is not read and written under a row lock for every request, which would serialise all of
 * one key's requests on one row and cost a transaction each: each replica takes requests from its own copy of the
 * bucket and settles them with the database (one transaction, Bucket4j's delaying optimization, which also joins the
 * requests that arrive together) once it has taken {@link #unsynchronized(int) 1 %} of the limit (at least one) or a
 * second has passed. The price, stated in the guide Operations: between two settlements, each replica may accept that
 * many requests beyond what the shared bucket allows, and a replica killed (not stopped) forgets at most that many; a
 * replica that stops settles first ({@link #close()}).
 */
public final class RateLimit implements AutoCloseable {

    private static final Duration REFILL_PERIOD = Duration.ofMinutes(1);
    /**
     * The counter of the limit's refusals, {@code emailaccounts_limit_refusals_total{limit=name}}: registered with the
     * limit, so that it is published (at 0) before the first refusal, as the alerting rules expect. In the
     * application's registry, never Micrometer's global one: that one reaches the registries of every application in
     * the JVM (every cached context of a test run), and with tracing on, a Prometheus counter's exemplar asks its own
     * application for the current span.
     */
    public static Counter refusalsOf(String name, MeterRegistry meters) {
        return Counter.builder("emailaccounts.limit.refusals").tag("limit", name)
                .description("Requests refused by a limit: too many writes, token requests or failed sign-ins")
                .register(meters);
    }

    /** The longest a replica takes requests from its copy of a bucket before it settles them with the database. */
    public static final Duration MAX_UNSYNCHRONIZED_TIME = Duration.ofSeconds(1);

    private final String name;
    private final int perMinute;
    private final Counter refusals;
    private final Function<String, Bucket> buckets;
    private final Runnable settle;

    /**
     * Buckets in memory, timed by {@code time}.
     *
     * @param name    what is limited (the tag of the refusals' metric, and part of each bucket's key)
     * @param setting the setting that gives {@code perMinute}, named when it is wrong
     */
    public RateLimit(String name, String setting, int perMinute, TimeMeter time, MeterRegistry meters) {
        this.name = name;
        this.perMinute = checked(setting, perMinute);
        this.refusals = refusalsOf(name, meters);
        // A bucket left alone for a refill period is full again, so forgetting it then changes nothing.
        Cache<String, Bucket> inMemory = Caffeine.newBuilder().expireAfterAccess(REFILL_PERIOD).build();
        this.buckets = key -> inMemory.get(key, ignored -> Bucket.builder()
                .addLimit(limit(perMinute)).withCustomTimePrecision(time).build());
        this.settle = () -> { };
    }

    /** Buckets in the table {@code rate_limit_bucket} of a PostgreSQL database, shared by every replica. */
    public RateLimit(String name, String setting, int perMinute, DataSource postgresql, MeterRegistry meters) {
        this.name = name;
        this.perMinute = checked(setting, perMinute);
        this.refusals = refusalsOf(name, meters);
        PostgreSQLSelectForUpdateBasedProxyManager<String> shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(postgresql)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state")
                .build();
        BucketConfiguration configuration = BucketConfiguration.builder().addLimit(limit(perMinute)).build();
        DelayParameters delay = new DelayParameters(unsynchronized(perMinute), MAX_UNSYNCHRONIZED_TIME);
        // One proxy per key, kept: its copy of the bucket and the requests it has not settled yet live in it. One left
        // alone for a refill period is settled as it goes.
        Cache<String, BucketProxy> proxies = Caffeine.newBuilder().expireAfterAccess(REFILL_PERIOD)
                .<String, BucketProxy>removalListener((key, proxy, cause) -> {
                    if (proxy != null) {
                        proxy.getOptimizationController().syncImmediately();
                    }
                })
                .build();
        // The limit's name and size are part of the key: a changed setting starts new buckets rather than inheriting
        // the old ones, and two limits never share one.
        this.buckets = key -> proxies.get(key, ignored -> shared.builder()
                .withOptimization(Optimizations.delaying(delay))
                .build(name + "/" + perMinute + "/" + key, () -> configuration));
        this.settle = () -> proxies.asMap().values().forEach(proxy -> proxy.getOptimizationController().syncImmediately());
    }

    /** How many requests a replica may take from its copy of a bucket before it settles them: 1 % of the limit, at least one. */
    public static long unsynchronized(int perMinute) {
        return Math.max(1, perMinute / 100);
    }

    public int perMinute() {
        return perMinute;
    }

    /** Settles with the database the requests this replica has taken and not settled yet (at a clean stop). */
    @Override
    public void close() {
        settle.run();
    }

    /**
     * Takes one request from the key's allowance.
     *
     * @param refusal what a refused client is told
     * @return what remains of the key's allowance after this request (in the database, as this replica's copy of the
     *         bucket knows it: see the class)
     * @throws TooManyRequestsException with the time until the next request is allowed, when there is none left
     */
    public Allowance acquire(String key, String refusal) {
        ConsumptionProbe probe;
        try {
            probe = buckets.apply(key).tryConsumeAndReturnRemaining(1);
        } catch (BucketExceptions.BucketExecutionException e) {
            // Bucket4j reports its store's failure so, often as the failed rollback after it (the cause lost); the store
            // is the database, whose only failure in practice is being out of reach: 503, as every request needing it.
            throw new DataAccessResourceFailureException("The limit's database is out of reach", e);
        }
        if (!probe.isConsumed()) {
            refusals.increment();
            throw new TooManyRequestsException(refusal, allowance(0, Duration.ofNanos(probe.getNanosToWaitForRefill())));
        }
        return allowance(probe.getRemainingTokens(), untilNextRequest(probe.getNanosToWaitForReset()));
    }

    /**
     * The time until the bucket holds one more whole request, from the time until it is full: it refills evenly, one
     * request every minute / {@code perMinute}, so the next one is due at the remainder of that interval.
     */
    private Duration untilNextRequest(long nanosUntilFull) {
        if (nanosUntilFull <= 0) {
            return Duration.ZERO;
        }
        long interval = REFILL_PERIOD.toNanos() / perMinute;
        long untilNext = nanosUntilFull % interval;
        return Duration.ofNanos(untilNext == 0 ? interval : untilNext);
    }

    private Allowance allowance(long remaining, Duration untilMore) {
        return new Allowance(name, perMinute, REFILL_PERIOD, remaining, untilMore);
    }

    private static int checked(String setting, int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException(setting + " must be at least 1, was " + perMinute);
        }
        return perMinute;
    }

    private static Bandwidth limit(int perMinute) {
        return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, REFILL_PERIOD).build();
    }
}
