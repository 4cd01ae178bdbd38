package io.emailaccounts.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.emailaccounts.client.model.TokenResponse;

/** The contract marks the tokens as secrets (format: password): a logged token answer shows neither. */
class SecretsOutOfToStringTest {

    @Test
    void shouldLeaveTheTokensOutOfATokenAnswersToString() {
        TokenResponse answer = new TokenResponse().accessToken("eyJ.access.secret").refreshToken("refresh-secret")
                .tokenType(TokenResponse.TokenTypeEnum.BEARER).expiresIn(3600);

        assertThat(answer.toString()).doesNotContain("eyJ.access.secret", "refresh-secret").contains("expiresIn: 3600");
    }
}
