package io.emailaccounts.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that sends a request again when the server asks for it (429, 503, a 409 with
 * {@code Retry-After}) or the network failed, as {@link ClientOptions} describes. A create (a POST of the API, not a
 * token request) gets an {@code Idempotency-Key} of its own unless the caller gave one, kept for every attempt, so
 * that it can be sent again when its answer was lost. The generated API classes send every request through it; a 2xx
 * answer that says it failed is reported as a failure ({@link UnsuccessfulAnswers}). Asynchronous sends are passed through
 * unchanged (the generated client does not use them).
 */
final class RetryingHttpClient extends HttpClient {

    /** Methods whose request may be repeated without doing the work twice. */
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "OPTIONS", "PUT", "DELETE");
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The hosted service ignores {@code Idempotency-Key}: a create sent to it again could make a second record. */
    private static final String HOSTED_HOST = "spaces.nexudus.com";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final System.Logger LOG = System.getLogger("io.emailaccounts.client");

    private final HttpClient delegate;
    private final ClientOptions options;

    RetryingHttpClient(HttpClient delegate, ClientOptions options) {
        this.delegate = delegate;
        this.options = options;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest original, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        HttpRequest request = withIdempotencyKey(withPreferences(original));
        for (int retry = 0; ; retry++) {
            HttpResponse<T> response;
            try {
                response = delegate.send(options.routing().route(request), handler);
            } catch (IOException failure) {
                if (retry >= options.maxRetries() || !mayResendAfter(failure, request)) {
                    throw failure;
                }
                Duration wait = backoff(retry);
                logResend(request, retry, wait, "got no answer (" + failure + ")");
                options.sleeper().sleep(wait);
                continue;
            }
            Optional<Duration> wait = retry < options.maxRetries() ? retryWait(request, response, retry) : Optional.empty();
            if (wait.isEmpty()) {
                return UnsuccessfulAnswers.reportFailure(response);
            }
            logResend(request, retry, wait.get(), "answered " + response.statusCode() + " (Request-Id "
                    + response.headers().firstValue(ApiException.REQUEST_ID).orElse("none") + ")");
            discard(response);
            options.sleeper().sleep(wait.get());
        }
    }

    /**
     * One line at DEBUG on the logger {@code io.emailaccounts.client} (the JDK's {@link System.Logger}, which the
     * application's logging framework takes over where it bridges it) for each request sent again: what was sent, what
     * came back and its {@code Request-Id}, when and which attempt follows. Nothing of the request but its method and
     * path: no query, no header, no body.
     */
    private static void logResend(HttpRequest request, int retry, Duration wait, String answer) {
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "{0} {1} {2}: sending it again in {3} ms (attempt {4})",
                    request.method(), request.uri().getRawPath(), answer, String.valueOf(wait.toMillis()),
                    String.valueOf(retry + 2));
        }
    }

    /**
     * A create gets a fresh key (a random UUID) unless the caller gave one: the same for every attempt, so that the
     * server makes the record once however often it is sent. A token request (form-encoded, OAuth 2) gets none.
     */
    static HttpRequest withIdempotencyKey(HttpRequest request) {
        if (!request.method().equals("POST") || request.headers().firstValue(IDEMPOTENCY_KEY).isPresent() || isForm(request)) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).header(IDEMPOTENCY_KEY, UUID.randomUUID().toString()).build();
    }

    /** A token request (form-encoded, OAuth 2), which is neither a create nor an update. */
    private static boolean isForm(HttpRequest request) {
        return request.headers().firstValue("Content-Type").orElse("").startsWith("application/x-www-form-urlencoded");
    }

    /**
     * A create or an update (a PUT or POST with a JSON body, not a token request) asks for strict handling when the
     * options say so: a property the server does not know is then refused instead of ignored (RFC 7240; a server that
     * does not know the preference ignores it).
     */
    private HttpRequest withPreferences(HttpRequest request) {
        if (!options.strictHandling() || request.bodyPublisher().isEmpty()
                || !(request.method().equals("PUT") || request.method().equals("POST")) || isForm(request)
                || request.headers().firstValue("Prefer").isPresent()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Prefer", "handling=strict").build();
    }

    private Optional<Duration> retryWait(HttpRequest request, HttpResponse<?> response, int retry) {
        Optional<String> retryAfter = response.headers().firstValue("Retry-After");
        boolean again = switch (response.statusCode()) {
            case 429 -> true;
            case 409 -> retryAfter.isPresent();
            case 503 -> mayRepeat(request);
            default -> false;
        };
        if (!again) {
            return Optional.empty();
        }
        Duration wait = retryAfter.flatMap(RetryingHttpClient::parseRetryAfter).orElseGet(() -> backoff(retry));
        return wait.compareTo(options.maxRetryWait()) > 0 ? Optional.empty() : Optional.of(wait);
    }

    /** Nothing reached the server when the connection could not be opened; otherwise only a repeatable request. */
    private static boolean mayResendAfter(IOException failure, HttpRequest request) {
        return failure instanceof ConnectException || failure instanceof HttpConnectTimeoutException || mayRepeat(request);
    }

    /**
     * Whether sending the request again cannot do its work twice: a read, an update or a delete, or a create with its
     * {@code Idempotency-Key} to a server that honours it (this project's server, not the hosted service).
     */
    static boolean mayRepeat(HttpRequest request) {
        return IDEMPOTENT.contains(request.method())
                || request.headers().firstValue(IDEMPOTENCY_KEY).isPresent() && !HOSTED_HOST.equalsIgnoreCase(request.uri().getHost());
    }

    private Duration backoff(int retry) {
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << Math.min(retry, 20));
        return wait.compareTo(options.maxRetryWait()) > 0 ? options.maxRetryWait() : wait;
    }

    /** {@code Retry-After} is a number of seconds or an HTTP date (RFC 9110, section 10.2.3). */
    static Optional<Duration> parseRetryAfter(String value) {
        String trimmed = value.trim();
        try {
            long seconds = Long.parseLong(trimmed);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration untilThen = Duration.between(Instant.now(),
                        ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(untilThen.isNegative() ? Duration.ZERO : untilThen);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** Frees the connection of an answer that is not handed to the caller. */
    private static void discard(HttpResponse<?> response) throws IOException {
        if (response.body() instanceof InputStream body) {
            body.close();
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    /**
     * Builds {@link RetryingHttpClient}s. The client is built once and shared by every API class made from the same
     * {@link ApiClient} (one connection pool), until a setting changes.
     */
    static final class Builder implements HttpClient.Builder {

        private final HttpClient.Builder delegate = HttpClient.newBuilder();
        private final ClientOptions options;
        private HttpClient built;

        Builder(ClientOptions options) {
            this.options = options;
            delegate.connectTimeout(options.connectTimeout());
            if (options.sslContext() != null) {
                delegate.sslContext(options.sslContext());
            }
        }

        private synchronized Builder changed() {
            built = null;
            return this;
        }

        @Override
        public synchronized HttpClient build() {
            if (built == null) {
                built = new RetryingHttpClient(delegate.build(), options);
            }
            return built;
        }

        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return changed();
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return changed();
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return changed();
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return changed();
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            return changed();
        }

        @Override
        public HttpClient.Builder followRedirects(Redirect policy) {
            delegate.followRedirects(policy);
            return changed();
        }

        @Override
        public HttpClient.Builder version(Version version) {
            delegate.version(version);
            return changed();
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return changed();
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return changed();
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return changed();
        }
    }
}
