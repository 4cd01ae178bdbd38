package io.emailaccounts.server.emailaccount.service;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.emailaccount.persistence.IdempotencyKeys;

/**
 * Forgets the expired {@code Idempotency-Key}s every {@code emailaccounts.idempotency.sweep-interval}, by time and
 * whatever the traffic, so that the table holds about one retention period of creates. Each replica sweeps; a sweep
 * is one statement, and two at once delete each row once. A key found expired before a sweep is treated as unknown
 * already.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyKeySweep implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeySweep.class);

    private final IdempotencyKeys keys;
    private final Clock clock;
    private final Duration interval;

    IdempotencyKeySweep(IdempotencyKeys keys, Clock clock, EmailAccountsProperties properties) {
        this.keys = keys;
        this.clock = clock;
        this.interval = properties.idempotency().sweepInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::sweep, interval, interval));
    }

    void sweep() {
        try {
            int forgotten = keys.sweep(clock.instant());
            log.debug("Forgot {} expired Idempotency-Keys", forgotten);
        } catch (RuntimeException e) {
            // The database may be out of reach: the next sweep takes what this one left.
            log.warn("Could not forget the expired Idempotency-Keys: {}", e.getMessage());
        }
    }
}
