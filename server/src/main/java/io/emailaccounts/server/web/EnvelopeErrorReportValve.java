package io.emailaccounts.server.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.MDC;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.error.ErrorEnvelopes;
import io.emailaccounts.server.security.SecurityHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat refuses some requests before they reach the application (a malformed URL, headers over the size limit) and
 * answers them with its own HTML page. This valve, installed on the host in place of Tomcat's (and Spring Boot's),
 * answers them with the API's envelope instead, with the security headers the application's answers carry
 * (Strict-Transport-Security over HTTPS) and the request's id ({@link RequestIds}).
 */
public final class EnvelopeErrorReportValve extends ErrorReportValve {

    private final JsonMapper json;

    public EnvelopeErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        try {
            String body = json.writeValueAsString(ErrorEnvelopes.envelope(code,
                    List.of(PropertyViolation.ofRequest(messageFor(code, throwable)))));
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            SecurityHeaders.writeOutsideTheChain(request, response);
            if (response.getHeader(RequestIds.HEADER) == null) {
                // Refused before the server's filters: its id, and its line in the access log, are given here.
                String id = RequestIds.of(request);
                response.setHeader(RequestIds.HEADER, id);
                MDC.put(RequestIds.MDC_KEY, id);
                try {
                    AccessLog.containerRefusal(String.valueOf(request.getMethod()), status, id);
                } finally {
                    MDC.remove(RequestIds.MDC_KEY);
                }
            }
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException clientGone) {
            // Nothing more can be said to this client.
        }
    }

    /**
     * What is wrong with a request Tomcat refused, from the reason its parser gave, in words that say what to do (the
     * parser's own message echoes the request, which is not repeated); the status's message for any other reason.
     */
    static String messageFor(HttpStatusCode code, Throwable refusal) {
        String reason = refusal == null ? "" : String.valueOf(refusal.getMessage());
        if (reason.startsWith("Invalid character found in the request target")) {
            return "The request's URL holds a character that must be percent-encoded (RFC 3986), such as a space, "
                    + "a quote, < > \\ ^ ` { | } or a control character: encode it (a space as %20).";
        }
        if (reason.startsWith("Request header is too large")) {
            return "The request's headers are larger than this server takes: send fewer or shorter headers.";
        }
        if (reason.startsWith("Invalid character found in method name")) {
            return "The request does not start with an HTTP method: is it HTTPS sent to a plain HTTP port?";
        }
        if (reason.startsWith("Invalid character found in the HTTP protocol")) {
            return "The request line does not end with a valid HTTP version (such as HTTP/1.1).";
        }
        if (reason.contains("header") && reason.startsWith("Invalid")) {
            return "A header's name or value holds a character HTTP does not allow.";
        }
        return ErrorEnvelopes.messageFor(code);
    }

    /** Puts the valve on the host after Spring Boot has added its own, which it then replaces. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        private final JsonMapper json;

        Installer(JsonMapper json) {
            this.json = json;
        }

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                StandardHost host = (StandardHost) context.getParent();
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
                host.getPipeline().addValve(new EnvelopeErrorReportValve(json));
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
