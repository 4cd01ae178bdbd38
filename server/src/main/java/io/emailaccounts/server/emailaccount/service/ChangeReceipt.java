package io.emailaccounts.server.emailaccount.service;

import java.time.Instant;

/** What a successful write reports back: which record, when, by whom, and its version now (0 once deleted). */
public record ChangeReceipt(long id, Instant changedOn, String changedBy, long version) {
}
