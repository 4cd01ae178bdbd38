package io.emailaccounts.server.emailaccount.service;

/** The caller asked to create a record in, or move one into, a business it may not use. */
public class BusinessForbiddenException extends RuntimeException {

    private final long businessId;

    public BusinessForbiddenException(long businessId) {
        super("You may not use business " + businessId + ".", null, false, false);
        this.businessId = businessId;
    }

    public long businessId() {
        return businessId;
    }
}
