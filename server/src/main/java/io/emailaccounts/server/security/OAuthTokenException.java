package io.emailaccounts.server.security;

/** The token endpoint refuses a grant; answered 400 in the OAuth 2.0 error format (RFC 6749, 5.2). */
public class OAuthTokenException extends RuntimeException {

    public static final String INVALID_REQUEST = "invalid_request";
    public static final String INVALID_GRANT = "invalid_grant";
    public static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

    private final String error;

    public OAuthTokenException(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    public String error() {
        return error;
    }

    public String description() {
        return getMessage();
    }
}
