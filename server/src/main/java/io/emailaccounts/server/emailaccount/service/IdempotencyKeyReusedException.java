package io.emailaccounts.server.emailaccount.service;

/** A create came with an {@code Idempotency-Key} the caller used for another request; nothing was written. */
public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("was used for another request; send a new key with a new request.", null, false, false);
    }
}
