package io.emailaccounts.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import io.emailaccounts.server.support.StoredPasswords;

/**
 * Two replicas of the server on one PostgreSQL database act as one service for the limits: the write limit, the token
 * endpoint's rate limit and the login throttle count across both, and a restarted replica forgets no throttle. Runs on PostgreSQL only
 * (server/postgres-tests.sh); on the embedded database, one process, the limits are kept in memory.
 */
class ReplicasShareLimitsTest {

    private static final String USER = "replica-test@example.com";
    private static final String PASSWORD = "replica-secret";
    private static final String PATH = "/api/crm/emailaccounts";

    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @BeforeEach
    void onPostgreSql() {
        assumeTrue(System.getProperty("test.datasource.url", "").startsWith("jdbc:postgresql:"),
                "replicas share their limits through PostgreSQL (run server/postgres-tests.sh)");
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void shouldAllowAsManyWritesFromTwoReplicasAsFromOne() {
        RawHttp first = replica();
        RawHttp second = replica();
        forgetEarlierRuns();

        List<Integer> statuses = new ArrayList<>();
        List<String> rateLimits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            RawHttp.Response answer = (i % 2 == 0 ? first : second).send("POST", PATH, "application/json",
                    EmailAccountRecords.requiredFieldsBody());
            statuses.add(answer.status());
            rateLimits.add(answer.header("RateLimit"));
        }

        // Each replica settles its writes with the shared bucket after one unsettled write (1 % of 6, at least one):
        // between two settlements one replica may accept one write the other has already used up, never more.
        assertThat(statuses).as("6 writes a minute, whichever replica takes them (at most one more, unsettled)")
                .filteredOn(status -> status == 200).hasSizeBetween(6, 7);
        assertThat(statuses).filteredOn(status -> status != 200).hasSizeGreaterThanOrEqualTo(5).containsOnly(429);
        // Each answer, from either replica, tells the writes left under the shared limit as that replica last settled
        // it: 5 after the first write, one fewer with each; high by at most the two writes not settled yet (this
        // replica's one and the other's one); none once refused.
        for (int i = 0; i < statuses.size(); i++) {
            long remaining = Long.parseLong(rateLimits.get(i).replaceAll("\"writes\";r=([0-9]+);t=[0-9]+", "$1"));
            if (statuses.get(i) == 200) {
                assertThat(remaining).as("writes left after write %d", i + 1).isBetween(Math.max(0L, 5L - i - 1), 5L - i + 2);
            } else {
                assertThat(remaining).as("writes left after refusal %d", i + 1).isZero();
            }
        }

        // A replica that stops settles what it has not yet: the one started after it allows nothing more either.
        replicas.remove(1).close();
        assertThat(replica().send("POST", PATH, "application/json", EmailAccountRecords.requiredFieldsBody()).status())
                .as("a write on a replica started after another stopped, the limit used up").isEqualTo(429);
    }

    @Test
    void shouldThrottleSignInsFailedOnEitherReplicaAndRememberItThroughARestart() {
        replica();
        replica();
        forgetEarlierRuns();

        for (int i = 0; i < 3; i++) {
            RawHttp wrong = new RawHttp(baseUrl(i % 2)).basicAuth(USER, "wrong-" + i);
            assertThat(wrong.get(PATH + "?size=1").status()).isEqualTo(401);
        }
        int onTheOther = new RawHttp(baseUrl(1)).basicAuth(USER, PASSWORD).get(PATH + "?size=1").status();
        replicas.remove(1).close();
        RawHttp restarted = replica();
        int afterTheRestart = restarted.get(PATH + "?size=1").status();

        assertThat(onTheOther).as("the right password, on the replica that saw one failure of three").isEqualTo(429);
        assertThat(afterTheRestart).as("the right password, on a restarted replica").isEqualTo(429);
    }

    @Test
    void shouldLimitTokenRequestsToEitherReplicaTogether() {
        replica();
        replica();
        forgetEarlierRuns();

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(new RawHttp(baseUrl(i % 2)).postForm("/api/token",
                    "grant_type=password&username=" + USER + "&password=" + PASSWORD).status());
        }

        // Settled with the shared bucket as the writes are: at most one more, unsettled.
        assertThat(statuses).as("4 token requests a minute, whichever replica takes them").filteredOn(status -> status == 200)
                .hasSizeBetween(4, 5);
        assertThat(statuses).filteredOn(status -> status != 200).containsOnly(429);
    }

    /** Starts a replica on a free port; a client of it that signs in as the test's user. */
    private RawHttp replica() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.datasource.url", System.getProperty("test.datasource.url"));
        properties.put("spring.datasource.username", System.getProperty("test.datasource.username"));
        properties.put("spring.datasource.password", System.getProperty("test.datasource.password"));
        properties.put("emailaccounts.demo-data", false);
        properties.put("emailaccounts.rate-limit.writes-per-minute", 6);
        properties.put("emailaccounts.login-throttle.max-failures", 3);
        properties.put("emailaccounts.rate-limit.token-requests-per-minute", 4);
        properties.put("emailaccounts.security.token-signing-key", RunningServerTest.TOKEN_SIGNING_KEY);
        properties.put("emailaccounts.secrets.encryption-key", RunningServerTest.ENCRYPTION_KEY);
        properties.put("emailaccounts.users[0].username", USER);
        properties.put("emailaccounts.users[0].password", StoredPasswords.bcrypt(PASSWORD));
        properties.put("emailaccounts.users[0].administrator", true);
        // As arguments: they override application.yaml, as an operator's would.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EmailAccountsServerApplication.class)
                .run(properties.entrySet().stream().map(property -> "--" + property.getKey() + "=" + property.getValue())
                        .toArray(String[]::new));
        replicas.add(context);
        return new RawHttp(baseUrl(replicas.size() - 1)).basicAuth(USER, PASSWORD);
    }

    private String baseUrl(int replica) {
        return "http://localhost:" + ((WebServerApplicationContext) replicas.get(replica)).getWebServer().getPort();
    }

    private void forgetEarlierRuns() {
        JdbcClient jdbc = replicas.get(0).getBean(JdbcClient.class);
        // A bucket's id is the limit's name, its size and the key: writes/6/<user>, token-requests-per-name/600/name:<user>
        // and token-requests/4/address:<this machine> (a size no other test uses).
        jdbc.sql("DELETE FROM rate_limit_bucket WHERE id LIKE :user OR id LIKE 'token-requests/4/%'").param("user", "%" + USER).update();
        jdbc.sql("DELETE FROM login_failure WHERE throttle_key LIKE :user").param("user", "name:" + USER + "%").update();
    }
}
