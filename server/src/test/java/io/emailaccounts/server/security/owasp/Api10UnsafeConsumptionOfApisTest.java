package io.emailaccounts.server.security.owasp;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.emailaccounts.client.ApiException;
import io.emailaccounts.client.NexudusClients;
import io.emailaccounts.server.support.RunningServerTest;

/**
 * OWASP API10:2023, Unsafe Consumption of APIs: trusting what another API answers. The server consumes no API: its one
 * dependency is its database, whose failures are answered 503 in the envelope without its messages (DatabaseOutageTest).
 * The consumers here are the project's clients, of this server and the hosted service: they send credentials over TLS
 * only (TlsIT; plain http:// to another machine is refused, NexudusClientsTest and transport.test.ts), read answers
 * tolerantly but typed, bound their waits and retries, and never follow a redirect. Here an answer that redirects a
 * delete to this server, with the client's credentials, is handed back, and the record stays.
 */
class Api10UnsafeConsumptionOfApisTest extends RunningServerTest {

    @Test
    void shouldNotFollowARedirectWithTheCredentials() throws IOException {
        HttpServer redirecting = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        redirecting.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", baseUrl() + exchange.getRequestURI());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        redirecting.start();
        try {
            var emailAccounts = emailAccounts(NexudusClients.basicAuth(
                    "http://127.0.0.1:" + redirecting.getAddress().getPort(), ADMIN, ADMIN_PASSWORD));

            assertThatThrownBy(() -> emailAccounts.deleteEmailAccount(ID)).isInstanceOfSatisfying(ApiException.class,
                    refused -> assertThat(refused.getCode()).isEqualTo(307));
            assertThat(records.row(ID)).as("the record the redirect pointed at").isNotEmpty();
        } finally {
            redirecting.stop(0);
        }
    }
}
