package io.emailaccounts.server.support;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.emailaccounts.client.ApiClient;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.contract.ApiContract;
import io.emailaccounts.server.secrets.SecretCipher;

/**
 * The whole server on a real port, on an in-memory H2 database (or the database {@code test.datasource.url} names),
 * in production mode, with one user per kind of access, and one user per role of the contract ({@link #roleUser}).
 * Every test class that extends it shares one running server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // -Dtest.datasource.url=jdbc:postgresql://... (with .username, .password) runs the suite on PostgreSQL.
        "spring.datasource.url=${test.datasource.url:jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${test.datasource.username:sa}",
        "spring.datasource.password=${test.datasource.password:}",
        // Production mode, as on a real deployment: bcrypt passwords, every user's businesses said; no drain on stop
        // (no balancer fronts a test's server).
        "emailaccounts.mode=production",
        "emailaccounts.shutdown.drain=0s",
        "emailaccounts.demo-data=false",
        // The limits have their own tests (LimitsTest); here they must not depend on how fast the suite runs.
        "emailaccounts.rate-limit.writes-per-minute=1000000",
        "emailaccounts.rate-limit.token-requests-per-minute=1000000",
        "emailaccounts.rate-limit.token-requests-per-minute-per-name=1000000",
        "emailaccounts.login-throttle.max-failures=1000000",
        "emailaccounts.security.token-signing-key=" + RunningServerTest.TOKEN_SIGNING_KEY,
        "emailaccounts.secrets.encryption-key=" + RunningServerTest.ENCRYPTION_KEY
})
public abstract class RunningServerTest {

    public static final String ADMIN = "admin@example.com";
    public static final String ADMIN_PASSWORD = "admin-secret";
    /** Has the EmailAccount-Edit role; stored as a bcrypt hash. */
    public static final String EDITOR = "editor@example.com";
    public static final String EDITOR_PASSWORD = "editor-secret";
    /** Signs in, but holds no role. */
    public static final String VIEWER = "viewer@example.com";
    public static final String VIEWER_PASSWORD = "viewer-secret";
    /** May search and create, but not read one record, update or delete. */
    public static final String CLERK = "clerk@example.com";
    public static final String CLERK_PASSWORD = "clerk-secret";
    /** May read records (one, or a batch), nothing else. */
    public static final String AUDITOR = "auditor@example.com";
    public static final String AUDITOR_PASSWORD = "auditor-secret";
    /** Holds every role, but only for businesses 1001 and 1002. */
    public static final String TENANT = "tenant@example.com";
    public static final String TENANT_PASSWORD = "tenant-secret";
    /** Holds every role of the contract, but only for business 9999, which no record has. */
    public static final String OTHER_BUSINESS = "other-business@example.com";
    /** The password of {@link #OTHER_BUSINESS} and of each {@link #roleUser}. */
    public static final String ROLE_PASSWORD = "role-secret";
    /** 32 bytes, base64. */
    public static final String ENCRYPTION_KEY = "ZW5jcnlwdGlvbi1rZXktb2YtdGhlLXRlc3RzLTMyYiE=";
    /** 32 bytes, base64. */
    public static final String TOKEN_SIGNING_KEY = "dGVzdC1zaWduaW5nLWtleS10aGF0LWlzLTMyLWJ5dGVz";

    /**
     * The users: one per kind of access, a user for each role the contract names holding that role only, and
     * {@link #OTHER_BUSINESS}. All in one place: Spring Boot binds a list from one source of properties.
     */
    @DynamicPropertySource
    static void users(DynamicPropertyRegistry registry) {
        registry.add("emailaccounts.users[0].username", () -> ADMIN);
        registry.add("emailaccounts.users[0].password", () -> StoredPasswords.bcrypt(ADMIN_PASSWORD));
        registry.add("emailaccounts.users[0].administrator", () -> "true");
        registry.add("emailaccounts.users[1].username", () -> EDITOR);
        registry.add("emailaccounts.users[1].password", () -> StoredPasswords.bcrypt(EDITOR_PASSWORD));
        registry.add("emailaccounts.users[1].roles", () -> "EmailAccount-Edit");
        registry.add("emailaccounts.users[1].businesses", () -> "*");
        registry.add("emailaccounts.users[2].username", () -> VIEWER);
        registry.add("emailaccounts.users[2].password", () -> StoredPasswords.bcrypt(VIEWER_PASSWORD));
        registry.add("emailaccounts.users[2].businesses", () -> "*");
        registry.add("emailaccounts.users[3].username", () -> CLERK);
        registry.add("emailaccounts.users[3].password", () -> StoredPasswords.bcrypt(CLERK_PASSWORD));
        registry.add("emailaccounts.users[3].roles", () -> "EmailAccount-List,EmailAccount-Create");
        registry.add("emailaccounts.users[3].businesses", () -> "*");
        registry.add("emailaccounts.users[4].username", () -> AUDITOR);
        registry.add("emailaccounts.users[4].password", () -> StoredPasswords.bcrypt(AUDITOR_PASSWORD));
        registry.add("emailaccounts.users[4].roles", () -> "EmailAccount-Read");
        registry.add("emailaccounts.users[4].businesses", () -> "*");
        registry.add("emailaccounts.users[5].username", () -> TENANT);
        registry.add("emailaccounts.users[5].password", () -> StoredPasswords.bcrypt(TENANT_PASSWORD));
        registry.add("emailaccounts.users[5].roles", () -> "EmailAccount-List,EmailAccount-Read,EmailAccount-Create,EmailAccount-Edit,EmailAccount-Delete");
        registry.add("emailaccounts.users[5].businesses", () -> "1001,1002");
        List<String> roles = roles(ExampleBodies.CONTRACT);
        int index = 6;
        for (String role : roles) {
            user(registry, index++, roleUser(role), role);
        }
        user(registry, index, OTHER_BUSINESS, String.join(",", roles));
        registry.add("emailaccounts.users[" + index + "].businesses", () -> "9999"); // after user(): it sets "*"
    }

    private static void user(DynamicPropertyRegistry registry, int index, String username, String roles) {
        registry.add("emailaccounts.users[" + index + "].username", () -> username);
        registry.add("emailaccounts.users[" + index + "].password", () -> StoredPasswords.bcrypt(ROLE_PASSWORD));
        registry.add("emailaccounts.users[" + index + "].roles", () -> roles);
        registry.add("emailaccounts.users[" + index + "].businesses", () -> "*");
    }

    /** Every role an operation of the contract needs, sorted. */
    public static List<String> roles(ApiContract contract) {
        Set<String> roles = new TreeSet<>();
        contract.operations().forEach(operation -> {
            operation.requiredRole().ifPresent(roles::add);
            roles.addAll(operation.roleWhenPresent().values());
        });
        return List.copyOf(roles);
    }

    /** The user that holds this role of the contract, and no other. */
    public static String roleUser(String role) {
        return role.toLowerCase(Locale.ROOT) + "@roles.example.com";
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private SecretCipher cipher;

    protected EmailAccountRecords records;

    @BeforeEach
    void resetRecords() {
        records = new EmailAccountRecords(jdbc, cipher);
        records.reset();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected RawHttp http() {
        return new RawHttp(baseUrl());
    }

    protected RawHttp asAdmin() {
        return http().basicAuth(ADMIN, ADMIN_PASSWORD);
    }

    protected EmailAccountsApi emailAccounts(ApiClient client) {
        return new EmailAccountsApi(client);
    }

    protected EmailAccountsApi emailAccountsAsAdmin() {
        return emailAccounts(NexudusClients.basicAuth(baseUrl(), ADMIN, ADMIN_PASSWORD));
    }
}
