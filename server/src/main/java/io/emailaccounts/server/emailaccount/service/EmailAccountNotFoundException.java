package io.emailaccounts.server.emailaccount.service;

/** No EmailAccount has the requested Id. */
public class EmailAccountNotFoundException extends RuntimeException {

    private final long id;

    public EmailAccountNotFoundException(long id) {
        super("EmailAccount " + id + " was not found");
        this.id = id;
    }

    public long id() {
        return id;
    }
}
