package io.emailaccounts.server.emailaccount.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.emailaccounts.server.emailaccount.persistence.EmailAccountRepository;

/** At start-up, encrypts any access token an older version left in plain text, so the database holds none. */
@Component
class SecretsAtRest implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SecretsAtRest.class);

    private final EmailAccountRepository repository;

    SecretsAtRest(EmailAccountRepository repository) {
        this.repository = repository;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        int encrypted = repository.encryptPlaintextSecrets();
        if (encrypted > 0) {
            log.info("Encrypted {} access token(s) that were stored in plain text", encrypted);
        }
    }
}
