package io.emailaccounts.server.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import io.emailaccounts.contract.ApiContract;

/**
 * Every path this server answers and the methods each takes: the contract's paths with the methods it declares, and
 * the few paths served beside them (the reference and its console, the contract, health, metrics, backups). A request
 * for any other path, or with a method its path does not take, is refused before authentication and before any
 * handler (the web layer's route filter answers 404 or 405); HEAD is taken wherever GET is, and judged as GET.
 * Paths are matched as Spring MVC and Spring Security match them ({@link PathPattern}s over the request's path).
 */
@Component
public class Routes {

    /**
     * The request attribute under which the route filter leaves the contract's {@code operationId} of a request it lets
     * through (HEAD: its GET's), before authentication: the access log and the request's trace name it so.
     */
    public static final String OPERATION = Routes.class.getName() + ".operation";

    /** Who may call a path served beside the contract. */
    enum Access { ANYONE, ADMINISTRATOR }

    /**
     * The paths served beside the contract's, each with its methods and who may call it. The console
     * ({@code /docs/try-it.html}) loads two files of Swagger UI's webjar; the rest of the webjar (its stock page, which
     * would load any document) is not served.
     */
    private static final List<Served> SERVED = List.of(
            new Served("/", "GET", Access.ANYONE),
            new Served("/docs", "GET", Access.ANYONE),
            new Served("/docs/**", "GET", Access.ANYONE),
            new Served("/openapi.yaml", "GET", Access.ANYONE),
            new Served("/openapi.json", "GET", Access.ANYONE),
            new Served("/webjars/swagger-ui/swagger-ui.css", "GET", Access.ANYONE),
            new Served("/webjars/swagger-ui/swagger-ui-bundle.js", "GET", Access.ANYONE),
            new Served("/actuator/health", "GET", Access.ANYONE),
            // The probes a balancer or Kubernetes asks (the Operations guide); no other part of health is served.
            new Served("/actuator/health/liveness", "GET", Access.ANYONE),
            new Served("/actuator/health/readiness", "GET", Access.ANYONE),
            // Metrics say how the service is used: for administrators only.
            new Served("/actuator/prometheus", "GET", Access.ADMINISTRATOR),
            // A backup copies every record: for administrators only.
            new Served("/actuator/backup", "POST", Access.ADMINISTRATOR),
            // Which keys seal the stored secrets (their ids) and how many values each: for administrators only.
            new Served("/actuator/secrets", "GET", Access.ADMINISTRATOR));

    private final List<Route> routes;

    public Routes(ApiContract contract) {
        PathPatternParser parser = PathPatternParser.defaultInstance;
        Map<String, Map<String, String>> contractPaths = new LinkedHashMap<>();
        contract.operations().forEach(operation -> contractPaths.computeIfAbsent(operation.path(), path -> new TreeMap<>())
                .put(operation.method(), operation.operationId()));
        List<Route> routes = new ArrayList<>();
        contractPaths.forEach((path, operations) -> routes.add(new Route(parser.parse(path), Map.copyOf(operations))));
        SERVED.forEach(served -> routes.add(new Route(parser.parse(served.pattern()), Map.of(served.method(), ""))));
        this.routes = List.copyOf(routes);
    }

    /**
     * The methods the path of this request URI takes, as declared, sorted; empty when the server has no such path.
     * HEAD is not listed: it is taken wherever GET is.
     */
    public Optional<Set<String>> methodsAt(String requestUri) {
        return routeAt(requestUri).map(route -> new TreeSet<>(route.operations().keySet()));
    }

    /** The contract's operationId of this method on the path of this request URI (HEAD: GET's); empty for any other. */
    public Optional<String> operationAt(String requestUri, String method) {
        return routeAt(requestUri).map(route -> route.operations().get("HEAD".equals(method) ? "GET" : method))
                .filter(operationId -> !operationId.isEmpty());
    }

    private Optional<Route> routeAt(String requestUri) {
        PathContainer path = RequestPath.parse(requestUri, null).pathWithinApplication();
        return routes.stream().filter(route -> route.pattern().matches(path)).findFirst();
    }

    /** Whether a path that takes these methods takes this one (HEAD wherever GET). */
    public static boolean takes(Set<String> methods, String method) {
        return methods.contains(method) || "HEAD".equals(method) && methods.contains("GET");
    }

    /** The rules of the paths served beside the contract; the contract's own come from {@link OperationAuthorization}. */
    void configureServed(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry authorize) {
        for (Served served : SERVED) {
            var paths = authorize.requestMatchers(served.pattern());
            if (served.access() == Access.ADMINISTRATOR) {
                paths.hasAuthority(Authorities.FULL_ADMINISTRATOR);
            } else {
                paths.permitAll();
            }
        }
    }

    /** A path and its methods, each with its contract's operationId (empty for a path served beside the contract). */
    private record Route(PathPattern pattern, Map<String, String> operations) {
    }

    private record Served(String pattern, String method, Access access) {
    }
}
