package io.emailaccounts.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ready-to-use {@link ApiClient}s for this API, in one line. The same code talks to a local server or to the hosted
 * service, given its base URL (what the clients do differently with each, the guide Clients tells):
 *
 * <pre>{@code
 * ApiClient client = NexudusClients.basicAuth(NexudusClients.HOSTED_BASE_URL, "me@example.com", password);
 * EmailAccountsApi emailAccounts = new EmailAccountsApi(client);
 * }</pre>
 *
 * Pass the result to any generated API class ({@code EmailAccountsApi}, {@code AuthenticationApi}). Each method has a
 * variant taking {@link ClientOptions}: timeouts, and how requests the server asks to send again later (429, 503) are
 * retried; without it, {@link ClientOptions#defaults()} apply.
 * <p>
 * Every client refuses a plain {@code http://} base URL other than this machine's (localhost, 127.0.0.1, ::1) with
 * {@link IllegalArgumentException}, unless {@link ClientOptions#withPlainHttpCredentials} allows it: each sends a
 * password or a token (the unauthenticated one, the token request's password), which could be read on the way.
 */
public final class NexudusClients {

    /** The hosted Nexudus Spaces service. */
    public static final String HOSTED_BASE_URL = "https://spaces.nexudus.com";

    private NexudusClients() {
    }

    /** Sends HTTP Basic credentials (user name and password) with every request. */
    public static ApiClient basicAuth(String baseUrl, String username, String password) {
        return basicAuth(baseUrl, username, password, ClientOptions.defaults());
    }

    /** {@link #basicAuth(String, String, String)} with these timeouts and retries. */
    public static ApiClient basicAuth(String baseUrl, String username, String password, ClientOptions options) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        String credentials = Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return withAuthorization(baseUrl, options, request -> request.setHeader("Authorization", "Basic " + credentials));
    }

    /** Sends a bearer access token you already hold (from {@code POST /api/token}) with every request. */
    public static ApiClient bearerToken(String baseUrl, String accessToken) {
        return bearerToken(baseUrl, accessToken, ClientOptions.defaults());
    }

    /** {@link #bearerToken(String, String)} with these timeouts and retries. */
    public static ApiClient bearerToken(String baseUrl, String accessToken, ClientOptions options) {
        Objects.requireNonNull(accessToken, "accessToken");
        return withAuthorization(baseUrl, options, request -> request.setHeader("Authorization", "Bearer " + accessToken));
    }

    /**
     * Asks for the access token before each request and sends it: for tokens of your organisation's OpenID Connect
     * issuer, which your code renews (with its identity provider's library), return the current one. The supplier is
     * called from the threads that send requests, so it must be thread-safe.
     */
    public static ApiClient bearerTokens(String baseUrl, Supplier<String> accessTokens) {
        return bearerTokens(baseUrl, accessTokens, ClientOptions.defaults());
    }

    /** {@link #bearerTokens(String, Supplier)} with these timeouts and retries. */
    public static ApiClient bearerTokens(String baseUrl, Supplier<String> accessTokens, ClientOptions options) {
        Objects.requireNonNull(accessTokens, "accessTokens");
        return withAuthorization(baseUrl, options, request -> request.setHeader("Authorization", "Bearer "
                + Objects.requireNonNull(accessTokens.get(), "the access token supplied")));
    }

    /**
     * Signs in with the OAuth 2.0 password grant on first use, then sends the access token with every request and
     * renews it (with the refresh token, else with the password) shortly before it expires.
     */
    public static ApiClient passwordGrant(String baseUrl, String username, String password) {
        return passwordGrant(baseUrl, username, password, ClientOptions.defaults());
    }

    /** {@link #passwordGrant(String, String, String)} with these timeouts and retries (token requests included). */
    public static ApiClient passwordGrant(String baseUrl, String username, String password, ClientOptions options) {
        PasswordGrantTokens tokens = new PasswordGrantTokens(unauthenticated(baseUrl, options), username, password);
        return withAuthorization(baseUrl, options, request -> request.setHeader("Authorization", "Bearer " + tokens.accessToken()));
    }

    /** A client that sends no credentials (for the token endpoint, or to add your own request interceptor). */
    public static ApiClient unauthenticated(String baseUrl) {
        return unauthenticated(baseUrl, ClientOptions.defaults());
    }

    /** {@link #unauthenticated(String)} with these timeouts and retries. */
    public static ApiClient unauthenticated(String baseUrl, ClientOptions options) {
        requireSafeTransport(baseUrl, options);
        ApiClient client = new ApiClient(new RetryingHttpClient.Builder(options), TolerantReading.objectMapper(),
                trimTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl")));
        client.setConnectTimeout(options.connectTimeout());
        client.setReadTimeout(options.requestTimeout());
        return client;
    }

    private static ApiClient withAuthorization(String baseUrl, ClientOptions options, Consumer<HttpRequest.Builder> authorization) {
        ApiClient client = unauthenticated(baseUrl, options);
        client.setRequestInterceptor(authorization);
        return client;
    }

    /**
     * Every client sends credentials: a password or a token with each request, or (the unauthenticated one) the token
     * request's password. So they go over https://, or to this machine, or where the options allow plain http://.
     */
    private static void requireSafeTransport(String baseUrl, ClientOptions options) {
        URI uri = URI.create(Objects.requireNonNull(baseUrl, "baseUrl"));
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
        if ("http".equalsIgnoreCase(uri.getScheme()) && !loopback && !Objects.requireNonNull(options, "options").plainHttpCredentials()) {
            throw new IllegalArgumentException("Refusing to send credentials over plain http:// to " + host
                    + ": they could be read on the way. Use https://, or ClientOptions.withPlainHttpCredentials(true) "
                    + "on a network you trust end to end.");
        }
    }

    private static String trimTrailingSlash(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
