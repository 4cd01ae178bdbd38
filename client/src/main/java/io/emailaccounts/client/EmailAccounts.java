package io.emailaccounts.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.client.model.ActionResponse;
import io.emailaccounts.client.model.EmailAccount;
import io.emailaccounts.client.model.EmailAccountList;
import io.emailaccounts.client.model.EmailAccountUpdate;

/**
 * The reads of the EmailAccounts resource made easy; the generated {@link EmailAccountsApi} ({@link #api()}) has every
 * operation.
 *
 * <pre>{@code
 * EmailAccounts emailAccounts = new EmailAccounts(NexudusClients.basicAuth(baseUrl, user, password));
 * Optional<EmailAccount> one = emailAccounts.find(87654321L);
 * emailAccounts.stream(EmailAccountQuery.all().business(1001L)).forEach(...);
 * }</pre>
 */
public final class EmailAccounts {

    /** Records per page while streaming a search. */
    public static final int STREAM_PAGE_SIZE = 100;
    /** Ids per batch read, the most the API takes at once. */
    public static final int BATCH_SIZE = 1000;

    private final EmailAccountsApi api;

    public EmailAccounts(ApiClient client) {
        this.api = new EmailAccountsApi(client);
    }

    /** The generated API, for the writes (create, update, delete) and anything else. */
    public EmailAccountsApi api() {
        return api;
    }

    /** The record with this Id; empty when there is none (the API answered 404). */
    public Optional<EmailAccount> find(long id) throws ApiException {
        try {
            return Optional.of(api.getEmailAccount(id, null));
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The record with this Id and its ETag (its version, for {@link #update(EmailAccountUpdate, String)}). */
    public Optional<Versioned<EmailAccount>> findVersioned(long id) throws ApiException {
        try {
            ApiResponse<EmailAccount> response = api.getEmailAccountWithHttpInfo(id, null);
            String etag = response.getHeaders().entrySet().stream()
                    .filter(header -> header.getKey().equalsIgnoreCase("ETag"))
                    .map(header -> header.getValue().get(0)).findFirst().orElse(null);
            return Optional.of(new Versioned<>(response.getData(), etag));
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Updates a record whatever its version: optional fields left unset keep their stored values. */
    public ActionResponse update(EmailAccountUpdate update) throws ApiException {
        return api.updateEmailAccount(update, null);
    }

    /**
     * Updates a record only if it is still the version {@code etag} names (from {@link #findVersioned}); when someone
     * changed it since, the API answers 412 and nothing changes.
     */
    public ActionResponse update(EmailAccountUpdate update, String etag) throws ApiException {
        return api.updateEmailAccount(update, etag);
    }

    /** The records with these Ids, in the order asked for; unknown Ids are left out. Any number of Ids. */
    public List<EmailAccount> getAll(List<Long> ids) throws ApiException {
        List<EmailAccount> records = new ArrayList<>(ids.size());
        for (int start = 0; start < ids.size(); start += BATCH_SIZE) {
            List<Long> batch = ids.subList(start, Math.min(ids.size(), start + BATCH_SIZE));
            String idList = batch.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
            records.addAll(api.searchEmailAccounts(null, null, null, null, idList, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null).records());
        }
        return records;
    }

    /** One page of the records the query finds, in the list envelope. */
    public EmailAccountList search(EmailAccountQuery query, int page, int size) throws ApiException {
        return api.searchEmailAccounts(page, size, query.orderBy, query.direction, null,
                query.business, query.displayName, query.emailAddress, query.incomingServer, query.incomingServerType,
                query.incomingServerPort, query.incomingServerUsername, query.deleteMessageSettings,
                query.outgoingServer, query.outgoingServerPort, query.outgoingServerUsername, query.lastMessageId,
                query.errorCount, query.active, query.sendNotificationOnNewMessages, query.notificationEmailAddress,
                query.incomingServerSsl, query.outgoingServerSsl, query.replyToEmail, query.lastCheckTime,
                query.fromIncomingServerPort, query.toIncomingServerPort, query.fromOutgoingServerPort,
                query.toOutgoingServerPort, query.fromLastCheckTime, query.toLastCheckTime, query.fromLastMessageId,
                query.toLastMessageId, query.fromErrorCount, query.toErrorCount, query.fromCreatedOn, query.toCreatedOn,
                query.fromUpdatedOn, query.toUpdatedOn).page();
    }

    /**
     * Every record the query finds, fetched page by page as the stream is read ({@value #STREAM_PAGE_SIZE} per page).
     * Records changed while the stream is read may be missed or met twice, as with any paging.
     *
     * @throws UncheckedApiException from the stream's operations when a page cannot be fetched
     */
    public Stream<EmailAccount> stream(EmailAccountQuery query) {
        return stream(query, STREAM_PAGE_SIZE);
    }

    public Stream<EmailAccount> stream(EmailAccountQuery query, int pageSize) {
        Iterator<EmailAccount> records = new Iterator<>() {
            private int nextPage = 1;
            private boolean more = true;
            private Iterator<EmailAccount> current = List.<EmailAccount>of().iterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    try {
                        EmailAccountList page = search(query, nextPage++, pageSize);
                        current = page.getRecords().iterator();
                        more = Boolean.TRUE.equals(page.getHasNextPage());
                    } catch (ApiException e) {
                        throw new UncheckedApiException(e);
                    }
                }
                return current.hasNext();
            }

            @Override
            public EmailAccount next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
