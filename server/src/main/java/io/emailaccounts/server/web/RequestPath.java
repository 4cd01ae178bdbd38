package io.emailaccounts.server.web;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;

/**
 * The stages every request passes, in the order it passes them: the one place that order is written. Each
 * registration of one of the server's filters, interceptors or advices of failure handlers takes its order from a
 * constant here (Spring Boot registers Spring Security's chain at its default order, which {@link #SECURITY} names;
 * inside the chain, {@code SecurityConfiguration} places the route filter after the headers' filter). A read has no
 * body to check and nothing to commit. {@code RequestPathTest} checks at run time that a PUT passes the filters, the
 * write limit, the body check, the delegate, the service and the group commit in this order, and that the
 * interceptors, the chain's filters and the advices are registered in this order.
 * <ol>
 *     <li>Tomcat's connector; what it refuses before the application (a malformed URL, headers over the size limit)
 *     is answered in the envelope by {@link EnvelopeErrorReportValve}.</li>
 *     <li>{@link #OBSERVATION}: Spring Boot's observation filter: the request's metrics ({@code http.server.requests})
 *     and its span, named by the operation ({@link OperationNamedRequests}), in the caller's trace when it sent a W3C
 *     {@code traceparent}.</li>
 *     <li>{@link #REQUEST_ID}: {@link RequestIds.Filter} gives the request its id ({@code Request-Id} on the answer,
 *     the MDC for every log line), the first of the server's filters.</li>
 *     <li>{@link #ACCESS_LOG}: {@link AccessLog.Timer} starts the request's clock.</li>
 *     <li>{@link #SERVICE_LEVELS}: {@link ServiceLevels.Meter} counts a request to an operation against the service's
 *     objectives once it is answered.</li>
 *     <li>{@link #REQUEST_SIZE_LIMIT}: {@link RequestSizeLimitFilter} refuses a body declared over the limit (413)
 *     before anything reads it or checks a password.</li>
 *     <li>{@link #SECURITY}: Spring Security's chain, in this order: its firewall (a URL it refuses: 400); the
 *     security headers; {@code CrossOrigins}' filter, which answers a CORS preflight and refuses a browser's request
 *     from an origin not allowed (403); {@code RouteFilter}, which answers a path the contract does not have (404) and
 *     a method the path does not take (405, with {@code Allow}); the bearer token ({@code CurrentUserTokens}) or HTTP Basic
 *     ({@code ThrottledAuthenticationProvider}: 429 when throttled, 503 when the password checks are busy), a failed
 *     sign-in answered 401; the operation's role ({@code OperationAuthorization}: 401 without credentials, 403 without
 *     the role). Its sign-in and role failures reach the handlers below through
 *     {@code SecurityFailureHandlers}, the route filter's 404 and 405 through the handler resolver directly.</li>
 *     <li>{@link #ACCESS_LOG_USER}: {@link AccessLog.UserRecorder} notes who signed in.</li>
 *     <li>The {@code DispatcherServlet} finds the operation's controller, then runs the interceptors:
 *     {@link #WRITE_LIMIT} ({@link WriteRateLimiter}, when the limit is enabled: 429 with {@code Retry-After}),
 *     {@link #CONTRACT_PARAMETERS} ({@link ContractParameterInterceptor}: 400 naming every parameter the contract
 *     refuses) and {@link #STRICT_HANDLING} ({@link StrictHandling}: {@code Prefer: handling=strict}
 *     acknowledged).</li>
 *     <li>The body: {@link ContractRequestBodyAdvice} reads it (413 when one sent without a length passes the limit)
 *     and checks it against the contract (400 with every broken rule; with {@code Prefer: handling=strict}, unknown
 *     properties too), and {@link ParsedBodyConverter} binds the tree it checked to the generated model.</li>
 *     <li>The generated controller calls its delegate ({@code EmailAccountsDelegate}: {@code If-Match},
 *     {@code Idempotency-Key}, the envelopes), which calls the service ({@code EmailAccountService}: the caller's
 *     businesses, the record's rules), which hands a change to {@code GroupCommit}, whose writer thread commits it
 *     with the changes that came with it and then answers.</li>
 *     <li>The answer: the delegate's envelope; or, for a failure, the feature's handlers first
 *     ({@link #FEATURE_FAILURES}: {@code EmailAccountFailures}), then the application's
 *     ({@link #GENERAL_FAILURES}: {@link ApiExceptionHandler}, whose catch-all is the 500).</li>
 * </ol>
 */
public final class RequestPath {

    /**
     * Spring Boot's observation filter, which it registers at this order: the request's metrics and its trace's span,
     * around everything else the server does with it.
     */
    public static final int OBSERVATION = Ordered.HIGHEST_PRECEDENCE + 1;

    /**
     * The request's id: first of the server's own filters, so that every answer and every line logged for it carry the
     * id; inside the request's span, whose trace id it takes when the caller gave none.
     */
    public static final int REQUEST_ID = OBSERVATION + 1;

    /** The access log's timer: before every filter that can refuse a request, so that refused requests are logged and timed too. */
    public static final int ACCESS_LOG = REQUEST_ID + 1;

    /** The count against the objectives: of every request an operation was chosen for, refused ones included. */
    public static final int SERVICE_LEVELS = ACCESS_LOG + 1;

    /** The request size limit, before authentication: an oversized body costs no password check. */
    public static final int REQUEST_SIZE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 10;

    /**
     * Spring Security's chain, registered by Spring Boot at its default order ({@code spring.security.filter.order},
     * which the server does not set).
     */
    public static final int SECURITY = SecurityFilterProperties.DEFAULT_FILTER_ORDER;

    /** The access log's note of the signed-in user: right after the security chain has signed them in. */
    public static final int ACCESS_LOG_USER = SECURITY + 1;

    /** The write limit, the first interceptor: a write over the limit costs no check of its parameters or body. */
    public static final int WRITE_LIMIT = 1;

    /** The contract's checks of the path and query parameters. */
    public static final int CONTRACT_PARAMETERS = 2;

    /** {@code Prefer: handling=strict} acknowledged ({@code Preference-Applied}) before the body is read; last. */
    public static final int STRICT_HANDLING = 3;

    /** A feature's own failures are answered before the application-wide handler's catch-all can take them. */
    public static final int FEATURE_FAILURES = Ordered.HIGHEST_PRECEDENCE;

    /** The application-wide handler of the framework's, the security layer's and the checks' failures; last. */
    public static final int GENERAL_FAILURES = Ordered.LOWEST_PRECEDENCE;

    private RequestPath() {
    }
}
