package io.emailaccounts.client;

/**
 * An {@link ApiException} met where checked exceptions cannot go: while a stream of {@code EmailAccounts.stream()} is
 * read, or when a client made by {@code NexudusClients.passwordGrant(...)} cannot sign in before a request.
 */
public class UncheckedApiException extends RuntimeException {

    public UncheckedApiException(ApiException cause) {
        super(cause.getMessage(), cause);
    }

    /** The same, with a message of its own that says what was being done. */
    public UncheckedApiException(String message, ApiException cause) {
        super(message, cause);
    }

    /** The {@link ApiException} met: its status ({@code getCode()}), body and request id. */
    @Override
    public synchronized ApiException getCause() {
        return (ApiException) super.getCause();
    }
}
