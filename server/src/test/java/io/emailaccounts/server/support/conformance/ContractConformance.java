package io.emailaccounts.server.support.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import io.emailaccounts.server.contract.ServedContract;

/**
 * Holds the server to its contract in tests: every exchange is checked against api/openapi.yaml, and what does not
 * conform is collected until the test that caused it ends ({@link ConformanceExtension}).
 *
 * <ul>
 *   <li>A response must be documented for its operation: status, content type and body; an undeclared property
 *   fails as surely as a missing required one.</li>
 *   <li>A request the contract forbids must not be accepted: it fails only when the server answered 2xx (tests send
 *   invalid requests on purpose to see them refused).</li>
 *   <li>An exchange on an /api path or method the contract does not have (one the validator does not even know,
 *   such as PROPFIND, and a contract's path with a slash added, included) must still be answered with the error
 *   envelope.</li>
 *   <li>HEAD is held to the GET of its path: a status and headers GET declares (its body never reaches the client).</li>
 *   <li>A CORS preflight (OPTIONS with {@code Origin} and {@code Access-Control-Request-Method}) belongs to the Fetch
 *   standard, not to the contract: allowed, it is answered 200 with no body; refused, with the error envelope.</li>
 * </ul>
 */
public final class ContractConformance {

    private static final ContractConformance INSTANCE = new ContractConformance();

    private final OpenApiInteractionValidator validator;
    private final List<String> problems = new ArrayList<>();

    private ContractConformance() {
        // The validator treats undeclared properties as errors; requests are the exception, since this API
        // ignores unknown and read-only properties in them, as its contract says.
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(contract())
                // allOf compositions are checked as the one object they describe, so that each part's properties are
                // not undeclared for the others.
                .withResolveCombinators(true)
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        // Query parameters outside the EmailAccount_/from_/to_ families are ignored, as documented.
                        .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** A checker of its own, for tests of the checker. */
    static ContractConformance create() {
        return new ContractConformance();
    }

    static ContractConformance instance() {
        return INSTANCE;
    }

    /** One exchange as the server saw it. */
    record Exchange(String method, String path, String query, Map<String, List<String>> requestHeaders, String requestBody,
                    int status, String contentType, Map<String, List<String>> responseHeaders, String responseBody) {
    }

    void check(Exchange exchange) {
        if (isPreflight(exchange)) {
            List<String> found = exchange.status() == 200
                    ? exchange.responseBody() == null || exchange.responseBody().isEmpty() ? List.of() : List.of("a preflight answered with a body")
                    : envelopeProblems(exchange);
            if (!found.isEmpty()) {
                record(exchange.method() + " " + exchange.path() + " -> " + exchange.status() + ": " + String.join("; ", found));
            }
            return;
        }
        boolean head = exchange.method().equals("HEAD");
        // The validator takes /api/crm/emailaccounts/ for /api/crm/emailaccounts; the contract, and the server, do not.
        boolean trailingSlash = exchange.path().length() > 1 && exchange.path().endsWith("/");
        if (trailingSlash || !head && Arrays.stream(Request.Method.values()).noneMatch(method -> method.name().equals(exchange.method()))) {
            List<String> found = envelopeProblems(exchange);
            if (!found.isEmpty()) {
                record(exchange.method() + " " + exchange.path() + " -> " + exchange.status() + ": " + String.join("; ", found));
            }
            return;
        }
        // A JSON parser may ignore a leading byte order mark (RFC 8259, section 8.1), and the server's does.
        String requestBody = exchange.requestBody() != null && exchange.requestBody().startsWith("\uFEFF")
                ? exchange.requestBody().substring(1) : exchange.requestBody();
        SimpleRequest.Builder request = new SimpleRequest.Builder(head ? "GET" : exchange.method(), exchange.path())
                .withBody(requestBody);
        exchange.requestHeaders().forEach(request::withHeader);
        if (exchange.query() != null) {
            for (String pair : exchange.query().split("&")) {
                String[] parts = pair.split("=", 2);
                request.withQueryParam(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(exchange.status());
        if (!head) {
            // A HEAD's body is written by the GET's handler and dropped by the container; the client gets none.
            response.withBody(exchange.responseBody());
        }
        if (exchange.contentType() != null) {
            response.withContentType(exchange.contentType());
        }
        exchange.responseHeaders().forEach(response::withHeader);
        ValidationReport report = validator.validate(request.build(), response.build());

        List<String> found = new ArrayList<>();
        boolean accepted = exchange.status() >= 200 && exchange.status() < 300;
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            String key = message.getKey();
            if (head && key.equals("validation.response.body.missing")) {
                continue;
            }
            if (key.equals("validation.request.path.missing") || key.equals("validation.request.operation.notAllowed")) {
                found.addAll(envelopeProblems(exchange));
                break;
            }
            if (key.startsWith("validation.response.") || accepted) {
                found.add("[" + key + "] " + message.getMessage());
            }
        }
        if (!found.isEmpty()) {
            record(exchange.method() + " " + exchange.path() + " -> " + exchange.status() + ": " + String.join("; ", found));
        }
    }

    private static boolean isPreflight(Exchange exchange) {
        return exchange.method().equals("OPTIONS")
                && exchange.requestHeaders().keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Origin"))
                && exchange.requestHeaders().keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Access-Control-Request-Method"));
    }

    /** An exchange outside the contract's operations must still be answered with the error envelope. */
    private List<String> envelopeProblems(Exchange exchange) {
        if (exchange.status() < 400) {
            return List.of("answered " + exchange.status() + " on a path or method the contract does not have");
        }
        ValidationReport report = validator.validateResponse("/api/crm/emailaccounts", Request.Method.PUT,
                SimpleResponse.Builder.status(404).withContentType(exchange.contentType()).withBody(exchange.responseBody()).build());
        return report.getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> "not the error envelope: [" + message.getKey() + "] " + message.getMessage())
                .toList();
    }

    private static String contract() {
        try (InputStream in = new ClassPathResource(ServedContract.CLASSPATH_LOCATION).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void record(String problem) {
        problems.add(problem);
    }

    /** The problems found since the last call, for tests outside JUnit Jupiter (where the extension does not run). */
    public static List<String> drainProblems() {
        return INSTANCE.drain();
    }

    /** The problems found since the last call. */
    synchronized List<String> drain() {
        List<String> drained = List.copyOf(problems);
        problems.clear();
        return drained;
    }
}
