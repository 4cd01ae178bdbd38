package io.emailaccounts.server.emailaccount.service;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.RunMode;
import io.emailaccounts.server.emailaccount.EmailAccountField;
import io.emailaccounts.server.emailaccount.EmailAccountSchema;
import io.emailaccounts.server.emailaccount.persistence.EmailAccountRepository;

/**
 * Gives an empty database one record, made of the contract's examples and with the Id the examples use, so that a
 * newcomer's first update works. On by default only on the embedded database ({@code emailaccounts.demo-data}).
 */
@Component
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final EmailAccountRepository repository;
    private final EmailAccountSchema schema;
    private final Clock clock;

    DemoData(EmailAccountsProperties properties, RunMode runMode, EmailAccountRepository repository,
             EmailAccountSchema schema, Clock clock) {
        this.enabled = properties.demoData() != null ? properties.demoData() : runMode.isDevelopment();
        this.repository = repository;
        this.schema = schema;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || !repository.isEmpty()) {
            return;
        }
        long id = schema.example(schema.id());
        repository.insertWithId(id, exampleValues(schema),
                clock.instant().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC), "demo-data");
        log.info("Empty database: added the demo EmailAccount {}", id);
    }

    /** The example of every writable field but the secrets (a demo record holds no credentials). */
    static Map<EmailAccountField<?>, Object> exampleValues(EmailAccountSchema schema) {
        Map<EmailAccountField<?>, Object> values = new LinkedHashMap<>();
        schema.fields().stream()
                .filter(field -> field.writable() && !field.secret() && schema.example(field) != null)
                .forEach(field -> values.put(field, schema.example(field)));
        return values;
    }
}
