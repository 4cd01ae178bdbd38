package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static io.emailaccounts.server.support.EmailAccountRecords.ID;

import java.time.Duration;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.node.ObjectNode;

import io.emailaccounts.client.ApiException;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.client.api.EmailAccountsApi;
import io.emailaccounts.documentation.Documentation;
import io.emailaccounts.server.support.EmailAccountRecords;
import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import io.emailaccounts.server.support.TestIssuer;

/**
 * Tokens from an organisation's OpenID Connect issuer: two real issuers (Spring Authorization Server, each a process
 * of its own), the server trusting the first with the settings the guide Authentication shows, beside its own users
 * and tokens. Each token is got from the issuer as an organisation's client gets one, and sent with the generated client
 * or as it is.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenIdIssuerIT extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";
    /** How long the server keeps the issuer's keys before it fetches them again (5 minutes by default). */
    private static final Duration KEY_SET_LIFETIME = Duration.ofSeconds(1);

    /**
     * How long after a fetch of the issuer's keys a token naming a key not seen yet waits for the next (30 s by
     * default): longer than {@link #KEY_SET_LIFETIME}, so that a new key meets it right after a fetch.
     */
    private static final Duration KEY_SET_REFRESH_INTERVAL = Duration.ofSeconds(3);

    private static TestIssuer issuer;
    private static TestIssuer otherIssuer;
    /** Another issuer, whose tokens carry the trusted issuer's identifier but are signed with its own keys. */
    private static TestIssuer impostor;

    /**
     * The settings of the guide Authentication, as written (Keycloak's roles claim among them), but the issuer's
     * address; and keys kept 1 s, fetched again for a new key at most every 3 s.
     */
    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        issuer = TestIssuer.start();
        otherIssuer = TestIssuer.start();
        impostor = TestIssuer.start("--spring.security.oauth2.authorizationserver.issuer=" + issuer.uri());
        String block = Documentation.of(Path.of("..")).guide("authentication")
                .section("## Tokens from your organisation's issuer").blocks("yaml").get(0);
        Map<String, String> settings = new TreeMap<>();
        flatten("", new Yaml().load(block), settings);
        assertThat(settings).containsKeys("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                "spring.security.oauth2.resourceserver.jwt.audiences", "emailaccounts.security.issuer.roles-claim");
        settings.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.uri());
        settings.forEach((name, value) -> registry.add(name, () -> value));
        registry.add("emailaccounts.security.issuer.key-set-lifetime", KEY_SET_LIFETIME::toString);
        registry.add("emailaccounts.security.issuer.key-set-refresh-interval", KEY_SET_REFRESH_INTERVAL::toString);
    }

    private static void flatten(String prefix, Object yaml, Map<String, String> settings) {
        if (yaml instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, settings));
        } else {
            settings.put(prefix, String.valueOf(yaml));
        }
    }

    @AfterAll
    static void stopIssuers() {
        issuer.close();
        otherIssuer.close();
        impostor.close();
    }

    private RawHttp bearer(String token) {
        return http().bearer(token);
    }

    /** The generated client, asking for the issuer's token before each request as the guide shows. */
    private EmailAccountsApi client(String token) {
        return emailAccounts(NexudusClients.bearerTokens(baseUrl(), () -> token));
    }

    @Test
    @Order(1)
    void shouldAllowWhatTheTokensRolesAllowAndNameTheUserByPreferredUsername() throws ApiException {
        String token = issuer.token("editor");

        assertThat(client(token).getEmailAccount(ID, null).getId()).isEqualTo(ID);
        ObjectNode update = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
        update.put("BusinessId", 1001);
        assertThat(bearer(token).put(PATH, update.toString()).status()).isEqualTo(200);
        assertThat(asAdmin().get(PATH + "/" + ID).json().path("UpdatedBy").asString()).isEqualTo("editor@example.org");

        assertThatThrownBy(() -> client(token).deleteEmailAccount(ID)).isInstanceOfSatisfying(ApiException.class,
                refused -> assertThat(refused.getCode()).isEqualTo(403));
        assertThat(issuer.token("administrator")).satisfies(administrator ->
                assertThat(bearer(administrator).send("DELETE", PATH + "/" + ID, null, null).status()).isEqualTo(200));
    }

    @Test
    @Order(2)
    void shouldRefuseRecordsOutsideTheTokensBusinesses() {
        records.insert(ID + 1, Map.of("business_id", 2002L));
        String editor = issuer.token("editor");

        assertThat(bearer(editor).get(PATH + "/" + (ID + 1)).status()).isEqualTo(404);
        ObjectNode update = (ObjectNode) RawHttp.json(EmailAccountRecords.requiredFieldsBody());
        assertThat(bearer(editor).put(PATH, update.put("BusinessId", 2002).toString()).status()).isEqualTo(403);
        assertThat(bearer(editor).get(PATH).json().path("Records").valueStream().map(record -> record.path("BusinessId").asLong()))
                .containsOnly(1001L);

        // "*": every business; no preferred_username: named by the subject.
        assertThat(bearer(issuer.token("reader-everywhere")).get(PATH + "/" + (ID + 1)).status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void shouldRefuseATokenThatNamesNoBusinessRatherThanAllowEveryBusiness() {
        RawHttp.Response answer = bearer(issuer.token("no-businesses")).get(PATH + "/" + ID);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("Message").asString()).contains("names no business", "'businesses'");
        assertThat(answer.json().path("WasSuccessful").asBoolean(true)).isFalse();
    }

    @Test
    @Order(4)
    void shouldRefuseAnExpiredTokenATokenOfAnotherIssuerAndATokenForAnotherAudience() {
        String shortLived = issuer.token("short-lived");
        assertThat(bearer(shortLived).get(PATH + "/" + ID).status()).isEqualTo(200);

        assertRefused(otherIssuer.token("editor"));
        assertRefused(issuer.token("other-audience"));

        TestIssuer.sleep(Duration.ofSeconds(3)); // its lifetime is 2 s; no clock skew is allowed
        assertRefused(shortLived);
    }

    @Test
    @Order(5)
    void shouldRefuseATokenThatNamesTheIssuerWithoutItsSignature() {
        String good = issuer.token("editor");
        String[] parts = good.split("\\.");
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();

        assertRefusedOnceTheKeysMayBeFetched(impostor.token("editor"));
        assertRefused(base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".");
        String asTheServersOwn = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"iss\":\"" + issuer.uri() + "\"", "\"iss\":\"emailaccounts\"");
        assertRefused(parts[0] + "." + base64.encodeToString(asTheServersOwn.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    @Order(6)
    void shouldTakeTheIssuersNewKeySoonAndRefuseAKeyItWithdrew() {
        TestIssuer.sleep(KEY_SET_LIFETIME.plusMillis(500));
        String signedWithOldKey = issuer.token("editor");
        assertThat(bearer(signedWithOldKey).get(PATH + "/" + ID).status()).as("the keys fetched now").isEqualTo(200);

        issuer.rotateKeys();
        String signedWithNewKey = issuer.token("editor");
        RawHttp.Response tooSoon = bearer(signedWithNewKey).get(PATH + "/" + ID);
        assertThat(tooSoon.status()).as("a key not seen, right after a fetch").isEqualTo(503);
        long retryAfter = Long.parseLong(tooSoon.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, KEY_SET_REFRESH_INTERVAL.toSeconds());
        TestIssuer.sleep(Duration.ofSeconds(retryAfter));
        assertThat(bearer(signedWithNewKey).get(PATH + "/" + ID).status()).as("a token of the new key").isEqualTo(200);
        assertThat(bearer(signedWithOldKey).get(PATH + "/" + ID).status()).as("the old key, still published").isEqualTo(200);

        issuer.retireOldKeys();
        TestIssuer.sleep(KEY_SET_LIFETIME.plusMillis(500));
        assertRefused(signedWithOldKey);
        assertThat(bearer(signedWithNewKey).get(PATH + "/" + ID).status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void shouldTakeTheServersOwnTokensBesideTheIssuers() {
        String own = http().postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD)
                .json().path("access_token").asString();

        assertThat(bearer(own).get(PATH + "/" + ID).status()).isEqualTo(200);
        assertThat(http().basicAuth(ADMIN, ADMIN_PASSWORD).get(PATH + "/" + ID).status()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void shouldGoOnTakingTheIssuersTokensWithTheKeysHeldWhileItCannotBeReached() {
        String token = issuer.token("editor");
        assertThat(bearer(token).get(PATH + "/" + ID).status()).isEqualTo(200);
        issuer.close();
        TestIssuer.sleep(KEY_SET_LIFETIME.plusMillis(500));

        assertThat(bearer(token).get(PATH + "/" + ID).status()).as("the keys held, past their lifetime").isEqualTo(200);
        assertRefusedOnceTheKeysMayBeFetched(impostor.token("editor")); // a key not held: the keys are not dropped
        assertThat(bearer(token).get(PATH + "/" + ID).status()).isEqualTo(200);
        assertThat(http().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(asAdmin().get(PATH + "/" + ID).status()).isEqualTo(200);
    }

    /** A key never seen right after a fetch waits for the next one (503), then is judged on fresh keys. */
    private void assertRefusedOnceTheKeysMayBeFetched(String token) {
        RawHttp.Response answer = bearer(token).get(PATH + "/" + ID);
        if (answer.status() == 503) {
            TestIssuer.sleep(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After"))));
        }
        assertRefused(token);
    }

    private void assertRefused(String token) {
        RawHttp.Response answer = bearer(token).get(PATH + "/" + ID);
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
    }
}
