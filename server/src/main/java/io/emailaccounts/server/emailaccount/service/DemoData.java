package io.emailaccounts.server.emailaccount.service;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.emailaccounts.server.config.DatabaseKind;
import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.emailaccount.persistence.EmailAccountRepository;

/**
 * Gives an empty database one record, whose Id is the one in the API's examples, so that a newcomer's first update
 * works. On by default only on the embedded database ({@code emailaccounts.demo-data}).
 */
@Component
class DemoData implements ApplicationRunner {

    /** The Id used by the examples of the API reference. */
    static final long DEMO_RECORD_ID = 87654321L;

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final EmailAccountRepository repository;
    private final Clock clock;

    DemoData(EmailAccountsProperties properties, DatabaseKind databaseKind, EmailAccountRepository repository, Clock clock) {
        this.enabled = properties.demoData() != null ? properties.demoData() : databaseKind.isEmbedded();
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled || !repository.isEmpty()) {
            return;
        }
        EmailAccountWrite helpDesk = new EmailAccountWrite(1001L, "Help desk inbox", "helpdesk@example.com",
                "imap.example.com", 1, 993, "helpdesk@example.com", 1, "smtp.example.com", 587, "helpdesk@example.com", 0L, 0,
                FieldChange.replaceWith(true), FieldChange.replaceWith(false), FieldChange.keep(),
                FieldChange.replaceWith(true), FieldChange.replaceWith(true), FieldChange.keep(), FieldChange.keep(),
                FieldChange.keep(), FieldChange.keep());
        repository.insertWithId(DEMO_RECORD_ID, helpDesk.columnValues(),
                clock.instant().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC), "demo-data");
        log.info("Empty database: added the demo EmailAccount {}", DEMO_RECORD_ID);
    }
}
