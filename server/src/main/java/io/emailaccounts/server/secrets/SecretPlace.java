package io.emailaccounts.server.secrets;

import java.util.UUID;

/**
 * Where a sealed secret belongs: its table, its column and its row (the row's {@code unique_id}, made once when the
 * row is inserted and never changed). A value is sealed with its place as associated data, so that one copied into
 * another column or another row, of the same business or another, does not decrypt.
 */
public record SecretPlace(String table, String column, UUID row) {

    /** The associated data of values written before key ids, which named the column only. */
    String legacyContext() {
        return column;
    }

    String context() {
        return table + "." + column + "/" + row;
    }
}
