package io.emailaccounts.server.error;

/**
 * The database was asked to commit and did not say whether it did (the connection was lost during the commit): the
 * change may or may not have been written. Nothing is tried again on the server, which could write it twice.
 */
public class CommitOutcomeUnknownException extends RuntimeException {

    public CommitOutcomeUnknownException(RuntimeException cause) {
        super("The commit's outcome is unknown", cause);
    }
}
