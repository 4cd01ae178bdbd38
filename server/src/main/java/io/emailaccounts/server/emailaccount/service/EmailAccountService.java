package io.emailaccounts.server.emailaccount.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.persistence.EmailAccountRepository;

/** The rules of reading and changing EmailAccounts. */
@Service
public class EmailAccountService {

    private final EmailAccountRepository repository;
    private final Clock clock;

    public EmailAccountService(EmailAccountRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** @throws EmailAccountNotFoundException when no record has this Id */
    public EmailAccountRecord get(long id) {
        return repository.findById(id).orElseThrow(() -> new EmailAccountNotFoundException(id));
    }

    /** The records with these Ids, in the order asked for, each once; unknown Ids are left out. */
    public List<EmailAccountRecord> getAll(List<Long> ids) {
        Map<Long, EmailAccountRecord> found = repository.findByIds(ids).stream()
                .collect(Collectors.toMap(EmailAccountRecord::id, Function.identity()));
        return ids.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
    }

    @Transactional(readOnly = true)
    public SearchResult search(EmailAccountQuery query) {
        long offset = SearchResult.offset(query);
        List<EmailAccountRecord> records = repository.search(query.conditions(), query.orderBy().column(),
                query.descending(), offset, query.size());
        // A page that is not full, and not an empty page past the end, is the last one: its end is the total.
        boolean lastPage = records.size() < query.size() && (!records.isEmpty() || query.page() == 1);
        long total = lastPage ? offset + records.size() : repository.count(query.conditions());
        return new SearchResult(records, total, query);
    }

    /** Creates a record; optional fields that are not given are empty. */
    @Transactional
    public ChangeReceipt create(EmailAccountWrite fields, String user) {
        Instant now = now();
        long id = repository.insert(fields.columnValues(), now.atOffset(ZoneOffset.UTC), user);
        return new ChangeReceipt(id, now, user);
    }

    /**
     * Applies an update: every required field is replaced, each optional field as its {@link FieldChange} says.
     *
     * @throws EmailAccountNotFoundException when no record has this Id (nothing is written)
     */
    @Transactional
    public ChangeReceipt applyUpdate(long id, EmailAccountWrite fields, String user) {
        Instant now = now();
        if (!repository.update(id, fields.columnValues(), now.atOffset(ZoneOffset.UTC), user)) {
            throw new EmailAccountNotFoundException(id);
        }
        return new ChangeReceipt(id, now, user);
    }

    /** @throws EmailAccountNotFoundException when no record has this Id */
    @Transactional
    public ChangeReceipt delete(long id, String user) {
        if (!repository.delete(id)) {
            throw new EmailAccountNotFoundException(id);
        }
        return new ChangeReceipt(id, now(), user);
    }

    /** Times are kept to the second, as the API writes them. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
