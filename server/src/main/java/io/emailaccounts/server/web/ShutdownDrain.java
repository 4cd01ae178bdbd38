package io.emailaccounts.server.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.RunMode;

/**
 * The first step of a stop: the replica says it is not ready ({@code /actuator/health/readiness} answers 503) and
 * goes on serving for {@code emailaccounts.shutdown.drain}, so that a balancer checking readiness takes it out of
 * rotation before it stops taking requests. Only then does the web server's graceful shutdown run (it stops
 * accepting, finishes the requests in flight), and after it the group commit commits what it holds.
 * <p>
 * A lifecycle bean of the highest phase: Spring stops it before the web server, whose phases are lower.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationEventPublisher events;
    private final Duration drain;
    private volatile boolean running;
    private volatile boolean stopped;

    ShutdownDrain(ApplicationEventPublisher events, EmailAccountsProperties properties, RunMode runMode) {
        this.events = events;
        this.drain = properties.shutdown().drain(runMode.isDevelopment());
    }

    /** At start-up Spring Boot says when the server is ready; a context started again after a stop is ready again. */
    @Override
    public void start() {
        if (stopped) {
            AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopped = true;
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        if (drain.isZero()) {
            return;
        }
        log.info("Stopping: readiness is DOWN; still serving for {} s while balancers take this replica out of rotation",
                drain.toMillis() / 1000.0);
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
