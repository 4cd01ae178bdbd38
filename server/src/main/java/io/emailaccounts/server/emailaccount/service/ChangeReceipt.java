package io.emailaccounts.server.emailaccount.service;

import java.time.Instant;

/** What a successful write reports back: which record, when, and by whom. */
public record ChangeReceipt(long id, Instant changedOn, String changedBy) {
}
