package io.emailaccounts.server.emailaccount;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * A create sent with an Idempotency-Key, over real HTTP: made once per key and user, its first answer given again,
 * another request under the key refused, twins sent at once making one record, and expired keys swept by time.
 */
@TestPropertySource(properties = "emailaccounts.idempotency.sweep-interval=100ms")
class IdempotencyKeyTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";

    @Test
    void shouldCreateOnceAndAnswerARepeatWithTheFirstAnswerWhateverItsFormatting() {
        String key = UUID.randomUUID().toString();
        String body = createBody("Sent twice");
        ObjectNode rest = (ObjectNode) RawHttp.json(body);
        rest.remove("DisplayName");
        String reformatted = "{\n  \"DisplayName\" : \"Sent twice\",\n  " + rest.toString().substring(1);

        RawHttp.Response first = create(asAdmin(), key, body);
        RawHttp.Response again = create(asAdmin(), "\"" + key + "\"", reformatted);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(named("Sent twice")).isEqualTo(1);
    }

    @Test
    void shouldRefuseTheKeyWithAnotherRequestAndCreateNothing() {
        String key = UUID.randomUUID().toString();
        create(asAdmin(), key, createBody("First request"));

        RawHttp.Response other = create(asAdmin(), key, createBody("Another request"));

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("Errors").get(0).get("PropertyName").asString()).isEqualTo("Idempotency-Key");
        assertThat(named("Another request")).isZero();
    }

    @Test
    void shouldKeepEachUsersKeysToThemselves() {
        String key = "shared-" + UUID.randomUUID();

        RawHttp.Response admins = create(asAdmin(), key, createBody("One key, two users"));
        RawHttp.Response tenants = create(http().basicAuth(TENANT, TENANT_PASSWORD), key, createBody("One key, two users"));

        assertThat(tenants.status()).as(tenants.body()).isEqualTo(200);
        assertThat(tenants.header("Idempotent-Replayed")).isNull();
        assertThat(id(tenants)).isNotEqualTo(id(admins));
        assertThat(tenants.json().get("UpdatedBy").asString()).isEqualTo(TENANT);
        assertThat(named("One key, two users")).isEqualTo(2);
    }

    @Test
    void shouldMakeOneRecordOfTwinsSentAtOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        int twins = 8;
        ExecutorService senders = Executors.newFixedThreadPool(twins);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RawHttp.Response>> answers = new ArrayList<>();
        try {
            for (int twin = 0; twin < twins; twin++) {
                answers.add(senders.submit(() -> {
                    start.await();
                    return create(asAdmin(), key, createBody("Twins"));
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<RawHttp.Response> answer : answers) {
                RawHttp.Response response = answer.get();
                if (response.status() == 409) {
                    assertThat(response.header("Retry-After")).isEqualTo("1");
                } else {
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    ids.add(id(response));
                }
            }
            assertThat(ids).isNotEmpty().containsOnly(ids.get(0));
            assertThat(named("Twins")).isEqualTo(1);
            assertThat(id(create(asAdmin(), key, createBody("Twins")))).isEqualTo(ids.get(0));
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void shouldCreateAsBeforeWithoutAKey() {
        asAdmin().send("POST", PATH, "application/json", createBody("No key"));
        asAdmin().send("POST", PATH, "application/json", createBody("No key"));

        assertThat(named("No key")).isEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM idempotency_key").query(Long.class).single()).isZero();
    }

    @Test
    void shouldJudgeARefusedCreateAnewWhenItIsSentAgain() {
        String key = UUID.randomUUID().toString();
        RawHttp tenant = http().basicAuth(TENANT, TENANT_PASSWORD);
        ObjectNode elsewhere = (ObjectNode) RawHttp.json(createBody("Refused first"));
        elsewhere.put("BusinessId", 9999);

        RawHttp.Response refused = create(tenant, key, elsewhere.toString());
        RawHttp.Response allowed = create(tenant, key, createBody("Refused first"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(allowed.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void shouldRememberAKeyForTheRetentionThenSweepItWithoutAnyTraffic() throws InterruptedException {
        String key = UUID.randomUUID().toString();
        Instant before = Instant.now();
        long firstId = id(create(asAdmin(), key, createBody("Remembered")));

        OffsetDateTime expires = jdbc.sql("SELECT expires_on FROM idempotency_key WHERE idempotency_key = ?").param(key)
                .query(OffsetDateTime.class).single();
        assertThat(Duration.between(before, expires.toInstant())).isBetween(Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24).plusMinutes(1));

        jdbc.sql("UPDATE idempotency_key SET expires_on = ? WHERE idempotency_key = ?")
                .param(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1)).param(key).update();
        for (int wait = 0; wait < 100 && keys(key) > 0; wait++) {
            Thread.sleep(50);
        }
        assertThat(keys(key)).as("swept by the scheduled sweep").isZero();

        RawHttp.Response anew = create(asAdmin(), key, createBody("Remembered"));
        assertThat(anew.header("Idempotent-Replayed")).isNull();
        assertThat(id(anew)).isNotEqualTo(firstId);
    }

    private static RawHttp.Response create(RawHttp http, String key, String body) {
        return http.header("Idempotency-Key", key).send("POST", PATH, "application/json", body);
    }

    private static long id(RawHttp.Response answer) {
        return answer.json().get("Value").get("Id").asLong();
    }

    private long named(String displayName) {
        return jdbc.sql("SELECT COUNT(*) FROM email_account WHERE display_name = ?").param(displayName).query(Long.class).single();
    }

    private long keys(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM idempotency_key WHERE idempotency_key = ?").param(key).query(Long.class).single();
    }

    private static String createBody(String displayName) {
        ObjectNode body = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
        body.remove("Id");
        body.put("DisplayName", displayName).put("BusinessId", 1001);
        return body.toString();
    }
}
