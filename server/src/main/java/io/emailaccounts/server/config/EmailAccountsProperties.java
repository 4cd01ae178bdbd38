package io.emailaccounts.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything an operator can set under {@code emailaccounts.*}, from YAML, environment variables or flags: each
 * setting, and its default, is here and nowhere else in the code (the guide Configuration lists them, checked against
 * this record by {@code ConfigurationGuideTest}).
 *
 * @param mode             {@code development} or {@code production} ({@link RunMode}); unset means development on the
 *                         embedded database only
 * @param users            who may sign in; empty on the embedded database means "create a development administrator"
 * @param demoData         whether an empty database gets the demo record; unset means "only on the embedded database"
 * @param devCredentialsFile where the development administrator's generated credentials are kept
 * @param maxRequestBodySize request bodies larger than this are refused with 413 before they are parsed
 * @param security         token settings
 * @param secrets          how secrets are kept at rest
 * @param rateLimit        how many writes a user may make
 * @param loginThrottle    how failed sign-ins slow a user name down
 * @param shutdown         how a stopping server leaves a balancer's rotation
 * @param idempotency      how long a create's Idempotency-Key is remembered
 * @param backup           where the embedded database's backups are written, and how long they are kept
 * @param cors             which other origins' browser apps may call the API
 * @param objectives       the service's objectives, which the shipped alerting rules hold it to
 */
@ConfigurationProperties("emailaccounts")
public record EmailAccountsProperties(
        String mode,
        @DefaultValue List<User> users,
        Boolean demoData,
        @DefaultValue("data/dev-credentials") Path devCredentialsFile,
        @DefaultValue("64KB") DataSize maxRequestBodySize,
        @DefaultValue Security security,
        @DefaultValue Secrets secrets,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue LoginThrottle loginThrottle,
        @DefaultValue Shutdown shutdown,
        @DefaultValue Idempotency idempotency,
        @DefaultValue Backup backup,
        @DefaultValue Cors cors,
        @DefaultValue Objectives objectives) {

    /**
     * One user.
     *
     * @param username      the user name, usually an e-mail address
     * @param password      the password in Spring Security's storage form: {@code {bcrypt}$2a$...}, or {@code {noop}plain}
     *                      in development mode only
     * @param administrator true for a full unrestricted administrator, who may call every operation
     * @param roles         the roles the user holds, such as {@code EmailAccount-Edit}
     * @param businesses    the businesses (BusinessId) whose records the user may see and change, or {@code *} for
     *                      every business; required for a user who is not an administrator in production mode
     */
    public record User(String username, String password, boolean administrator, @DefaultValue List<String> roles,
                       List<String> businesses) {

        /** The value of {@code businesses} that means every business. */
        public static final String EVERY_BUSINESS = "*";

        @Override
        public String toString() {
            return "User[username=" + username + ", administrator=" + administrator + ", roles=" + roles
                    + ", businesses=" + businesses + "]";
        }
    }

    /**
     * @param enabled         whether writes (create, update, delete) are limited per user
     * @param writesPerMinute how many writes a user may make per minute; more are answered 429 with Retry-After
     * @param tokenRequestsPerMinute how many token requests the token endpoint takes per minute from one client address;
     *                        more are answered 429 with Retry-After (whatever {@code enabled} says)
     * @param tokenRequestsPerMinutePerName how many password grants it takes per minute for one user name, from all
     *                        addresses: ten times an address's by default, so that one address cannot use up a name's
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("600") int writesPerMinute,
                            @DefaultValue("60") int tokenRequestsPerMinute,
                            @DefaultValue("600") int tokenRequestsPerMinutePerName) {
    }

    /**
     * @param maxFailures        how many failed sign-ins a user name may have from one client address within
     *                           {@code window}; the next attempts from there, even with the right password, are
     *                           answered 429 with Retry-After until the oldest failure leaves it
     * @param maxFailuresPerName how many failed sign-ins a user name may have from all addresses together within
     *                           {@code window}; then every attempt under it is answered 429 (a distributed guess),
     *                           but from an address that signed in under it within the window
     * @param maxFailuresPerAddress how many failed sign-ins one client address may have under any user names within
     *                           {@code window}; then every attempt from it is answered 429 (one address trying names)
     * @param window             how long a failed sign-in counts
     * @param maxConcurrentPasswordChecks how many password checks (bcrypt, slow on purpose) may run at once; a sign-in
     *                           that finds them all busy for a second is answered 503 with Retry-After. A password the
     *                           server verified already takes none
     */
    public record LoginThrottle(@DefaultValue("10") int maxFailures, @DefaultValue("100") int maxFailuresPerName,
                                @DefaultValue("100") int maxFailuresPerAddress, @DefaultValue("5m") Duration window,
                                @DefaultValue("4") int maxConcurrentPasswordChecks) {

        public LoginThrottle {
            if (maxConcurrentPasswordChecks < 1) {
                throw new InvalidConfigurationException("emailaccounts.login-throttle.max-concurrent-password-checks is "
                        + maxConcurrentPasswordChecks + ".", "Set it to 1 or more.");
            }
        }
    }

    /**
     * @param drain how long a stopping server goes on serving after its readiness turned DOWN, before it stops taking
     *              requests: at least as long as a balancer needs to take it out of rotation (checks every 2 s, two
     *              failures in a row: 4 s; Kubernetes: the endpoint's removal reaching every node, a few seconds).
     *              Unset: {@value #DEFAULT_DRAIN_SECONDS} s in production mode, none in development mode (no
     *              balancer fronts it, and Ctrl-C should stop it at once). The requests in flight
     *              then have {@code spring.lifecycle.timeout-per-shutdown-phase} to finish.
     */
    public record Shutdown(Duration drain) {

        public static final long DEFAULT_DRAIN_SECONDS = 10;

        public Shutdown {
            if (drain != null && drain.isNegative()) {
                throw new InvalidConfigurationException("emailaccounts.shutdown.drain is " + drain + ".",
                        "Set emailaccounts.shutdown.drain to 0s or more.");
            }
        }

        /** The drain period: the one set, else the default for the mode. */
        public Duration drain(boolean development) {
            return drain != null ? drain : development ? Duration.ZERO : Duration.ofSeconds(DEFAULT_DRAIN_SECONDS);
        }
    }

    /**
     * @param retention     how long a create's {@code Idempotency-Key} is remembered with its answer: a create sent
     *                      again with the key within this time gets the first answer; afterwards the key is forgotten
     *                      and may be used anew
     * @param sweepInterval how often each replica deletes the expired keys (the first time one interval after start-up)
     */
    public record Idempotency(@DefaultValue("24h") Duration retention, @DefaultValue("5m") Duration sweepInterval) {

        public Idempotency {
            if (retention.isNegative() || retention.isZero()) {
                throw new InvalidConfigurationException("emailaccounts.idempotency.retention is " + retention + ".",
                        "Set emailaccounts.idempotency.retention to a positive duration, such as 24h.");
            }
            if (sweepInterval.isNegative() || sweepInterval.isZero()) {
                throw new InvalidConfigurationException("emailaccounts.idempotency.sweep-interval is " + sweepInterval + ".",
                        "Set emailaccounts.idempotency.sweep-interval to a positive duration, such as 5m.");
            }
        }
    }

    /**
     * @param allowedOrigins the origins ({@code https://app.example.com}: scheme, host and port, no path) whose pages a
     *                       browser lets call the API (CORS); {@code *} for every origin. None by default: a browser
     *                       then lets only pages the server itself serves call it
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {

        public Cors {
            for (String origin : allowedOrigins) {
                // As a browser writes an origin: ASCII host (a Unicode one in its punycode form), no user, no path, no
                // trailing dot, and no port when it is the scheme's own (a browser leaves it out, so it would never match).
                if (!origin.equals("*") && (!origin.matches("(?i)https?://([a-z0-9-]+(\\.[a-z0-9-]+)*|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?")
                        || origin.matches("(?i)http://.*:80|https://.*:443"))) {
                    throw new InvalidConfigurationException("emailaccounts.cors.allowed-origins has '" + origin
                            + "', which is not an origin.", "List origins as a browser sends them: a scheme, a host and "
                            + "a port when not the scheme's own, with no path or trailing slash (https://app.example.com); "
                            + "or * for every origin.");
                }
            }
            allowedOrigins = List.copyOf(allowedOrigins);
        }
    }

    /**
     * What the service promises, published as metrics ({@code emailaccounts_objective_*}) that the shipped alerting rules
     * ({@code server/alerts}) compare the service with, so that a changed objective needs no edit of the rules.
     *
     * @param availability       the share of requests to the API answered without a 5xx, over {@code availabilityWindow}
     * @param availabilityWindow the period the availability is promised over, whose error budget the alerts watch burn
     * @param latency            the share of reads and of writes answered within their bound (measured over 5 minutes)
     * @param readLatency        the bound of a read (a GET of the API)
     * @param writeLatency       the bound of a write (a create, an update, a delete, a token request)
     */
    public record Objectives(@DefaultValue("0.999") double availability, @DefaultValue("30d") Duration availabilityWindow,
                             @DefaultValue("0.99") double latency, @DefaultValue("100ms") Duration readLatency,
                             @DefaultValue("250ms") Duration writeLatency) {

        public Objectives {
            requireShare("availability", availability, "0.999");
            requireShare("latency", latency, "0.99");
            requirePositive("availability-window", availabilityWindow, "30d");
            requirePositive("read-latency", readLatency, "100ms");
            requirePositive("write-latency", writeLatency, "250ms");
        }

        private static void requireShare(String name, double share, String example) {
            if (!(share > 0 && share < 1)) {
                throw new InvalidConfigurationException("emailaccounts.objectives." + name + " is " + share + ".",
                        "Set emailaccounts.objectives." + name + " to a share between 0 and 1, such as " + example + ".");
            }
        }

        private static void requirePositive(String name, Duration duration, String example) {
            if (duration.isNegative() || duration.isZero()) {
                throw new InvalidConfigurationException("emailaccounts.objectives." + name + " is " + duration + ".",
                        "Set emailaccounts.objectives." + name + " to a positive duration, such as " + example + ".");
            }
        }
    }

    /** The directory of the embedded development setup's generated files (credentials, keys). */
    public Path developmentDirectory() {
        return devCredentialsFile.toAbsolutePath().getParent();
    }

    /**
     * @param encryptionKey       base64 of 32 random bytes (AES-256): the current key, which seals every access token
     *                            written; made and kept beside the data on the embedded development setup, required
     *                            anywhere else
     * @param decryptionKeys      older keys (base64 of 32 bytes each) that tokens may still be sealed with: read, never
     *                            written with; a key may leave this list once no stored value uses it (the
     *                            {@code secrets} actuator endpoint and {@code emailaccounts_secrets_values} say how many do)
     * @param reencryptInterval   how long after one pass of rewriting values under an older key with the current one
     *                            the next pass starts; each pass runs until none is left
     * @param reencryptBatchSize  how many rows one step of a pass reads
     */
    public record Secrets(String encryptionKey, @DefaultValue List<String> decryptionKeys,
                          @DefaultValue("1m") Duration reencryptInterval, @DefaultValue("100") int reencryptBatchSize) {

        public Secrets {
            decryptionKeys = List.copyOf(decryptionKeys);
            if (reencryptInterval.isNegative() || reencryptInterval.isZero()) {
                throw new InvalidConfigurationException("emailaccounts.secrets.reencrypt-interval is " + reencryptInterval + ".",
                        "Set emailaccounts.secrets.reencrypt-interval to a positive duration, such as 1m.");
            }
            if (reencryptBatchSize < 1) {
                throw new InvalidConfigurationException("emailaccounts.secrets.reencrypt-batch-size is " + reencryptBatchSize + ".",
                        "Set emailaccounts.secrets.reencrypt-batch-size to a positive number of rows, such as 100.");
            }
        }

        @Override
        public String toString() {
            return "Secrets[encryptionKey=" + (encryptionKey == null ? "unset" : "(set)") + ", decryptionKeys=("
                    + decryptionKeys.size() + " set), reencryptInterval=" + reencryptInterval + ", reencryptBatchSize="
                    + reencryptBatchSize + "]";
        }
    }

    /**
     * @param tokenSigningKey      base64 of at least 32 random bytes (HMAC-SHA256) that signs access tokens; made and
     *                             kept beside the data on the embedded development setup, required anywhere else
     * @param accessTokenLifetime  how long an access token is accepted
     * @param refreshTokenLifetime how long a refresh token may be used (once)
     * @param refreshFamilyLifetime how long the refresh tokens of one sign-in may go on being refreshed, whatever each
     *                             token's own lifetime; then the user signs in again
     * @param refreshFamiliesPerUser how many sign-ins (families of refresh tokens) a user may have at once; a new one
     *                             ends the oldest beyond that
     * @param clockSkew            how long after its expiry an access token is still accepted, for clocks that differ
     *                             between machines; 0 (the default) to at most {@value #MAX_CLOCK_SKEW_SECONDS} seconds,
     *                             so that a token is not used much past the {@code expires_in} the server announced;
     *                             the organisation's issuer's tokens too
     * @param tokenAudience        the audience ({@code aud}) of the access tokens this server issues, and the one it
     *                             requires of them: a value of this deployment's own, so that its tokens are not taken by
     *                             another deployment with the same signing key
     * @param issuer               how the claims of the organisation's OpenID Connect issuer's tokens are read (the
     *                             issuer itself is {@code spring.security.oauth2.resourceserver.jwt.issuer-uri})
     */
    public record Security(
            String tokenSigningKey,
            @DefaultValue("1h") Duration accessTokenLifetime,
            @DefaultValue("15d") Duration refreshTokenLifetime,
            @DefaultValue("0s") Duration clockSkew,
            @DefaultValue("30d") Duration refreshFamilyLifetime,
            @DefaultValue("10") int refreshFamiliesPerUser,
            @DefaultValue("emailaccounts") String tokenAudience,
            @DefaultValue Issuer issuer) {

        public static final long MAX_CLOCK_SKEW_SECONDS = 10;

        public Security {
            if (refreshFamiliesPerUser < 1) {
                throw new InvalidConfigurationException("emailaccounts.security.refresh-families-per-user is "
                        + refreshFamiliesPerUser + ".", "Set it to 1 or more.");
            }
            if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(MAX_CLOCK_SKEW_SECONDS)) > 0) {
                throw new InvalidConfigurationException("emailaccounts.security.clock-skew is " + clockSkew
                        + ": an access token would be accepted that long after the expiry the server announced.",
                        "Set emailaccounts.security.clock-skew between 0s and " + MAX_CLOCK_SKEW_SECONDS
                                + "s (keep the servers' clocks in step with NTP instead).");
            }
        }

        @Override
        public String toString() {
            return "Security[tokenSigningKey=" + (tokenSigningKey == null ? "unset" : "(set)")
                    + ", accessTokenLifetime=" + accessTokenLifetime
                    + ", refreshTokenLifetime=" + refreshTokenLifetime + ", clockSkew=" + clockSkew
                    + ", refreshFamilyLifetime=" + refreshFamilyLifetime + ", refreshFamiliesPerUser=" + refreshFamiliesPerUser
                    + ", tokenAudience=" + tokenAudience + ", issuer=" + issuer + "]";
        }
    }

    /**
     * The organisation's OpenID Connect issuer: which claims of its access tokens name the user's roles and
     * businesses, and how its signing keys are kept. A claim name with dots is a path into nested claims
     * ({@code realm_access.roles}).
     *
     * @param rolesClaim            the claim that lists the user's roles: the contract's role names (others are ignored)
     * @param businessesClaim       the claim that lists the BusinessIds the user may see and change, or is {@code "*"}
     *                              for every business; a user with neither is refused (403)
     * @param administratorRole     the role (in the roles claim) that makes the user a full administrator
     * @param keySetLifetime        how long the issuer's published signing keys are used before they are fetched
     *                              again: a key the issuer withdraws is refused at most this long after
     * @param keySetRefreshInterval the least time between two fetches of the keys when a token names a key not yet
     *                              seen (one the issuer has started to sign with), so that made-up key ids do not send
     *                              the server to the issuer with every request
     */
    public record Issuer(
            @DefaultValue("roles") String rolesClaim,
            @DefaultValue("businesses") String businessesClaim,
            @DefaultValue("Administrator") String administratorRole,
            @DefaultValue("5m") Duration keySetLifetime,
            @DefaultValue("30s") Duration keySetRefreshInterval) {
    }

    /**
     * @param directory where {@code POST /actuator/backup} writes the embedded database's backups (made its owner's only)
     * @param retention how long a backup is kept: older ones are deleted as a new one is written
     */
    public record Backup(@DefaultValue("backups") Path directory, @DefaultValue("30d") Duration retention) {
    }
}
