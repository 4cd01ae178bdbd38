package io.emailaccounts.server.emailaccount.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.emailaccount.persistence.GroupCommit;
import io.emailaccounts.server.emailaccount.persistence.IdempotencyKeys;
import io.emailaccounts.server.secrets.SecretCipher;

/**
 * The rules of a create sent with an {@code Idempotency-Key} (draft-ietf-httpapi-idempotency-key-header), per user:
 * <ul>
 *     <li>a key not seen before: the create runs, and the key, a fingerprint of the request and the record made are
 *     kept in the create's transaction, for {@code emailaccounts.idempotency.retention};</li>
 *     <li>the same key and request again: the first answer, nothing made;</li>
 *     <li>the same key with another request: refused ({@link IdempotencyKeyReusedException}), nothing made;</li>
 *     <li>the same key while the first is still being processed by this server: refused at once
 *     ({@link IdempotencyKeyInFlightException}); on another replica the second waits for the first's commit at the
 *     database and then gets its answer.</li>
 * </ul>
 * A create that is refused (a rule, a business it may not use, an unavailable database) keeps no key: sent again, it
 * is judged anew.
 */
@Component
class IdempotentCreates {

    private final IdempotencyKeys keys;
    private final GroupCommit writes;
    private final SecretCipher cipher;
    private final Clock clock;
    private final Duration retention;
    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();

    IdempotentCreates(IdempotencyKeys keys, GroupCommit writes, SecretCipher cipher, Clock clock,
                      EmailAccountsProperties properties) {
        this.keys = keys;
        this.writes = writes;
        this.cipher = cipher;
        this.clock = clock;
        this.retention = properties.idempotency().retention();
    }

    /**
     * Runs the create once for this user's key, in the group commit's transaction together with the key.
     *
     * @param create writes the record, in the transaction it runs in, and returns its receipt
     */
    Created once(String user, String key, EmailAccountWrite fields, Supplier<ChangeReceipt> create) {
        InFlight claim = new InFlight(user, key);
        if (!inFlight.add(claim)) {
            throw new IdempotencyKeyInFlightException();
        }
        try {
            String request = canonical(fields);
            Supplier<Created> work = () -> replayOrCreate(user, key, request, create);
            try {
                return writes.write(work);
            } catch (DuplicateKeyException madeElsewhere) {
                // Another replica committed this key after this one looked: its answer is there now.
                return writes.write(work);
            }
        } finally {
            inFlight.remove(claim);
        }
    }

    private Created replayOrCreate(String user, String key, String request, Supplier<ChangeReceipt> create) {
        Instant now = clock.instant();
        Optional<IdempotencyKeys.Stored> stored = keys.find(user, key);
        if (stored.isPresent() && stored.get().expiresOn().isAfter(now)) {
            // A fingerprint made before the encryption key changed is still recognised.
            if (!cipher.isFingerprintOf(stored.get().fingerprint(), request)) {
                throw new IdempotencyKeyReusedException();
            }
            return new Created(new ChangeReceipt(stored.get().recordId(), stored.get().createdOn(), user, 1), true);
        }
        if (stored.isPresent()) {
            keys.forget(user, key);
        }
        ChangeReceipt receipt = create.get();
        keys.insert(user, key, new IdempotencyKeys.Stored(cipher.fingerprint(request), receipt.id(), receipt.changedOn(),
                now.plus(retention)));
        return new Created(receipt, false);
    }

    /**
     * The request as the server understood it, fields in name order, each value with its type and length, so that two
     * bodies that differ only in spacing or the order of their properties have one fingerprint. Only its keyed
     * fingerprint is stored, since a body may hold passwords and tokens.
     */
    private static String canonical(EmailAccountWrite fields) {
        StringBuilder text = new StringBuilder("createEmailAccount\n");
        Map<String, Object> byName = new TreeMap<>();
        fields.values().forEach((field, value) -> byName.put(field.name(), value));
        byName.forEach((name, value) -> {
            text.append(name).append('=');
            if (value == null) {
                text.append("null");
            } else {
                String shown = value.toString();
                text.append(value.getClass().getSimpleName()).append(':').append(shown.length()).append(':').append(shown);
            }
            text.append('\n');
        });
        return text.toString();
    }

    private record InFlight(String user, String key) {
    }
}
