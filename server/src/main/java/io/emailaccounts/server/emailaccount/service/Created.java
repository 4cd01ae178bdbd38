package io.emailaccounts.server.emailaccount.service;

/**
 * What a create answers.
 *
 * @param receipt  the record made, when and by whom
 * @param replayed whether the record was made by an earlier request with the same {@code Idempotency-Key}, and nothing
 *                 was made now
 */
public record Created(ChangeReceipt receipt, boolean replayed) {
}
