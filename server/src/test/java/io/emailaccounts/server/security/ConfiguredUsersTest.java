package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.util.unit.DataSize;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.EmailAccountsProperties.User;

class ConfiguredUsersTest {

    private static final Set<String> ROLES = Set.of("EmailAccount-Edit");
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @TempDir
    Path dataDirectory;

    private EmailAccountsProperties properties(List<User> users) {
        return new EmailAccountsProperties(users, null, dataDirectory.resolve("dev-credentials"), DataSize.ofKilobytes(64),
                new EmailAccountsProperties.Security(null, Duration.ofHours(1), Duration.ofDays(15), Duration.ZERO),
                new EmailAccountsProperties.Secrets(null), new EmailAccountsProperties.RateLimit(true, 600),
                new EmailAccountsProperties.LoginThrottle(10, 100, Duration.ofMinutes(5)),
                new EmailAccountsProperties.Shutdown(null), new EmailAccountsProperties.Idempotency(Duration.ofHours(24)));
    }

    @Test
    void shouldGrantRolesAndAdministratorAsAuthorities() {
        InMemoryUserDetailsManager users = ConfiguredUsers.load(properties(List.of(
                new User("admin@example.com", "{noop}a", true, List.of(), null),
                new User("editor@example.com", "{bcrypt}$2a$04$5ZkZsYkrT9gxm59VOLIEReO6oWTufm8EXbnorU2QR4ysfOJYkgQ32", false,
                        List.of("EmailAccount-Edit"), null))), false, ROLES, ENCODER);

        assertThat(users.loadUserByUsername("admin@example.com").getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly(Authorities.FULL_ADMINISTRATOR);
        assertThat(users.loadUserByUsername("EDITOR@example.com").getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("EmailAccount-Edit");
    }

    @Test
    void shouldCreateTheDevelopmentAdministratorOnceOnTheEmbeddedDatabase() throws Exception {
        InMemoryUserDetailsManager first = ConfiguredUsers.load(properties(List.of()), true, ROLES, ENCODER);
        Path credentials = dataDirectory.resolve("dev-credentials");
        String stored = Files.readString(credentials).strip();

        assertThat(stored).matches("admin@example\\.com:[A-Za-z0-9_-]{24}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        String password = stored.substring(stored.indexOf(':') + 1);
        assertThat(ENCODER.matches(password, first.loadUserByUsername("admin@example.com").getPassword())).isTrue();
        assertThat(first.loadUserByUsername("admin@example.com").getPassword()).startsWith("{bcrypt}");

        InMemoryUserDetailsManager second = ConfiguredUsers.load(properties(List.of()), true, ROLES, ENCODER);
        assertThat(Files.readString(credentials).strip()).isEqualTo(stored);
        assertThat(ENCODER.matches(password, second.loadUserByUsername("admin@example.com").getPassword())).isTrue();
    }

    @Test
    void shouldCreateNoDevelopmentAdministratorWhenUsersAreConfigured() {
        ConfiguredUsers.load(properties(List.of(new User("admin@example.com", "{noop}a", true, List.of(), null))), true, ROLES, ENCODER);

        assertThat(dataDirectory.resolve("dev-credentials")).doesNotExist();
    }

    @Test
    void shouldRefuseToStartWithoutUsersOutsideTheEmbeddedDatabase() {
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of()), false, ROLES, ENCODER))
                .hasMessageStartingWith("No users are configured.");
        assertThat(dataDirectory.resolve("dev-credentials")).doesNotExist();
    }

    @Test
    void shouldRefuseAPasswordWithoutItsStorageForm() {
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(new User("a@example.com", "plain", true, List.of(), null))),
                false, ROLES, ENCODER))
                .hasMessage("emailaccounts.users[0].password must be in Spring Security's storage form, "
                        + "such as {bcrypt}$2a$10$... or {noop}plain-text")
                .hasMessageNotContaining("plain\"");
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(
                new User("a@example.com", "{noop}a", false, List.of("EmailAccount-edit"), null))), false, ROLES, ENCODER))
                .hasMessage("emailaccounts.users[0].roles has 'EmailAccount-edit', which no operation uses; known roles: [EmailAccount-Edit]");
    }

    @Test
    void shouldRefuseAnEmptyListOfBusinesses() {
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(
                new User("a@example.com", "{noop}a", false, List.of("EmailAccount-Edit"), List.of()))), false, ROLES, ENCODER))
                .hasMessage("emailaccounts.users[0].businesses is empty: leave it out to allow every business");
    }

    @Test
    void shouldTurnBusinessesIntoAuthorities() {
        InMemoryUserDetailsManager users = ConfiguredUsers.load(properties(List.of(
                new User("a@example.com", "{noop}a", false, List.of("EmailAccount-Edit"), List.of(1001L, 1002L)))), false, ROLES, ENCODER);

        assertThat(users.loadUserByUsername("a@example.com").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("EmailAccount-Edit", "Business:1001", "Business:1002");
    }

    @Test
    void shouldRefuseADuplicateOrMissingUserName() {
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(
                new User("a@example.com", "{noop}a", true, List.of(), null),
                new User("A@example.com", "{noop}b", true, List.of(), null))), false, ROLES, ENCODER))
                .hasMessage("emailaccounts.users[1].username 'A@example.com' is configured twice");
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(new User(" ", "{noop}b", true, List.of(), null))),
                false, ROLES, ENCODER))
                .hasMessage("emailaccounts.users[0].username is missing");
    }
}
