package io.emailaccounts.client;

/** An {@link ApiException} met where checked exceptions cannot go, such as while a stream is read. */
public class UncheckedApiException extends RuntimeException {

    public UncheckedApiException(ApiException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized ApiException getCause() {
        return (ApiException) super.getCause();
    }
}
