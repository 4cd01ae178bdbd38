package io.emailaccounts.server.web;

import jakarta.servlet.http.HttpServletRequest;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.security.Routes;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The service's objectives ({@code emailaccounts.objectives.*}) as metrics, and every request to one of the contract's
 * operations counted against them, so that the shipped alerting rules ({@code server/alerts}) compare the one with the
 * other and a changed objective needs no edit of the rules:
 * <ul>
 *     <li>{@code emailaccounts_requests_total{kind="read"|"write", outcome="good"|"slow"|"failed"}}: failed is a 5xx;
 *     slow, an answer without one that took longer than its kind's bound; good, the rest (a 4xx is the caller's);</li>
 *     <li>{@code emailaccounts_objective_ratio{objective="availability"|"latency"}}: the shares promised;</li>
 *     <li>{@code emailaccounts_objective_window_seconds{objective="availability"}}: the period of the availability;</li>
 *     <li>{@code emailaccounts_objective_latency_seconds{kind="read"|"write"}}: the bounds.</li>
 * </ul>
 * A read is a GET (or HEAD) of an operation; every other operation, the token endpoint's included, is a write. A
 * request refused before it reached an operation (an unknown path, a method its path does not take) is not counted.
 */
final class ServiceLevels {

    static final String REQUESTS = "emailaccounts.requests";

    private ServiceLevels() {
    }

    /** Publishes the objectives, and makes the filter that counts requests against them. */
    static Meter register(EmailAccountsProperties.Objectives objectives, MeterRegistry meters) {
        ratio(meters, "availability", objectives.availability());
        ratio(meters, "latency", objectives.latency());
        double windowSeconds = objectives.availabilityWindow().toMillis() / 1000.0;
        Gauge.builder("emailaccounts.objective.window", () -> windowSeconds).baseUnit("seconds").tag("objective", "availability")
                .description("The period over which the availability objective is promised").register(meters);
        Kind read = new Kind("read", objectives.readLatency().toNanos(), meters);
        Kind write = new Kind("write", objectives.writeLatency().toNanos(), meters);
        return new Meter(read, write);
    }

    private static void ratio(MeterRegistry meters, String objective, double share) {
        Gauge.builder("emailaccounts.objective.ratio", () -> share).tag("objective", objective)
                .description("The share of requests the objective promises").register(meters);
    }

    /** A kind of request, its bound, and its three counters. */
    private static final class Kind {
        private final long boundNanos;
        private final Counter good;
        private final Counter slow;
        private final Counter failed;

        Kind(String name, long boundNanos, MeterRegistry meters) {
            this.boundNanos = boundNanos;
            Gauge.builder("emailaccounts.objective.latency", () -> boundNanos / 1e9).baseUnit("seconds").tag("kind", name)
                    .description("The latency a request of this kind is promised").register(meters);
            this.good = counter(meters, name, "good");
            this.slow = counter(meters, name, "slow");
            this.failed = counter(meters, name, "failed");
        }

        private static Counter counter(MeterRegistry meters, String kind, String outcome) {
            return Counter.builder(REQUESTS).tag("kind", kind).tag("outcome", outcome)
                    .description("Requests to the API's operations, by kind and by outcome against the objectives")
                    .register(meters);
        }

        void count(int status, long nanos) {
            (status >= 500 ? failed : nanos > boundNanos ? slow : good).increment();
        }
    }

    /** Counts each request to an operation ({@link RequestPath#SERVICE_LEVELS}). */
    static final class Meter extends AnsweredRequests {
        private final Kind read;
        private final Kind write;

        private Meter(Kind read, Kind write) {
            this.read = read;
            this.write = write;
        }

        @Override
        protected void answered(HttpServletRequest request, int status, long nanos) {
            if (request.getAttribute(Routes.OPERATION) != null) {
                String method = request.getMethod();
                (method.equals("GET") || method.equals("HEAD") ? read : write).count(status, nanos);
            }
        }
    }
}
