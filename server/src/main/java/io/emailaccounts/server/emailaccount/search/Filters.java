package io.emailaccounts.server.emailaccount.search;

import java.time.OffsetDateTime;

import io.emailaccounts.contract.SearchFilter.Bound;
import io.emailaccounts.server.emailaccount.EmailAccountField;

/** Where the generated {@link EmailAccountSearchParameters#narrow} puts each filter a request gives. */
public interface Filters {

    /** A filter whose value has its property's type: the compiler checks that they agree. */
    <T> void value(String parameter, EmailAccountField<T> field, Bound bound, T value);

    /** A filter on a time, written as text ({@code 2025-01-15T10:30}: to the minute, seconds and an offset allowed). */
    void time(String parameter, EmailAccountField<OffsetDateTime> field, Bound bound, String text);
}
