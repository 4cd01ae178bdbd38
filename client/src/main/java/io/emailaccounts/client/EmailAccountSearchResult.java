package io.emailaccounts.client;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import io.emailaccounts.client.model.EmailAccount;
import io.emailaccounts.client.model.EmailAccountList;

/**
 * What {@code GET /api/crm/emailaccounts} answers: a page of search results in the list envelope, or, for a batch
 * read ({@code id=[1,2,3]}), a bare array of records. The generated {@code searchEmailAccounts} returns it (the
 * contract's {@code EmailAccountSearchResult} is mapped to this class); {@link EmailAccounts} hides it.
 */
@JsonDeserialize(using = EmailAccountSearchResult.Reader.class)
public final class EmailAccountSearchResult {

    private final EmailAccountList page;
    private final List<EmailAccount> records;

    private EmailAccountSearchResult(EmailAccountList page, List<EmailAccount> records) {
        this.page = page;
        this.records = records;
    }

    /** Whether this is a page of search results (false for the answer of a batch read). */
    public boolean isPage() {
        return page != null;
    }

    /** The list envelope of a search. @throws IllegalStateException for the answer of a batch read */
    public EmailAccountList page() {
        if (page == null) {
            throw new IllegalStateException("A batch read answers records, not a page");
        }
        return page;
    }

    /** The records: those of the page, or those a batch read asked for. */
    public List<EmailAccount> records() {
        return records;
    }

    /** Reads either shape, with the client's own settings (dates, unknown enum values). */
    static final class Reader extends JsonDeserializer<EmailAccountSearchResult> {

        @Override
        public EmailAccountSearchResult deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode json = parser.readValueAsTree();
            if (json.isArray()) {
                List<EmailAccount> records = context.readTreeAsValue(json,
                        context.getTypeFactory().constructCollectionType(List.class, EmailAccount.class));
                return new EmailAccountSearchResult(null, List.copyOf(records));
            }
            EmailAccountList page = context.readTreeAsValue(json, EmailAccountList.class);
            return new EmailAccountSearchResult(page, List.copyOf(Objects.requireNonNullElse(page.getRecords(), List.of())));
        }
    }
}
