package io.emailaccounts.server.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * instead of locking someone out (or in) silently.
 */
final class ConfiguredUsers {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);

    /** Spring Security's storage form: {@code {bcrypt}...}, {@code {argon2}...}, {@code {noop}plain}, ... */
    private static final Pattern STORED_PASSWORD = Pattern.compile("^\\{(bcrypt|argon2|pbkdf2|scrypt|noop)(@[^}]*)?}.+", Pattern.DOTALL);

    private ConfiguredUsers() {
    }

    static InMemoryUserDetailsManager load(EmailAccountsProperties properties, boolean development,
                                           Set<String> knownRoles, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<EmailAccountsProperties.User> configured = properties.users();
        for (int i = 0; i < configured.size(); i++) {
            EmailAccountsProperties.User user = configured.get(i);
            String where = "emailaccounts.users[" + i + "]";
            if (user.username() == null || user.username().isBlank()) {
                throw new InvalidConfigurationException(where + ".username is missing");
            }
            if (!names.add(user.username().toLowerCase(Locale.ROOT))) {
                throw new InvalidConfigurationException(where + ".username '" + user.username() + "' is configured twice");
            }
            if (user.password() == null || !STORED_PASSWORD.matcher(user.password()).matches()) {
                throw new InvalidConfigurationException(where + ".password must be in Spring Security's storage form, "
                        + "such as {bcrypt}$2a$10$... or {noop}plain-text");
            }
            for (String role : user.roles()) {
                if (!knownRoles.contains(role)) {
                    throw new InvalidConfigurationException(where + ".roles has '" + role + "', which no operation uses; known roles: " + knownRoles);
                }
            }
            if (user.businesses() != null && user.businesses().isEmpty()) {
                throw new InvalidConfigurationException(where + ".businesses is empty: leave it out to allow every business");
            }
            if (user.businesses() != null && user.businesses().stream().anyMatch(business -> business == null || business < 1)) {
                throw new InvalidConfigurationException(where + ".businesses must list BusinessIds (whole numbers from 1)");
            }
            if (!user.administrator() && user.roles().isEmpty()) {
                log.warn("{} ({}) is neither an administrator nor has a role: it can sign in but call no operation", where, user.username());
            }
            users.add(toUserDetails(user.username(), user.password(), user.administrator(), user.roles(), user.businesses()));
        }
        if (users.isEmpty()) {
            if (!development) {
                throw new InvalidConfigurationException("No users are configured. Set emailaccounts.users[0].username, "
                        + "emailaccounts.users[0].password ({bcrypt}... form) and emailaccounts.users[0].administrator=true "
                        + "(or .roles); see the guide Configuration (api/guides/80-configuration.md).");
            }
            DevelopmentAdministrator admin = DevelopmentAdministrator.loadOrCreate(properties.devCredentialsFile());
            users.add(toUserDetails(admin.username(), encoder.encode(admin.password()), true, List.of(), null));
            log.warn("No users are configured: the development administrator {} can sign in with the password kept in {} "
                    + "(development mode only; configure emailaccounts.users for anything else)",
                    admin.username(), properties.devCredentialsFile().toAbsolutePath().normalize());
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** Roles, administrator and businesses all become authorities, which access tokens carry as they are. */
    private static UserDetails toUserDetails(String username, String storedPassword, boolean administrator, List<String> roles,
                                             List<Long> businesses) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        if (administrator) {
            authorities.add(new SimpleGrantedAuthority(Authorities.FULL_ADMINISTRATOR));
        }
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role)));
        if (businesses != null) {
            businesses.forEach(business -> authorities.add(new SimpleGrantedAuthority(Authorities.BUSINESS_PREFIX + business)));
        }
        return User.withUsername(username).password(storedPassword).authorities(authorities).build();
    }
}
