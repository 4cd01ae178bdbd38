package io.emailaccounts.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * Behind a balancer that ends TLS and is named as the Operations guide says (forward-headers-strategy native, its
 * address in internal-proxies; here this machine's): an answer to a request the balancer says came over HTTPS
 * (X-Forwarded-Proto) carries Strict-Transport-Security, as the server's own HTTPS answers do (TlsIT).
 */
@TestPropertySource(properties = {
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
})
class BehindABalancerTest extends RunningServerTest {

    static final String HSTS = "max-age=31536000 ; includeSubDomains";

    @Test
    void shouldSendHstsWhenTheBalancerSaysTheRequestCameOverHttps() {
        RawHttp.Response https = asAdmin().header("X-Forwarded-Proto", "https").get("/api/crm/emailaccounts");
        RawHttp.Response refused = http().header("X-Forwarded-Proto", "https").get("/api/crm/emailaccounts");
        RawHttp.Response plain = asAdmin().get("/api/crm/emailaccounts");

        assertThat(https.status()).isEqualTo(200);
        assertThat(https.header("Strict-Transport-Security")).isEqualTo(HSTS);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Strict-Transport-Security")).as("on a refusal too").isEqualTo(HSTS);
        assertThat(plain.header("Strict-Transport-Security")).as("a request that came over plain HTTP").isNull();
    }
}
