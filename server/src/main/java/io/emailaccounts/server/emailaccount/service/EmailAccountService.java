package io.emailaccounts.server.emailaccount.service;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.persistence.EmailAccountRepository;
import io.emailaccounts.server.emailaccount.persistence.GroupCommit;
import io.emailaccounts.server.emailaccount.search.EmailAccountQuery;
import io.emailaccounts.server.emailaccount.search.EmailAccountSearchRepository;

/**
 * The rules of reading and changing EmailAccounts. Each change is one statement (the checks of business, version and
 * existence are part of it), handed to {@link GroupCommit}, which commits it with the changes that arrive with it, in
 * one transaction, and answers once it is committed; a create with an idempotency key is committed with its key (see
 * {@link IdempotentCreates}). Reads that take two statements (a page and its count) share one transaction.
 */
@Service
public class EmailAccountService {

    private final EmailAccountRepository repository;
    private final EmailAccountSearchRepository searches;
    private final GroupCommit writes;
    private final IdempotentCreates idempotentCreates;
    private final Clock clock;

    EmailAccountService(EmailAccountRepository repository, EmailAccountSearchRepository searches,
                        GroupCommit writes, IdempotentCreates idempotentCreates, Clock clock) {
        this.repository = repository;
        this.idempotentCreates = idempotentCreates;
        this.writes = writes;
        this.searches = searches;
        this.clock = clock;
    }

    /**
     * @throws EmailAccountNotFoundException when no record has this Id, or it belongs to a business the caller may not
     *                                       use (which must not learn that it exists)
     */
    public EmailAccountRecord get(long id, Caller caller) {
        return repository.findById(id, caller.scope()).orElseThrow(() -> new EmailAccountNotFoundException(id));
    }

    /** The records with these Ids, in the order asked for, each once; unknown Ids and other businesses' are left out. */
    public List<EmailAccountRecord> getAll(List<Long> ids, Caller caller) {
        Map<Long, EmailAccountRecord> found = repository.findByIds(ids, caller.scope()).stream()
                .collect(Collectors.toMap(EmailAccountRecord::id, Function.identity()));
        return ids.stream().distinct().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Searches the records of the caller's businesses. */
    @Transactional(readOnly = true)
    public SearchResult search(EmailAccountQuery query, Caller caller) {
        EmailAccountQuery within = query.within(caller.scope());
        List<EmailAccountRecord> records = searches.search(within);
        // A page that is not full, and not an empty page past the end, is the last one: its end is the total.
        boolean lastPage = records.size() < query.size() && (!records.isEmpty() || query.page() == 1);
        long total = lastPage ? query.offset() + records.size() : searches.count(within);
        return new SearchResult(records, total, query);
    }

    /**
     * Creates a record; optional fields that are not given are empty. With an idempotency key, at most once per key and
     * caller (see {@link IdempotentCreates}).
     *
     * @param idempotencyKey the caller's {@code Idempotency-Key}, unquoted; empty for a create without one
     * @throws BusinessForbiddenException       when the record's business is not one the caller may use
     * @throws IdempotencyKeyReusedException    when the key came with another request before
     * @throws IdempotencyKeyInFlightException  when a request with the key is still being processed
     */
    public Created create(EmailAccountWrite fields, Caller caller, Optional<String> idempotencyKey) {
        rejectIfOutsideBusinesses(fields, caller);
        Supplier<ChangeReceipt> create = () -> {
            Instant now = now();
            long id = repository.insert(fields.values(), now.atOffset(ZoneOffset.UTC), caller.name());
            return new ChangeReceipt(id, now, caller.name(), 1);
        };
        if (idempotencyKey.isEmpty()) {
            return new Created(writes.write(create), false);
        }
        return idempotentCreates.once(caller.name(), idempotencyKey.get(), fields, create);
    }

    /**
     * Applies an update: each field the write holds is replaced (null clears it), the others are kept.
     *
     * @param expectedVersions the versions the record must be at (If-Match); empty for any
     * @throws BusinessForbiddenException    when the new BusinessId is not one the caller may use (nothing is written)
     * @throws EmailAccountNotFoundException when no record of the caller's businesses has this Id (nothing is written)
     * @throws VersionChangedException       when the record is at none of the expected versions (nothing is written)
     */
    public ChangeReceipt applyUpdate(long id, EmailAccountWrite fields, Caller caller, Optional<Set<Long>> expectedVersions) {
        rejectIfOutsideBusinesses(fields, caller);
        return writes.write(() -> {
            Instant now = now();
            OptionalLong version = repository.update(id, fields.values(), now.atOffset(ZoneOffset.UTC), caller.name(),
                    caller.scope(), expectedVersions.orElse(null));
            if (version.isEmpty()) {
                long current = repository.findVersion(id, caller.scope()).orElseThrow(() -> new EmailAccountNotFoundException(id));
                throw new VersionChangedException(id, current);
            }
            return new ChangeReceipt(id, now, caller.name(), version.getAsLong());
        });
    }

    /** @throws EmailAccountNotFoundException when no record of the caller's businesses has this Id */
    public ChangeReceipt delete(long id, Caller caller) {
        return writes.write(() -> {
            if (!repository.delete(id, caller.scope())) {
                throw new EmailAccountNotFoundException(id);
            }
            return new ChangeReceipt(id, now(), caller.name(), 0);
        });
    }

    private static void rejectIfOutsideBusinesses(EmailAccountWrite fields, Caller caller) {
        if (!caller.mayUse(fields.businessId())) {
            throw new BusinessForbiddenException(fields.businessId());
        }
    }

    /** Times are kept to the second, as the API writes them. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }
}
