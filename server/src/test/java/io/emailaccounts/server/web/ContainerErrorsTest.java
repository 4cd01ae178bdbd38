package io.emailaccounts.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;

/** Requests the servlet container refuses before the application sees them still get the envelope, never HTML. */
class ContainerErrorsTest extends RunningServerTest {

    /** Sends bytes as they are (an HTTP client would refuse to) and returns the whole answer. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertMalformedRequestEnvelope(String answer) {
        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(RawHttp.json(body)).isEqualTo(RawHttp.requestErrorEnvelope(400, "The request is malformed."));
    }

    @Test
    void shouldAnswerAMalformedUrlWithTheEnvelope() throws IOException {
        assertMalformedRequestEnvelope(exchange(
                "GET /api/crm/emailaccounts%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void shouldAnswerOversizedHeadersWithTheEnvelope() throws IOException {
        assertMalformedRequestEnvelope(exchange("GET /api/crm/emailaccounts HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n"));
    }
}
