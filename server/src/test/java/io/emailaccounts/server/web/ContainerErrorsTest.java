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

    private static void assertMalformedRequestEnvelope(String answer, String message) {
        assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase("Content-Type: application/json")
                .containsIgnoringCase("X-Content-Type-Options: nosniff").containsIgnoringCase("X-Frame-Options: DENY")
                .containsIgnoringCase("Content-Security-Policy: default-src 'none'; frame-ancestors 'none'")
                .containsIgnoringCase("Cache-Control: no-cache, no-store")
                .as("the request's id").containsPattern("(?i)\r\nRequest-Id: [0-9a-f]{32}\r\n");
        assertThat(RawHttp.json(body(answer))).isEqualTo(RawHttp.requestErrorEnvelope(400, message));
    }

    private static String body(String answer) {
        return answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }

    @Test
    void shouldAnswerAMalformedUrlWithTheEnvelope() throws IOException {
        assertMalformedRequestEnvelope(exchange(
                "GET /api/crm/emailaccounts%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                "The request is malformed.");
    }

    @Test
    void shouldSayWhichCharactersAUrlMustEncode() throws IOException {
        assertMalformedRequestEnvelope(exchange(
                "GET /api/crm/emailaccounts?EmailAccount_DisplayName={x} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                "The request's URL holds a character that must be percent-encoded (RFC 3986), such as a space, "
                        + "a quote, < > \\ ^ ` { | } or a control character: encode it (a space as %20).");
    }

    @Test
    void shouldAnswerOversizedHeadersWithTheEnvelope() throws IOException {
        assertMalformedRequestEnvelope(exchange("GET /api/crm/emailaccounts HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n"),
                "The request's headers are larger than this server takes: send fewer or shorter headers.");
    }

    /** A batch read as the Nexudus docs write it, brackets not encoded (as Postman, Newman and curl -g send it). */
    @Test
    void shouldTakeABatchReadWithRawBrackets() throws IOException {
        String answer = exchange("GET /api/crm/emailaccounts?id=[87654321] HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + RawHttp.basicAuthorization(ADMIN, ADMIN_PASSWORD) + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200");
        assertThat(RawHttp.json(body(answer)).get(0).get("Id").asLong()).isEqualTo(87654321L);
    }
}
