package io.emailaccounts.server.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.generated.api.AuthenticationApi;
import io.emailaccounts.server.generated.model.TokenError;
import io.emailaccounts.server.limits.Allowance;
import io.emailaccounts.server.limits.TooManyRequestsException;
import io.emailaccounts.server.security.CrossOriginRefusedException;
import io.emailaccounts.server.security.LoginThrottledException;
import io.emailaccounts.server.security.OAuthTokenException;
import io.emailaccounts.server.security.IssuerUnavailableException;
import io.emailaccounts.server.security.OperationForbiddenException;
import io.emailaccounts.server.security.TokenNamesNoBusinessException;
import io.emailaccounts.server.security.PasswordChecksBusyException;
import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.error.RequestValidationException;
import io.emailaccounts.server.error.CommitOutcomeUnknownException;
import io.emailaccounts.server.error.DatabaseUnavailable;
import io.emailaccounts.server.error.ErrorEnvelopes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Where the failures of the framework, the security layer and the request checks become answers: every failure a
 * client can meet is the API's error envelope as JSON, with the status that fits, and never a stack trace. The token
 * endpoint answers in the OAuth 2.0 error format. A feature maps its own failures in an advice of its own, consulted
 * first ({@code EmailAccountFailures}); what nobody maps is a 500 here.
 */
@RestControllerAdvice
@Order(RequestPath.GENERAL_FAILURES)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final String REALM = "realm=\"EmailAccounts\"";
    /** How long a client should wait before it tries again while the database is out of reach. */
    static final long DATABASE_RETRY_AFTER_SECONDS = 2;

    private final long maxBodyBytes;

    ApiExceptionHandler(EmailAccountsProperties properties) {
        this.maxBodyBytes = properties.maxRequestBodySize().toBytes();
    }

    @ExceptionHandler
    ResponseEntity<Object> onInvalidRequest(RequestValidationException e) {
        return ErrorEnvelopes.response(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, e.violations());
    }

    @ExceptionHandler
    ResponseEntity<Object> onTooLarge(PayloadTooLargeException e) {
        return ErrorEnvelopes.response(HttpStatus.CONTENT_TOO_LARGE, HttpHeaders.EMPTY, e.getMessage());
    }

    /** The container could not read a form body: over the size limit (sent without a length), or malformed. */
    @ExceptionHandler
    ResponseEntity<Object> onUnreadableParameters(InvalidParameterException e, WebRequest request) {
        if (e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return onTooLarge(new PayloadTooLargeException(maxBodyBytes));
        }
        if (isTokenEndpoint(request)) {
            return tokenError(OAuthTokenException.INVALID_REQUEST, "The form body could not be read.");
        }
        return ErrorEnvelopes.response(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, "The request's parameters could not be read.");
    }

    /** The security firewall refused the URL; its own message quotes the URL, so it is not passed on. */
    @ExceptionHandler
    ResponseEntity<Object> onRejectedUrl(RequestRejectedException e) {
        return ErrorEnvelopes.response(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY,
                "The request URL holds characters this server refuses (such as encoded line breaks or control characters).");
    }

    @ExceptionHandler
    ResponseEntity<Object> onTooManyRequests(TooManyRequestsException e) {
        return retryLater(e.getMessage(), e.allowance());
    }

    @ExceptionHandler
    ResponseEntity<Object> onLoginThrottled(LoginThrottledException e) {
        return retryLater(e.getMessage(), e.allowance());
    }

    /** The commit of a write failed without saying whether it took place. */
    @ExceptionHandler
    ResponseEntity<Object> onCommitOutcomeUnknown(CommitOutcomeUnknownException e, HttpServletRequest request) {
        log.warn("The database did not confirm the commit of {} {}: {}", request.getMethod(), request.getRequestURI(),
                rootMessage(e));
        return unavailable("The database did not confirm the commit: the change may or may not have been written. "
                + "Read the record before sending the request again.");
    }

    /** A valid token of the organisation's issuer whose user may see no business. */
    @ExceptionHandler
    ResponseEntity<Object> onTokenWithoutBusiness(TokenNamesNoBusinessException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer " + REALM + ", error=\"insufficient_scope\"");
        return ErrorEnvelopes.response(HttpStatus.FORBIDDEN, headers, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Object> onUnauthenticated(AuthenticationException e, HttpServletRequest request) {
        if (DatabaseUnavailable.isCauseOf(e)) {
            return onDatabaseUnavailable(e, request);
        }
        if (e.getCause() instanceof IssuerUnavailableException unavailable) {
            if (unavailable.getCause() != null) { // the failed fetch, not the refusals of the seconds after it
                log.warn("{} {}: {} ({})", request.getMethod(), request.getRequestURI(), unavailable.getMessage(), rootMessage(unavailable));
            }
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()));
            return ErrorEnvelopes.response(HttpStatus.SERVICE_UNAVAILABLE, headers, unavailable.getMessage());
        }
        HttpHeaders headers = new HttpHeaders();
        String message;
        if (e instanceof InvalidBearerTokenException
                || e instanceof OAuth2AuthenticationException oauth && oauth.getError() instanceof BearerTokenError) {
            message = "The access token is invalid or has expired.";
            headers.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer " + REALM + ", error=\"invalid_token\", error_description=\"" + message + "\"");
        } else {
            message = e instanceof BadCredentialsException
                    ? "The user name or password is incorrect."
                    : "Authentication is required: send a bearer token from POST /api/token, or HTTP Basic credentials.";
            headers.add(HttpHeaders.WWW_AUTHENTICATE, "Bearer " + REALM);
            headers.add(HttpHeaders.WWW_AUTHENTICATE, "Basic " + REALM + ", charset=\"UTF-8\"");
        }
        return ErrorEnvelopes.response(HttpStatus.UNAUTHORIZED, headers, message);
    }

    /** Every password check was busy: the client should try again in a moment. */
    @ExceptionHandler
    ResponseEntity<Object> onPasswordChecksBusy(PasswordChecksBusyException e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(PasswordChecksBusyException.RETRY_AFTER_SECONDS));
        return ErrorEnvelopes.response(HttpStatus.SERVICE_UNAVAILABLE, headers, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Object> onForbidden(OperationForbiddenException e) {
        return ErrorEnvelopes.response(HttpStatus.FORBIDDEN, HttpHeaders.EMPTY, e.getMessage());
    }

    /** A browser's request from an origin the server does not allow (its preflight, or the request itself). */
    @ExceptionHandler
    ResponseEntity<Object> onCrossOriginRefused(CrossOriginRefusedException e) {
        return ErrorEnvelopes.response(HttpStatus.FORBIDDEN, HttpHeaders.EMPTY, e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Object> onTokenRefused(OAuthTokenException e) {
        return tokenError(e.error(), e.description());
    }

    @ExceptionHandler
    ResponseEntity<Object> onUnexpected(Exception e, HttpServletRequest request) {
        if (DatabaseUnavailable.isCauseOf(e)) {
            return onDatabaseUnavailable(e, request);
        }
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return ErrorEnvelopes.response(HttpStatus.INTERNAL_SERVER_ERROR, HttpHeaders.EMPTY,
                "The server failed to process the request; it has been logged.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        if (isTokenEndpoint(request)) {
            return tokenError(OAuthTokenException.UNSUPPORTED_GRANT_TYPE,
                    "The request body must be form-encoded (application/x-www-form-urlencoded).");
        }
        return super.handleHttpMediaTypeNotSupported(e, headers, status, request);
    }

    /** Every answer is JSON: a request whose Accept header refuses it is turned down before the operation runs. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException e, HttpHeaders headers,
                                                                      HttpStatusCode status, WebRequest request) {
        String[] accept = request.getHeaderValues(HttpHeaders.ACCEPT);
        String sent = accept == null ? "" : String.join(", ", accept);
        return ErrorEnvelopes.response(status, headers, List.of(new PropertyViolation(null,
                JsonNodeFactory.instance.stringNode(sent),
                "This API answers in application/json only, which the Accept header (" + sent + ") does not allow.")));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        if (isTokenEndpoint(request)) {
            return tokenError(OAuthTokenException.INVALID_REQUEST, e.getParameterName() + " is required.");
        }
        return super.handleMissingServletRequestParameter(e, headers, status, request);
    }

    /** Every other Spring MVC failure: the same status Spring would give, with the envelope as body. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        if (e instanceof HttpRequestMethodNotSupportedException && !headers.getAllow().isEmpty()) {
            // Spring lists the methods in no particular order; the same answer always lists them alike, as the message does.
            headers.set(HttpHeaders.ALLOW, MethodNotAllowed.allow(headers.getAllow().stream().map(HttpMethod::name).toList()));
        }
        return ErrorEnvelopes.response(status, headers, List.of(new PropertyViolation(null, attemptedValue(e), describe(e, status))));
    }

    /** What the client sent that the failure is about, when it is a method or a content type; else null. */
    private static JsonNode attemptedValue(Exception e) {
        if (e instanceof HttpRequestMethodNotSupportedException methodNotSupported) {
            return JsonNodeFactory.instance.stringNode(methodNotSupported.getMethod());
        }
        if (e instanceof HttpMediaTypeNotSupportedException mediaType && mediaType.getContentType() != null) {
            return JsonNodeFactory.instance.stringNode(mediaType.getContentType().toString());
        }
        return null;
    }

    /**
     * The database cannot be reached: 503 at once (the connection pool waits at most
     * {@code spring.datasource.hikari.connection-timeout} for a connection), a line in the log without a stack trace
     * (an outage would fill the log with them), and nothing written.
     */
    private static ResponseEntity<Object> onDatabaseUnavailable(Exception e, HttpServletRequest request) {
        log.warn("The database is out of reach for {} {}: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
        return unavailable("The database cannot be reached at the moment; nothing was changed. Try again after the "
                + "Retry-After delay.");
    }

    private static ResponseEntity<Object> unavailable(String message) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DATABASE_RETRY_AFTER_SECONDS));
        return ErrorEnvelopes.response(HttpStatus.SERVICE_UNAVAILABLE, headers, message);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * 429 with {@code Retry-After} in whole seconds, rounded up so that a client that waits that long gets through, and
     * the limit's state ({@code RateLimit-Policy}, {@code RateLimit}: none remaining, more after those seconds).
     */
    private static ResponseEntity<Object> retryLater(String message, Allowance refused) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(refused.untilMoreSeconds()));
        headers.set(Allowance.POLICY_FIELD, refused.policyField());
        headers.set(Allowance.FIELD, refused.field());
        return ErrorEnvelopes.response(HttpStatus.TOO_MANY_REQUESTS, headers, message);
    }

    private static String describe(Exception e, HttpStatusCode status) {
        if (e instanceof HttpRequestMethodNotSupportedException methodNotSupported) {
            return MethodNotAllowed.message(methodNotSupported.getMethod(), methodNotSupported.getSupportedMethods() == null
                    ? List.of() : List.of(methodNotSupported.getSupportedMethods()));
        }
        if (e instanceof HttpMediaTypeNotSupportedException mediaType) {
            return "Content type '" + (mediaType.getContentType() == null ? "none" : mediaType.getContentType())
                    + "' is not supported; send application/json.";
        }
        if (e instanceof NoResourceFoundException) {
            return "There is nothing at this path.";
        }
        if (e instanceof HttpMessageNotReadableException) {
            return "The request body could not be read as the operation expects.";
        }
        if (e instanceof MissingServletRequestParameterException missing) {
            return "The query parameter " + missing.getParameterName() + " is required.";
        }
        return ErrorEnvelopes.messageFor(status);
    }

    private static boolean isTokenEndpoint(WebRequest request) {
        return request instanceof ServletWebRequest servlet
                && AuthenticationApi.PATH_CREATE_TOKEN.equals(servlet.getRequest().getRequestURI());
    }

    private static ResponseEntity<Object> tokenError(String error, String description) {
        TokenError body = new TokenError().error(TokenError.ErrorEnum.fromValue(error)).errorDescription(description);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
