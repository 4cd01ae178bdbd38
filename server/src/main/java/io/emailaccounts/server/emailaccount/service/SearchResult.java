package io.emailaccounts.server.emailaccount.service;

import java.util.List;

import io.emailaccounts.server.emailaccount.EmailAccountRecord;
import io.emailaccounts.server.emailaccount.search.EmailAccountQuery;

/** One page of a search and where it lies in the whole result. */
public record SearchResult(List<EmailAccountRecord> records, long totalItems, EmailAccountQuery query) {

    /** Position of the page's first record in the whole result, from 1; 0 for an empty page. */
    public long firstItem() {
        return records.isEmpty() ? 0 : query.offset() + 1;
    }

    /** Position of the page's last record in the whole result; 0 for an empty page. */
    public long lastItem() {
        return records.isEmpty() ? 0 : query.offset() + records.size();
    }

    public int totalPages() {
        return (int) ((totalItems + query.size() - 1) / query.size());
    }

    public boolean hasNextPage() {
        return query.page() < totalPages();
    }

    public boolean hasPreviousPage() {
        return query.page() > 1;
    }
}
