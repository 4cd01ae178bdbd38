package io.emailaccounts.client;

/** An {@link ApiException} met where checked exceptions cannot go, such as while a stream is read. */
public class UncheckedApiException extends RuntimeException {

    public UncheckedApiException(ApiException cause) {
        super(cause.getMessage(), cause);
    }

    /** The {@link ApiException} met: its status ({@code getCode()}), body and request id. */
    @Override
    public synchronized ApiException getCause() {
        return (ApiException) super.getCause();
    }
}
