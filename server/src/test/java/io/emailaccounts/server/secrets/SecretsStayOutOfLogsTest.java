package io.emailaccounts.server.secrets;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import io.emailaccounts.server.support.logging.TestLog;
import tools.jackson.databind.node.ObjectNode;

/**
 * Passwords, access tokens (ours and the stored mail ones) and refresh tokens go through every kind of request, good
 * and bad, with the server's own logging and Spring's web and security logging at DEBUG: none of them shows up in the
 * log or in any answer.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {
        "logging.level.io.emailaccounts=DEBUG",
        "logging.level.io.emailaccounts.access=INFO",
        "logging.level.org.springframework.web=DEBUG",
        "logging.level.org.springframework.security=DEBUG",
})
class SecretsStayOutOfLogsTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";
    private static final String GOOGLE_TOKEN = "ya29.GOOGLE-SECRET-7f3a9c";
    private static final String OFFICE_TOKEN = "EwB4A8l6BAAU-OFFICE-SECRET-19be44";
    private static final String WRONG_PASSWORD = "wrong-but-still-secret-5521";

    @Test
    void shouldKeepEverySecretOutOfLogsAndAnswers(CapturedOutput output) {
        List<RawHttp.Response> answers = new ArrayList<>();
        ObjectNode update = (ObjectNode) RawHttp.json(requiredFieldsBody());
        update.put("GoogleAccessToken", GOOGLE_TOKEN).put("Office365AccessToken", OFFICE_TOKEN);

        // Stored, read back, and refused in a body with other errors.
        answers.add(asAdmin().put(PATH, update.toString()));
        answers.add(asAdmin().get(PATH + "/" + ID));
        answers.add(asAdmin().get(PATH + "?id=[" + ID + "]"));
        ObjectNode invalid = update.deepCopy();
        invalid.put("IncomingServerPort", 70000).put("GoogleAccessToken", GOOGLE_TOKEN.repeat(400));
        answers.add(asAdmin().put(PATH, invalid.toString()));
        answers.add(asAdmin().put(PATH, update.toString().replace("}", ",}")));
        // Passwords: wrong and right, over Basic and the token endpoint; tokens: used, refreshed, forged.
        answers.add(http().basicAuth(ADMIN, WRONG_PASSWORD).get(PATH + "/" + ID));
        answers.add(http().postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=" + WRONG_PASSWORD));
        RawHttp.Response tokens = http().postForm("/api/token", "grant_type=password&username=" + ADMIN + "&password=" + ADMIN_PASSWORD);
        String accessToken = tokens.json().get("access_token").asString();
        String refreshToken = tokens.json().get("refresh_token").asString();
        answers.add(http().bearer(accessToken).get(PATH + "/" + ID));
        answers.add(http().bearer(accessToken + "x").get(PATH + "/" + ID));
        RawHttp.Response refreshed = http().postForm("/api/token", "grant_type=refresh_token&refresh_token=" + refreshToken);
        answers.add(http().postForm("/api/token", "grant_type=refresh_token&refresh_token=" + refreshToken));

        assertThat(records.secret(ID, "google_access_token")).isEqualTo(GOOGLE_TOKEN);
        assertThat(refreshed.status()).isEqualTo(200);
        List<String> secrets = List.of(GOOGLE_TOKEN, OFFICE_TOKEN, WRONG_PASSWORD, ADMIN_PASSWORD, accessToken, refreshToken,
                refreshed.json().get("refresh_token").asString(), ENCRYPTION_KEY, TOKEN_SIGNING_KEY);
        assertThat((TestLog.text() + output.getAll())).as("the log").isNotBlank();
        for (String secret : secrets) {
            assertThat((TestLog.text() + output.getAll())).as("the log").doesNotContain(secret);
            for (RawHttp.Response answer : answers) {
                assertThat(answer.body()).as("an answer").doesNotContain(secret);
                assertThat(answer.raw().headers().map().toString()).as("an answer's headers").doesNotContain(secret);
            }
        }
    }
}
