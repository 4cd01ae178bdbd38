package io.emailaccounts.server.security.owasp;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import tools.jackson.databind.node.ObjectNode;

/**
 * OWASP API7:2023, Server Side Request Forgery: the server fetching a URL or host a client gave it. No operation takes a
 * URL, and the server connects to nothing but its database: the mail servers a record names (IncomingServer,
 * OutgoingServer and their ports) are stored and answered as data, never connected to. Here a record pointing both at
 * a port this test listens on is created, updated and read, and nothing connects.
 */
class Api07ServerSideRequestForgeryTest extends RunningServerTest {

    private static final String PATH = "/api/crm/emailaccounts";

    @Test
    void shouldNeverConnectToTheMailServersARecordNames() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ObjectNode body = (ObjectNode) RawHttp.json(requiredFieldsBody());
            body.put("IncomingServer", "127.0.0.1").put("IncomingServerPort", listener.getLocalPort())
                    .put("OutgoingServer", "localhost").put("OutgoingServerPort", listener.getLocalPort());
            ObjectNode create = body.deepCopy();
            create.remove("Id");

            assertThat(asAdmin().send("POST", PATH, "application/json", create.toString()).status()).isEqualTo(200);
            assertThat(asAdmin().put(PATH, body.toString()).status()).isEqualTo(200);
            assertThat(asAdmin().get(PATH + "/" + ID).json().get("IncomingServerPort").asInt()).isEqualTo(listener.getLocalPort());

            listener.setSoTimeout(2000);
            try {
                listener.accept().close();
                throw new AssertionError("the server connected to the mail server a record names");
            } catch (SocketTimeoutException nothingConnected) {
                // as it should be
            }
        }
    }
}
