package io.emailaccounts.server.emailaccount.web;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import io.emailaccounts.server.emailaccount.BusinessScope;
import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.search.EmailAccountSearchParameters;
import io.emailaccounts.server.emailaccount.search.SearchFilters;
import io.emailaccounts.server.emailaccount.service.Caller;
import io.emailaccounts.server.emailaccount.service.ChangeReceipt;
import io.emailaccounts.server.emailaccount.service.Created;
import io.emailaccounts.server.emailaccount.service.EmailAccountService;
import io.emailaccounts.server.emailaccount.service.SearchResult;
import io.emailaccounts.server.generated.model.ActionResponse;
import io.emailaccounts.server.generated.model.EmailAccount;
import io.emailaccounts.server.generated.model.EmailAccountFields;
import io.emailaccounts.server.generated.model.EmailAccountList;
import io.emailaccounts.server.generated.model.EmailAccountUpdate;
import io.emailaccounts.server.generated.model.SortDirection;
import io.emailaccounts.server.security.CurrentUser;

/**
 * The EmailAccounts operations of the contract: map the request, call the service, map the answer. The search takes
 * its parameters as one generated object ({@link EmailAccountsSearchDelegate}), so a filter the contract gains
 * changes nothing here.
 */
class EmailAccountsDelegate implements EmailAccountsSearchDelegate {

    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final EmailAccountService service;
    private final EmailAccountMapping mapping;
    private final SearchFilters searchFilters;
    private final IdempotencyKeyHeader idempotencyKeys;

    EmailAccountsDelegate(EmailAccountService service, EmailAccountMapping mapping, SearchFilters searchFilters,
                          IdempotencyKeyHeader idempotencyKeys) {
        this.service = service;
        this.mapping = mapping;
        this.searchFilters = searchFilters;
        this.idempotencyKeys = idempotencyKeys;
    }

    /** The record, with its version as ETag (a matching If-None-Match is answered 304). */
    @Override
    public ResponseEntity<EmailAccount> getEmailAccount(Long id, String ifNoneMatch) {
        EmailAccountRecord record = service.get(id, caller());
        return ResponseEntity.ok().eTag(EntityTags.of(record.version())).body(mapping.record(record));
    }

    /** A create; with an Idempotency-Key, the first answer again for a repeat, marked {@code Idempotent-Replayed}. */
    @Override
    public ResponseEntity<ActionResponse> createEmailAccount(EmailAccountFields body, String idempotencyKey) {
        Optional<String> key = idempotencyKeys.parse(idempotencyKey);
        Created created = service.create(mapping.write(body), caller(), key);
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (created.replayed()) {
            answer.header(IDEMPOTENT_REPLAYED, "true");
        }
        return answer.body(ActionEnvelopes.success("EmailAccount was successfully created.", created.receipt()));
    }

    @Override
    public ResponseEntity<ActionResponse> updateEmailAccount(EmailAccountUpdate update, String ifMatch) {
        ChangeReceipt receipt = service.applyUpdate(update.getId(), mapping.write(update), caller(),
                EntityTags.versionsIn(ifMatch));
        return ResponseEntity.ok()
                .header(HttpHeaders.ETAG, EntityTags.of(receipt.version()))
                .body(ActionEnvelopes.success("EmailAccount was successfully updated.", receipt));
    }

    @Override
    public ResponseEntity<ActionResponse> deleteEmailAccount(Long id) {
        ChangeReceipt receipt = service.delete(id, caller());
        return ResponseEntity.ok(ActionEnvelopes.success("EmailAccount was successfully deleted.", receipt));
    }

    /**
     * The search operation: a page of results in the list envelope or, with {@code id}, a bare array of records (a
     * batch read).
     *
     * @param parameters the request's query parameters, already checked against the contract
     */
    @Override
    public ResponseEntity<Object> searchEmailAccounts(EmailAccountSearchParameters parameters) {
        if (SearchFilters.isBatchRead(parameters)) {
            List<EmailAccount> records = service.getAll(SearchFilters.batchIds(parameters), caller()).stream()
                    .map(mapping::record).toList();
            return ResponseEntity.ok(records);
        }
        boolean descending = parameters.dir() != null && SortDirection.fromValue(parameters.dir()) != SortDirection.Ascending;
        return ResponseEntity.ok(page(service.search(searchFilters.query(parameters, descending), caller())));
    }

    private static Caller caller() {
        return new Caller(CurrentUser.name(), CurrentUser.businesses().map(BusinessScope::only).orElse(BusinessScope.every()));
    }

    private EmailAccountList page(SearchResult result) {
        return new EmailAccountList()
                .records(result.records().stream().map(mapping::record).toList())
                .currentPage(result.query().page())
                .currentPageSize(result.query().size())
                .currentOrderField(result.query().orderBy().name())
                .currentSortDirection(result.query().descending() ? SortDirection.Descending : SortDirection.Ascending)
                .firstItem(result.firstItem())
                .lastItem(result.lastItem())
                .totalItems(result.totalItems())
                .totalPages(result.totalPages())
                .hasNextPage(result.hasNextPage())
                .hasPreviousPage(result.hasPreviousPage());
    }
}
