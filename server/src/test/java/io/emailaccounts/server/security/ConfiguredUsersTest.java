package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import io.emailaccounts.server.config.EmailAccountsProperties;
import io.emailaccounts.server.config.EmailAccountsProperties.User;

class ConfiguredUsersTest {

    private static final Set<String> ROLES = Set.of("EmailAccount-Edit");
    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final int MAX_NAME = 255;
    private static final String BCRYPT = "{bcrypt}$2a$10$7vspDyfrDkHkOoqnhLx0meROADQ5G0clpHyS9Mcby/k.Sk.nkKy8a";

    @TempDir
    Path dataDirectory;

    /** The defaults, but these users and files in the test's directory. */
    private EmailAccountsProperties properties(List<User> users) {
        EmailAccountsProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of(
                "emailaccounts.dev-credentials-file", dataDirectory.resolve("dev-credentials").toString(),
                "emailaccounts.backup.directory", dataDirectory.resolve("backups").toString())))
                .bindOrCreate("emailaccounts", EmailAccountsProperties.class);
        return new EmailAccountsProperties(defaults.mode(), users, defaults.demoData(), defaults.devCredentialsFile(),
                defaults.maxRequestBodySize(), defaults.security(), defaults.secrets(), defaults.rateLimit(),
                defaults.loginThrottle(), defaults.shutdown(), defaults.idempotency(), defaults.backup(), defaults.cors(),
                defaults.objectives());
    }

    @Test
    void shouldGrantRolesAndAdministratorAsAuthorities() {
        InMemoryUserDetailsManager users = ConfiguredUsers.load(properties(List.of(
                new User("admin@example.com", BCRYPT, true, List.of(), null),
                new User("editor@example.com", BCRYPT, false, List.of("EmailAccount-Edit"), List.of("*")))), false, false, ROLES, MAX_NAME, ENCODER);

        assertThat(users.loadUserByUsername("admin@example.com").getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly(Authorities.FULL_ADMINISTRATOR);
        assertThat(users.loadUserByUsername("EDITOR@example.com").getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("EmailAccount-Edit");
    }

    @Test
    void shouldCreateTheDevelopmentAdministratorOnceOnTheEmbeddedDatabase() throws Exception {
        InMemoryUserDetailsManager first = ConfiguredUsers.load(properties(List.of()), true, false, ROLES, MAX_NAME, ENCODER);
        Path credentials = dataDirectory.resolve("dev-credentials");
        String stored = Files.readString(credentials).strip();

        assertThat(stored).matches("admin@example\\.com:[A-Za-z0-9_-]{24}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        String password = stored.substring(stored.indexOf(':') + 1);
        assertThat(ENCODER.matches(password, first.loadUserByUsername("admin@example.com").getPassword())).isTrue();
        assertThat(first.loadUserByUsername("admin@example.com").getPassword()).startsWith("{bcrypt}");

        InMemoryUserDetailsManager second = ConfiguredUsers.load(properties(List.of()), true, false, ROLES, MAX_NAME, ENCODER);
        assertThat(Files.readString(credentials).strip()).isEqualTo(stored);
        assertThat(ENCODER.matches(password, second.loadUserByUsername("admin@example.com").getPassword())).isTrue();
    }

    @Test
    void shouldCreateNoDevelopmentAdministratorWhenUsersAreConfigured() {
        ConfiguredUsers.load(properties(List.of(new User("admin@example.com", "{noop}a", true, List.of(), null))), true, false, ROLES, MAX_NAME, ENCODER);

        assertThat(dataDirectory.resolve("dev-credentials")).doesNotExist();
    }

    @Test
    void shouldRefuseToStartWithoutUsersOutsideTheEmbeddedDatabase() {
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of()), false, false, ROLES, MAX_NAME, ENCODER))
                .hasMessageStartingWith("No users are configured.");
        assertThat(dataDirectory.resolve("dev-credentials")).doesNotExist();
    }

    @Test
    void shouldStartWithoutUsersWhereEveryUserSignsInAtTheOrganisationsIssuer() {
        assertThat(ConfiguredUsers.load(properties(List.of()), false, true, ROLES, MAX_NAME, ENCODER).userExists("admin@localhost"))
                .isFalse();
        assertThat(dataDirectory.resolve("dev-credentials")).doesNotExist();
    }

    @Test
    void shouldRefuseAPasswordWithoutItsStorageForm() {
        for (String password : List.of("plain", "{noop@x}plain", "{bcrypt2}" + BCRYPT.substring("{bcrypt}".length()), "{md5}x",
                "{bcrypt}garbage", BCRYPT + "x", BCRYPT.replace("$10$", "$03$"), BCRYPT.replace("$10$", "$32$"), "{argon2}$argon2id$v=19$m=16,t=1,p=1$c2FsdA$aGFzaA", "{scrypt}x", "{pbkdf2}00")) {
            assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(new User("a@example.com", password, true, List.of(), null))),
                    true, false, ROLES, MAX_NAME, ENCODER)).as(password)
                    .hasMessage("emailaccounts.users[0].password must be a bcrypt hash in Spring Security's storage form, "
                            + "{bcrypt}$2a$10$ and 53 characters (or {noop}plain-text in development mode)")
                    .hasMessageNotContaining("plain\"");
        }
    }

    @Test
    void shouldRefuseAnUnknownRole() {
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(
                new User("a@example.com", BCRYPT, false, List.of("EmailAccount-edit"), List.of("*")))), false, false, ROLES, MAX_NAME, ENCODER))
                .hasMessage("emailaccounts.users[0].roles has 'EmailAccount-edit', which no operation uses; known roles: [EmailAccount-Edit]");
    }

    @Test
    void shouldRefuseAnEmptyListOfBusinesses() {
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(
                new User("a@example.com", BCRYPT, false, List.of("EmailAccount-Edit"), List.of()))), false, false, ROLES, MAX_NAME, ENCODER))
                .hasMessage("emailaccounts.users[0].businesses is empty: list BusinessIds, or '*' for every business");
    }

    @Test
    void shouldTurnBusinessesIntoAuthorities() {
        InMemoryUserDetailsManager users = ConfiguredUsers.load(properties(List.of(
                new User("a@example.com", BCRYPT, false, List.of("EmailAccount-Edit"), List.of("1001", "1002")))), false, false, ROLES, MAX_NAME, ENCODER);

        assertThat(users.loadUserByUsername("a@example.com").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("EmailAccount-Edit", "Business:1001", "Business:1002");
    }

    @Test
    void shouldRefuseADuplicateOrMissingUserName() {
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(
                new User("a@example.com", BCRYPT, true, List.of(), null),
                new User("A@example.com", BCRYPT, true, List.of(), null))), false, false, ROLES, MAX_NAME, ENCODER))
                .hasMessage("emailaccounts.users[1].username 'A@example.com' is configured twice");
        assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(new User(" ", "{noop}b", true, List.of(), null))),
                false, false, ROLES, MAX_NAME, ENCODER))
                .hasMessage("emailaccounts.users[0].username is missing");
    }

    @Test
    void shouldGiveEveryBusinessToAUserAskingForItWithAStar() {
        InMemoryUserDetailsManager users = ConfiguredUsers.load(properties(List.of(
                new User("a@example.com", BCRYPT, false, List.of("EmailAccount-Edit"), List.of("*")))), false, false, ROLES, MAX_NAME, ENCODER);

        assertThat(users.loadUserByUsername("a@example.com").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("EmailAccount-Edit");
    }

    @Test
    void shouldRefuseAStarAmongBusinessIdsAndAnythingButIds() {
        for (List<String> businesses : List.of(List.of("*", "1001"), List.of("0"), List.of("all"), List.of("-5"))) {
            assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(
                    new User("a@example.com", BCRYPT, false, List.of("EmailAccount-Edit"), businesses))), false, false, ROLES, MAX_NAME, ENCODER))
                    .as(businesses.toString())
                    .hasMessageStartingWith("emailaccounts.users[0].businesses must list BusinessIds (whole numbers from 1), "
                            + "or be '*' alone for every business");
        }
    }

    /** Production refuses every unsafe setting at once, each named: a password in plain text, a user of no business. */
    @Test
    void shouldRefuseUnsafeSettingsInProductionNamingEach() {
        List<User> unsafe = List.of(
                new User("admin@example.com", "{noop}a", true, List.of(), null),
                new User("editor@example.com", BCRYPT, false, List.of("EmailAccount-Edit"), null),
                new User("limited@example.com", BCRYPT, false, List.of("EmailAccount-Edit"), List.of("1001")),
                new User("cheap@example.com", BCRYPT.replace("$2a$10$", "$2a$04$"), true, List.of(), null));

        assertThatThrownBy(() -> ConfiguredUsers.load(properties(unsafe), false, false, ROLES, MAX_NAME, ENCODER))
                .hasMessage("Production mode refuses unsafe settings:\n"
                        + "  - emailaccounts.users[0].password (admin@example.com) is kept in plain text ({noop}): store a "
                        + "bcrypt hash, {bcrypt}$2a$10$...\n"
                        + "  - emailaccounts.users[1].businesses (editor@example.com) is not set: list the BusinessIds the "
                        + "user may see and change, or '*' for every business\n"
                        + "  - emailaccounts.users[3].password (cheap@example.com) is a bcrypt hash of cost 4: hash it "
                        + "with a cost of at least 10, {bcrypt}$2a$10$...");
        assertThat(ConfiguredUsers.load(properties(unsafe), true, false, ROLES, MAX_NAME, ENCODER).userExists("editor@example.com"))
                .as("development mode allows them").isTrue();
    }

    @Test
    void shouldRefuseAUserNameLongerThanTheContractAllowsInAnyMode() {
        String name = "a".repeat(MAX_NAME - 12) + "@example.com";
        assertThat(ConfiguredUsers.load(properties(List.of(new User(name, BCRYPT, true, List.of(), null))), false, false, ROLES,
                MAX_NAME, ENCODER).userExists(name)).isTrue();

        for (boolean development : List.of(true, false)) {
            assertThatThrownBy(() -> ConfiguredUsers.load(properties(List.of(new User("a" + name, BCRYPT, true, List.of(), null))),
                    development, false, ROLES, MAX_NAME, ENCODER))
                    .hasMessage("emailaccounts.users[0].username is 256 characters long; a user name may have at most 255");
        }
    }
}
