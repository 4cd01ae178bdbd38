package io.emailaccounts.server.emailaccount.persistence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.secrets.SecretCipher;

/**
 * Rewrites, in the background, the access tokens sealed with an older key (or before key ids) under the current key,
 * so that the older key can be removed once none is left. A pass runs every {@code emailaccounts.secrets.reencrypt-interval}
 * (the first one interval after start-up): it counts the values per key, and when some are not under the current key,
 * rewrites them in steps of {@code emailaccounts.secrets.reencrypt-batch-size} rows
 * ({@link EncryptedSecretsRepository#reencrypt}).
 * <ul>
 *     <li>Resumable: what is left is read from the table itself, so a pass stopped anywhere (a restart, a lost
 *     database) loses nothing, and the next one goes on.</li>
 *     <li>Safe beside requests and other replicas: each value is rewritten by a statement of its own, only if it
 *     still holds what was read, so a request's newer value is never replaced; two replicas with the same current key
 *     rewrite each value at most once between them.</li>
 *     <li>A replica rewrites under its own current key: while replicas differ (during a rolling change of the key),
 *     each rewrites the others' values back, which changes how a value is sealed, never what it holds, until the
 *     last one has the new key.</li>
 * </ul>
 * The counts are published as {@code emailaccounts_secrets_values{key_id, current}}, as of the start-up check or the
 * last pass.
 */
@Component
public class SecretsReencryption implements DisposableBean, SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(SecretsReencryption.class);

    private final EncryptedSecretsRepository repository;
    private final SecretCipher cipher;
    private final int batchSize;
    private final Duration interval;
    private final MultiGauge values;
    private volatile boolean stopping;

    SecretsReencryption(EncryptedSecretsRepository repository, SecretCipher cipher, EmailAccountsProperties properties,
                        MeterRegistry meters) {
        this.repository = repository;
        this.cipher = cipher;
        this.batchSize = properties.secrets().reencryptBatchSize();
        this.interval = properties.secrets().reencryptInterval();
        this.values = MultiGauge.builder("emailaccounts.secrets.values")
                .description("Stored access tokens per key that seals them (key_id v1: stored before key ids), as of the "
                        + "last re-encryption pass; current=\"false\" are still to rewrite")
                .register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::scheduledPass, interval, interval));
    }

    void scheduledPass() {
        try {
            pass();
        } catch (RuntimeException e) {
            // The database may be out of reach: the next pass goes on from what is in the table.
            log.warn("Re-encryption of the stored access tokens stopped: {}; the next pass goes on", e.getMessage());
        }
    }

    /**
     * Counts the stored values per key, and rewrites those not under the current key.
     *
     * @return the counts at the end of the pass
     */
    public synchronized Map<String, Long> pass() {
        Map<String, Long> counts = repository.countByKey();
        publish(counts);
        if (underOlderKeys(counts) == 0) {
            return counts;
        }
        long after = Long.MIN_VALUE;
        int rewritten = 0;
        List<EncryptedSecretsRepository.Unreadable> unreadable = new ArrayList<>();
        EncryptedSecretsRepository.Step step;
        do {
            step = repository.reencrypt(after, batchSize);
            after = step.lastId();
            rewritten += step.rewritten();
            unreadable.addAll(step.unreadable());
        } while (step.more() && !stopping);
        counts = repository.countByKey();
        publish(counts);
        if (rewritten > 0) {
            log.info("Re-encrypted {} stored access token(s) under key {}; {} left under older keys", rewritten,
                    cipher.currentKeyId(), underOlderKeys(counts));
        }
        if (!unreadable.isEmpty()) {
            EncryptedSecretsRepository.Unreadable first = unreadable.get(0);
            log.warn("{} stored access token(s) could not be opened with any configured key (sealed with a key this "
                    + "server does not have, or altered or moved from another row), and were left as they are: the "
                    + "first, EmailAccount {}'s {}, naming key {}", unreadable.size(), first.id(), first.column(),
                    first.keyId());
        }
        return counts;
    }

    /** How many of these values are not under the current key. */
    public long underOlderKeys(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(count -> !count.getKey().equals(cipher.currentKeyId()))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Publishes these counts of the values per key (the start-up check's, or a pass's). */
    void publish(Map<String, Long> counts) {
        values.register(counts.entrySet().stream()
                .map(count -> MultiGauge.Row.of(Tags.of("key_id", count.getKey(),
                        "current", String.valueOf(count.getKey().equals(cipher.currentKeyId()))), count.getValue()))
                .toList(), true);
    }

    /** A pass under way stops after its current step (what it left, the next start takes up). */
    @Override
    public void destroy() {
        stopping = true;
    }
}
