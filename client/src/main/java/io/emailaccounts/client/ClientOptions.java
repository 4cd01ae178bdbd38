package io.emailaccounts.client;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;

import javax.net.ssl.SSLContext;

/**
 * How a client made by {@link NexudusClients} behaves on the network: its timeouts, how it retries requests that
 * the server asked it to send again later, and whether its writes ask for strict handling of unknown properties.
 * Immutable; start from {@link #defaults()}.
 *
 * <pre>{@code
 * ClientOptions options = ClientOptions.defaults()
 *         .withRequestTimeout(Duration.ofSeconds(10))
 *         .withMaxRetries(5);
 * ApiClient client = NexudusClients.basicAuth(NexudusClients.HOSTED_BASE_URL, user, password, options);
 * }</pre>
 *
 * <p>A request is sent again, at most {@link #maxRetries()} times, when the server answers
 * <ul>
 *   <li>429 Too Many Requests, or 409 Conflict with a {@code Retry-After} header (the hosted service's throttling
 *       answer; this project's server's answer to a create whose key is still being processed): the server did
 *       nothing, so every request is retried, creates included;</li>
 *   <li>503 Service Unavailable: requests that are safe to repeat: GET, PUT, DELETE, and a create, which carries an
 *       {@code Idempotency-Key} (a fresh one unless you pass your own), so that the server makes its record once and
 *       answers a repeat with the first answer.</li>
 * </ul>
 * A connection that could not be opened is retried for every request (nothing was sent); any other network failure
 * (a connection reset or closed before the answer, a timeout) for the requests that are safe to repeat. The hosted
 * service ({@code spaces.nexudus.com}) does not honour {@code Idempotency-Key}: there a create is not sent again after
 * a 503 or a lost answer, which could make a second record. The client waits as long as {@code Retry-After} says, or else 0.5 s,
 * 1 s, 2 s, ... between attempts; when the server asks for a longer wait than {@link #maxRetryWait()}, the answer is
 * handed to the caller at once (as an {@link ApiException} with the status and {@code Retry-After}).
 */
public final class ClientOptions {

    /** Waits between attempts; replaced in tests so that they do not sleep. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Where each attempt is sent: the request as it is, by default; replaced in tests to send it to a stand-in, or to
     * fail as the network would.
     */
    interface Routing {
        HttpRequest route(HttpRequest attempt) throws IOException;
    }

    private static final Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());
    private static final ClientOptions DEFAULTS = new ClientOptions(Duration.ofSeconds(10), Duration.ofSeconds(30), 3,
            Duration.ofSeconds(30), true, THREAD_SLEEP, null, false, attempt -> attempt);

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration maxRetryWait;
    private final boolean strictHandling;
    private final Sleeper sleeper;
    private final SSLContext sslContext;
    private final boolean plainHttpCredentials;
    private final Routing routing;

    private ClientOptions(Duration connectTimeout, Duration requestTimeout, int maxRetries, Duration maxRetryWait,
                          boolean strictHandling, Sleeper sleeper, SSLContext sslContext, boolean plainHttpCredentials,
                          Routing routing) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.requestTimeout = positive(requestTimeout, "requestTimeout");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.maxRetryWait = Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        if (maxRetryWait.isNegative()) {
            throw new IllegalArgumentException("maxRetryWait must not be negative, was " + maxRetryWait);
        }
        this.strictHandling = strictHandling;
        this.sleeper = sleeper;
        this.sslContext = sslContext;
        this.plainHttpCredentials = plainHttpCredentials;
        this.routing = routing;
    }

    /** Connect within 10 s, an answer within 30 s, up to 3 retries, waiting at most 30 s before each; strict handling. */
    public static ClientOptions defaults() {
        return DEFAULTS;
    }

    /** How long opening a connection may take. */
    public ClientOptions withConnectTimeout(Duration connectTimeout) {
        return new ClientOptions(connectTimeout, requestTimeout, maxRetries, maxRetryWait, strictHandling, sleeper, sslContext, plainHttpCredentials, routing);
    }

    /** How long one attempt may wait for the server's answer. */
    public ClientOptions withRequestTimeout(Duration requestTimeout) {
        return new ClientOptions(connectTimeout, requestTimeout, maxRetries, maxRetryWait, strictHandling, sleeper, sslContext, plainHttpCredentials, routing);
    }

    /** How many times a request may be sent again; 0 turns retrying off. */
    public ClientOptions withMaxRetries(int maxRetries) {
        return new ClientOptions(connectTimeout, requestTimeout, maxRetries, maxRetryWait, strictHandling, sleeper, sslContext, plainHttpCredentials, routing);
    }

    /** The longest wait before a retry; a server that asks for more gets its answer handed to the caller. */
    public ClientOptions withMaxRetryWait(Duration maxRetryWait) {
        return new ClientOptions(connectTimeout, requestTimeout, maxRetries, maxRetryWait, strictHandling, sleeper, sslContext, plainHttpCredentials, routing);
    }

    /**
     * Whether creates and updates ask for strict handling ({@code Prefer: handling=strict}, on by default): the
     * server then refuses a property it does not know (400, naming it) instead of ignoring it. Turn it off to send
     * bodies with properties of your own that the server should ignore.
     */
    public ClientOptions withStrictHandling(boolean strictHandling) {
        return new ClientOptions(connectTimeout, requestTimeout, maxRetries, maxRetryWait, strictHandling, sleeper, sslContext, plainHttpCredentials, routing);
    }

    /**
     * The TLS context for {@code https://} (the server's certificates to trust, a private CA's say); by default the
     * JVM's, which trusts the public CAs.
     */
    public ClientOptions withSslContext(SSLContext sslContext) {
        return new ClientOptions(connectTimeout, requestTimeout, maxRetries, maxRetryWait, strictHandling, sleeper,
                Objects.requireNonNull(sslContext, "sslContext"), plainHttpCredentials, routing);
    }

    /**
     * Whether credentials (a password, a token) may be sent over plain {@code http://} to a host other than this
     * machine (localhost, 127.0.0.1, ::1); off by default, so that a base URL missing its "s" fails at once instead
     * of sending the password in the clear. Turn it on for a network you trust end to end.
     */
    public ClientOptions withPlainHttpCredentials(boolean allowed) {
        return new ClientOptions(connectTimeout, requestTimeout, maxRetries, maxRetryWait, strictHandling, sleeper,
                sslContext, allowed, routing);
    }

    ClientOptions withSleeper(Sleeper sleeper) {
        return new ClientOptions(connectTimeout, requestTimeout, maxRetries, maxRetryWait, strictHandling, sleeper, sslContext, plainHttpCredentials, routing);
    }

    ClientOptions withRouting(Routing routing) {
        return new ClientOptions(connectTimeout, requestTimeout, maxRetries, maxRetryWait, strictHandling, sleeper, sslContext, plainHttpCredentials, routing);
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration requestTimeout() {
        return requestTimeout;
    }

    public int maxRetries() {
        return maxRetries;
    }

    public Duration maxRetryWait() {
        return maxRetryWait;
    }

    public boolean strictHandling() {
        return strictHandling;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Routing routing() {
        return routing;
    }

    /** The TLS context set with {@link #withSslContext}, or null for the JVM's. */
    public SSLContext sslContext() {
        return sslContext;
    }

    public boolean plainHttpCredentials() {
        return plainHttpCredentials;
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
        return duration;
    }
}
