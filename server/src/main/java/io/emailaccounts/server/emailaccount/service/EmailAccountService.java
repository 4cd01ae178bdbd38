package io.emailaccounts.server.emailaccount.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.emailaccounts.server.emailaccount.persistence.EmailAccountRepository;

/** The rules of changing EmailAccounts. */
@Service
public class EmailAccountService {

    private final EmailAccountRepository repository;
    private final Clock clock;

    public EmailAccountService(EmailAccountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Applies an update: every required field is replaced, each optional field as its {@link FieldChange} says.
     *
     * @throws EmailAccountNotFoundException when no record has this Id (nothing is written)
     */
    @Transactional
    public ChangeReceipt applyUpdate(long id, EmailAccountFields fields, String user) {
        // UpdatedOn is kept to the second, as the API writes it.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!repository.update(id, fields.columnValues(), now.atOffset(ZoneOffset.UTC), user)) {
            throw new EmailAccountNotFoundException(id);
        }
        return new ChangeReceipt(id, now, user);
    }
}
