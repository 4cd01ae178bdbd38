package io.emailaccounts.server.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.InvalidConfigurationException;

/**
 * The users of {@code emailaccounts.users}, checked at start-up so that a typo stops the server with a clear message
 * instead of locking someone out (or in) silently. In production mode, unsafe settings stop it too, each named: a
 * password kept in plain text ({@code {noop}}), and a user who is neither an administrator nor limited to businesses
 * (every business must then be asked for, with {@code *}). A user name longer than the contract's bound (the token
 * request's {@code username}, which every column holding a user name takes) stops it in any mode.
 */
final class ConfiguredUsers {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);

    /**
     * The storage forms the server checks: a bcrypt hash as bcrypt writes it, {@code {bcrypt}$2a$10$} and 53
     * characters, of a cost bcrypt takes (4 to 31), or {@code {noop}plain} (development mode only). Spring Security's
     * other forms need libraries the server does not carry (argon2, scrypt) or would take any cost (pbkdf2): each would fail every sign-in, or pass a
     * cheap hash.
     */
    private static final Pattern STORED_PASSWORD = Pattern.compile(
            "^(\\{bcrypt}\\$2[aby]?\\$(0[4-9]|[12]\\d|3[01])\\$[./A-Za-z0-9]{53}|\\{noop}.+)$", Pattern.DOTALL);

    private static final String PLAIN_TEXT = "{noop}";
    /** A bcrypt hash's cost, the base-2 logarithm of its rounds: {@code {bcrypt}$2a$10$...}. */
    private static final Pattern BCRYPT_COST = Pattern.compile("^\\{bcrypt}\\$2[aby]?\\$(\\d\\d)\\$.*", Pattern.DOTALL);
    /** The least bcrypt cost production mode takes (OWASP ASVS 2.4.4), and Spring Security's default. */
    static final int MIN_BCRYPT_COST = 10;

    private ConfiguredUsers() {
    }

    /**
     * @param issuerTrusted     whether the organisation's issuer's tokens are taken: then no user need be configured
     * @param maxUsernameLength the longest user name the contract and the database take
     */
    static InMemoryUserDetailsManager load(EmailAccountsProperties properties, boolean development, boolean issuerTrusted,
                                           Set<String> knownRoles, int maxUsernameLength, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> unsafe = new ArrayList<>();
        List<EmailAccountsProperties.User> configured = properties.users();
        for (int i = 0; i < configured.size(); i++) {
            EmailAccountsProperties.User user = configured.get(i);
            String where = "emailaccounts.users[" + i + "]";
            if (user.username() == null || user.username().isBlank()) {
                throw new InvalidConfigurationException(where + ".username is missing");
            }
            if (user.username().length() > maxUsernameLength) {
                throw new InvalidConfigurationException(where + ".username is " + user.username().length()
                        + " characters long; a user name may have at most " + maxUsernameLength);
            }
            if (!names.add(user.username().toLowerCase(Locale.ROOT))) {
                throw new InvalidConfigurationException(where + ".username '" + user.username() + "' is configured twice");
            }
            if (user.password() == null || !STORED_PASSWORD.matcher(user.password()).matches()) {
                throw new InvalidConfigurationException(where + ".password must be a bcrypt hash in Spring Security's "
                        + "storage form, {bcrypt}$2a$10$ and 53 characters (or {noop}plain-text in development mode)");
            }
            for (String role : user.roles()) {
                if (!knownRoles.contains(role)) {
                    throw new InvalidConfigurationException(where + ".roles has '" + role + "', which no operation uses; known roles: " + knownRoles);
                }
            }
            Optional<List<Long>> businesses = businesses(user.businesses(), where);
            if (!development && user.password().startsWith(PLAIN_TEXT)) {
                unsafe.add(where + ".password (" + user.username() + ") is kept in plain text ({noop}): store a bcrypt "
                        + "hash, {bcrypt}$2a$10$...");
            }
            OptionalInt cost = bcryptCost(user.password());
            if (!development && cost.isPresent() && cost.getAsInt() < MIN_BCRYPT_COST) {
                unsafe.add(where + ".password (" + user.username() + ") is a bcrypt hash of cost " + cost.getAsInt()
                        + ": hash it with a cost of at least " + MIN_BCRYPT_COST + ", {bcrypt}$2a$10$...");
            }
            if (!user.administrator() && user.businesses() == null) {
                if (development) {
                    log.warn("{} ({}) names no businesses: it may see and change every business's records (development "
                            + "mode only; production mode needs its BusinessIds, or '*')", where, user.username());
                } else {
                    unsafe.add(where + ".businesses (" + user.username() + ") is not set: list the BusinessIds the user "
                            + "may see and change, or '" + EmailAccountsProperties.User.EVERY_BUSINESS + "' for every business");
                }
            }
            if (!user.administrator() && user.roles().isEmpty()) {
                log.warn("{} ({}) is neither an administrator nor has a role: it can sign in but call no operation", where, user.username());
            }
            users.add(toUserDetails(user.username(), user.password(), user.administrator(), user.roles(), businesses));
        }
        if (!unsafe.isEmpty()) {
            throw new InvalidConfigurationException("Production mode refuses unsafe settings:\n  - " + String.join("\n  - ", unsafe),
                    "Fix each setting named; the guide Configuration says what each takes (api/guides/80-configuration.md, "
                            + "published at /docs/guides/configuration.html). Development mode (emailaccounts.mode=development) "
                            + "allows them, for trials on one machine.");
        }
        if (users.isEmpty() && issuerTrusted) {
            // Every user signs in at the organisation's issuer: no password grant, no Basic.
            return new InMemoryUserDetailsManager();
        }
        if (users.isEmpty()) {
            if (!development) {
                throw new InvalidConfigurationException("No users are configured. Set emailaccounts.users[0].username, "
                        + "emailaccounts.users[0].password ({bcrypt}... form) and emailaccounts.users[0].administrator=true "
                        + "(or .roles and .businesses), or take tokens from the organisation's OpenID Connect issuer "
                        + "(spring.security.oauth2.resourceserver.jwt.issuer-uri); see the guides Configuration and Authentication.");
            }
            DevelopmentAdministrator admin = DevelopmentAdministrator.loadOrCreate(properties.devCredentialsFile());
            users.add(toUserDetails(admin.username(), encoder.encode(admin.password()), true, List.of(), Optional.empty()));
            log.warn("No users are configured: the development administrator {} can sign in with the password kept in {} "
                    + "(development mode only; configure emailaccounts.users for anything else)",
                    admin.username(), properties.devCredentialsFile().toAbsolutePath().normalize());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** The BusinessIds a user is limited to; empty for every business ({@code *}, or not set). */
    private static Optional<List<Long>> businesses(List<String> configured, String where) {
        if (configured == null || configured.equals(List.of(EmailAccountsProperties.User.EVERY_BUSINESS))) {
            return Optional.empty();
        }
        if (configured.isEmpty()) {
            throw new InvalidConfigurationException(where + ".businesses is empty: list BusinessIds, or '"
                    + EmailAccountsProperties.User.EVERY_BUSINESS + "' for every business");
        }
        List<Long> ids = new ArrayList<>();
        for (String business : configured) {
            long id;
            try {
                id = Long.parseLong(business.strip());
            } catch (NumberFormatException e) {
                id = 0;
            }
            if (id < 1) {
                throw new InvalidConfigurationException(where + ".businesses must list BusinessIds (whole numbers from 1), "
                        + "or be '" + EmailAccountsProperties.User.EVERY_BUSINESS + "' alone for every business; it has '" + business + "'");
            }
            ids.add(id);
        }
        return Optional.of(ids);
    }

    /** Roles, administrator and businesses all become authorities, which access tokens carry as they are. */
    private static UserDetails toUserDetails(String username, String storedPassword, boolean administrator, List<String> roles,
                                             Optional<List<Long>> businesses) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        if (administrator) {
            authorities.add(new SimpleGrantedAuthority(Authorities.FULL_ADMINISTRATOR));
        }
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role)));
        businesses.ifPresent(ids -> ids.forEach(business -> authorities.add(new SimpleGrantedAuthority(Authorities.BUSINESS_PREFIX + business))));
        return User.withUsername(username).password(storedPassword).authorities(authorities).build();
    }

    /** The cost of a stored bcrypt hash; empty for any other storage form. */
    static OptionalInt bcryptCost(String stored) {
        Matcher cost = stored == null ? null : BCRYPT_COST.matcher(stored);
        return cost != null && cost.matches() ? OptionalInt.of(Integer.parseInt(cost.group(1))) : OptionalInt.empty();
    }

    /**
     * The highest cost among the configured bcrypt hashes, and at least {@link #MIN_BCRYPT_COST}: the cost of the hash
     * unknown user names are checked against, so that they take as long as the slowest known one.
     */
    static int highestBcryptCost(List<EmailAccountsProperties.User> users) {
        // A cost bcrypt does not take is left to the users' check, which names it.
        return users.stream().map(user -> bcryptCost(user.password())).filter(OptionalInt::isPresent)
                .mapToInt(OptionalInt::getAsInt).filter(cost -> cost <= 31).reduce(MIN_BCRYPT_COST, Math::max);
    }
}
