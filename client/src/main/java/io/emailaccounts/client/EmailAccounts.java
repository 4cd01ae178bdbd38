package io.emailaccounts.client;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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
import io.emailaccounts.client.api.EmailAccountsApi.APISearchEmailAccountsRequest;
import io.emailaccounts.client.model.ActionResponse;
import io.emailaccounts.client.model.EmailAccount;
import io.emailaccounts.client.model.EmailAccountFields;
import io.emailaccounts.client.model.EmailAccountList;
import io.emailaccounts.client.model.EmailAccountUpdate;

/**
 * The EmailAccounts resource made easy: creates, reads, updates and searches; the generated {@link EmailAccountsApi}
 * ({@link #api()}) has every operation.
 *
 * <p>A search is described with the builder generated from the contract's search parameters ({@link #query()}): one
 * method per filter ({@code emailAccountBusiness} for {@code EmailAccount_Business}, {@code fromEmailAccountErrorCount}
 * for {@code from_EmailAccount_ErrorCount}, ...), plus {@code orderBy} and {@code dir}. A filter added to the contract
 * is there as soon as the client is generated again. Every filter narrows the result.
 *
 * <pre>{@code
 * EmailAccounts emailAccounts = new EmailAccounts(NexudusClients.basicAuth(baseUrl, user, password));
 * Optional<EmailAccount> one = emailAccounts.find(87654321L);
 * emailAccounts.stream(EmailAccounts.query().emailAccountBusiness(1001L).orderBy(EmailAccountOrderField.DISPLAY_NAME))
 *         .forEach(...);
 * }</pre>
 */
public final class EmailAccounts {

    /** Records per page while streaming a search. */
    public static final int STREAM_PAGE_SIZE = 100;
    /** Ids per batch read, the most the API takes at once (the contract's {@code x-max-items} of {@code id}). */
    public static final int BATCH_SIZE = ContractLimits.SEARCH_EMAIL_ACCOUNTS_ID_MAX_ITEMS;

    private final EmailAccountsApi api;

    /**
     * The resource, with its requests sent by the given client: make it with {@link NexudusClients}, which gives it
     * its authentication, its retries, a fresh {@code Idempotency-Key} for each create, strict handling and tolerant
     * reading; an {@code ApiClient} made by hand has none of these.
     *
     * @param client the client that sends the requests
     */
    public EmailAccounts(ApiClient client) {
        this.api = new EmailAccountsApi(client);
    }

    /**
     * A new search: every record, ordered by Id, until filters and an order are set on it. The paging methods of this
     * class set its {@code page} and {@code size}.
     */
    public static APISearchEmailAccountsRequest.Builder query() {
        return APISearchEmailAccountsRequest.newBuilder();
    }

    /** A time as the time filters take it ({@code 2025-01-15T10:30:00Z}): to the second, with its offset. */
    public static String time(OffsetDateTime value) {
        return value == null ? null : value.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** The generated API, for a delete and anything else. */
    public EmailAccountsApi api() {
        return api;
    }

    /**
     * Creates a record. Safe to repeat: the client sends it with a fresh {@code Idempotency-Key} and, when the answer
     * is lost, sends it again with the same key; the server makes the record once.
     */
    public ActionResponse create(EmailAccountFields fields) throws ApiException {
        return api.createEmailAccount(fields, null);
    }

    /**
     * Creates a record with your own {@code Idempotency-Key} (a UUID, 1 to 255 printable ASCII characters): sent again
     * with the same key and fields within 24 hours, even by another process, it answers the first answer and makes no
     * second record.
     */
    public ActionResponse create(EmailAccountFields fields, String idempotencyKey) throws ApiException {
        return api.createEmailAccount(fields, idempotencyKey);
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
            records.addAll(api.searchEmailAccounts(query().id(idList).build()).records());
        }
        return records;
    }

    /** One page of the records the query finds, in the list envelope. Sets the query's page and size. */
    public EmailAccountList search(APISearchEmailAccountsRequest.Builder query, int page, int size) throws ApiException {
        return api.searchEmailAccounts(query.page(page).size(size).build()).page();
    }

    /**
     * Every record the query finds, fetched page by page as the stream is read ({@value #STREAM_PAGE_SIZE} per page).
     * Records changed while the stream is read may be missed or met twice, as with any paging.
     *
     * @throws UncheckedApiException from the stream's operations when a page cannot be fetched
     */
    public Stream<EmailAccount> stream(APISearchEmailAccountsRequest.Builder query) {
        return stream(query, STREAM_PAGE_SIZE);
    }

    /** {@link #stream(APISearchEmailAccountsRequest.Builder)} with pages of {@code pageSize} records (1 to 1000). */
    public Stream<EmailAccount> stream(APISearchEmailAccountsRequest.Builder query, int pageSize) {
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
