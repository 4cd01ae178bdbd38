package io.emailaccounts.server.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.client.ApiClient;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.server.secrets.SecretCipher;

/**
 * The whole server on a real port, on an in-memory H2 database (or the database {@code test.datasource.url} names),
 * with one user per kind of access. Every test class that extends it shares one running server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // -Dtest.datasource.url=jdbc:postgresql://... (with .username, .password) runs the suite on PostgreSQL.
        "spring.datasource.url=${test.datasource.url:jdbc:h2:mem:api-tests;DB_CLOSE_DELAY=-1}",
        "spring.datasource.username=${test.datasource.username:sa}",
        "spring.datasource.password=${test.datasource.password:}",
        "emailaccounts.demo-data=false",
        // The limits have their own tests (LimitsTest); here they must not depend on how fast the suite runs.
        "emailaccounts.rate-limit.writes-per-minute=1000000",
        "emailaccounts.login-throttle.max-failures=1000000",
        "emailaccounts.security.token-signing-key=" + RunningServerTest.TOKEN_SIGNING_KEY,
        "emailaccounts.secrets.encryption-key=" + RunningServerTest.ENCRYPTION_KEY,
        "emailaccounts.users[0].username=" + RunningServerTest.ADMIN,
        "emailaccounts.users[0].password={noop}" + RunningServerTest.ADMIN_PASSWORD,
        "emailaccounts.users[0].administrator=true",
        "emailaccounts.users[1].username=" + RunningServerTest.EDITOR,
        "emailaccounts.users[1].password={bcrypt}$2a$04$5ZkZsYkrT9gxm59VOLIEReO6oWTufm8EXbnorU2QR4ysfOJYkgQ32",
        "emailaccounts.users[1].roles=EmailAccount-Edit",
        "emailaccounts.users[2].username=" + RunningServerTest.VIEWER,
        "emailaccounts.users[2].password={noop}" + RunningServerTest.VIEWER_PASSWORD,
        "emailaccounts.users[3].username=" + RunningServerTest.CLERK,
        "emailaccounts.users[3].password={noop}" + RunningServerTest.CLERK_PASSWORD,
        "emailaccounts.users[3].roles=EmailAccount-List,EmailAccount-Create",
        "emailaccounts.users[4].username=" + RunningServerTest.AUDITOR,
        "emailaccounts.users[4].password={noop}" + RunningServerTest.AUDITOR_PASSWORD,
        "emailaccounts.users[4].roles=EmailAccount-Read",
        "emailaccounts.users[5].username=" + RunningServerTest.TENANT,
        "emailaccounts.users[5].password={noop}" + RunningServerTest.TENANT_PASSWORD,
        "emailaccounts.users[5].roles=EmailAccount-List,EmailAccount-Read,EmailAccount-Create,EmailAccount-Edit,EmailAccount-Delete",
        "emailaccounts.users[5].businesses=1001,1002",
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
    /** 32 bytes, base64. */
    public static final String ENCRYPTION_KEY = "ZW5jcnlwdGlvbi1rZXktb2YtdGhlLXRlc3RzLTMyYiE=";
    /** 32 bytes, base64. */
    public static final String TOKEN_SIGNING_KEY = "dGVzdC1zaWduaW5nLWtleS10aGF0LWlzLTMyLWJ5dGVz";

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
