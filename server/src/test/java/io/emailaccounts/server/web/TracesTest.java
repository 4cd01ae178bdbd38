package io.emailaccounts.server.web;

import static io.emailaccounts.server.support.EmailAccountRecords.ID;
import static io.emailaccounts.server.support.EmailAccountRecords.requiredFieldsBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.emailaccounts.server.support.RawHttp;
import io.emailaccounts.server.support.RunningServerTest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * The server's traces, as an OTLP receiver (this test's own, on a port of its own) gets them once an endpoint is set:
 * one trace per request, the caller's when it sent a W3C traceparent, whose server span is named by the operation and
 * holds the request's database calls; a write's calls are in the group commit's span, a child of the request's and
 * linked to every request of its batch; and the request's Request-Id is its trace id when the caller gave no id.
 */
@DirtiesContext
class TracesTest extends RunningServerTest {

    private static final List<Span> RECEIVED = new CopyOnWriteArrayList<>();
    /**
     * Runs as long as the tests' JVM: this class's server is closed after it (DirtiesContext), and its exporter sends
     * what it still holds as it closes.
     */
    private static final HttpServer RECEIVER = receiver();
    /** A value, not a call on the receiver: a property source's supplier is read again whenever a bean is bound. */
    private static final String ENDPOINT = "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/v1/traces";
    private static final HexFormat HEX = HexFormat.of();

    @DynamicPropertySource
    static void exportToTheReceiver(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> ENDPOINT);
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "100ms");
        registry.add("management.tracing.sampling.probability", () -> "1.0");
        // What setting the endpoint turns on where the server is started (TracesExportedOnly reads the settings as the
        // application starts; a test's dynamic properties come after that).
        registry.add("spring.autoconfigure.exclude", () -> "");
        registry.add("jdbc.datasource-proxy.enabled", () -> "true");
    }

    @Test
    void shouldJoinTheCallersTraceWithASpanNamedByTheOperationHoldingItsDatabaseCalls() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";

        RawHttp.Response read = asAdmin().header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                .get("/api/crm/emailaccounts/" + ID);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header(RequestIds.HEADER)).as("the request's id: its trace's").isEqualTo(traceId);
        Span server = awaitSpan(span -> hex(span.getTraceId()).equals(traceId) && span.getKind() == Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(server.getName()).isEqualTo("getEmailAccount");
        assertThat(hex(server.getParentSpanId())).as("a child of the caller's span").isEqualTo(callersSpan);
        assertThat(server.getAttributesList()).anySatisfy(attribute -> {
            assertThat(attribute.getKey()).isEqualTo(RequestIds.MDC_KEY);
            assertThat(attribute.getValue().getStringValue()).isEqualTo(traceId);
        });
        Span query = awaitSpan(span -> hex(span.getTraceId()).equals(traceId) && span.getName().contains("query"));
        assertThat(inTrace(traceId)).as("the database calls are in the request's trace, under its span")
                .anySatisfy(span -> assertThat(hex(span.getSpanId())).isEqualTo(hex(query.getParentSpanId())));
    }

    @Test
    void shouldNameARequestByItsTraceAndLinkTheGroupCommitToEveryWriteItCarries() {
        RawHttp.Response update = asAdmin().put("/api/crm/emailaccounts", requiredFieldsBody());

        assertThat(update.status()).as(update.body()).isEqualTo(200);
        String traceId = update.header(RequestIds.HEADER);
        Span server = awaitSpan(span -> hex(span.getTraceId()).equals(traceId) && span.getKind() == Span.SpanKind.SPAN_KIND_SERVER);
        assertThat(server.getName()).isEqualTo("updateEmailAccount");
        Span batch = awaitSpan(span -> span.getName().equals("group-commit") && span.getLinksList().stream()
                .anyMatch(link -> hex(link.getSpanId()).equals(hex(server.getSpanId()))));
        assertThat(hex(batch.getTraceId())).as("in the trace of the write that came first").isEqualTo(traceId);
        assertThat(awaitSpan(span -> hex(span.getParentSpanId()).equals(hex(batch.getSpanId()))).getName())
                .as("the batch's database calls, under its span").containsAnyOf("query", "connection");
    }

    private static List<Span> inTrace(String traceId) {
        return RECEIVED.stream().filter(span -> hex(span.getTraceId()).equals(traceId)).toList();
    }

    /** The span the receiver got that matches, waiting for it (spans are exported in batches, every 100 ms here). */
    private static Span awaitSpan(Predicate<Span> wanted) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (Span span : RECEIVED) {
                if (wanted.test(span)) {
                    return span;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no such span among " + RECEIVED.stream().map(span -> span.getName() + " "
                + hex(span.getTraceId())).toList());
    }

    private static String hex(com.google.protobuf.ByteString bytes) {
        return HEX.formatHex(bytes.toByteArray());
    }

    /** An OTLP/HTTP receiver of traces (protobuf), answering each export with an empty success. */
    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                try (InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                        ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                    ExportTraceServiceRequest export = ExportTraceServiceRequest.parseFrom(body);
                    export.getResourceSpansList().forEach(resource -> resource.getScopeSpansList()
                            .forEach(scope -> RECEIVED.addAll(scope.getSpansList())));
                }
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, 0);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
