package io.emailaccounts.server.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import io.emailaccounts.contract.ApiContract;

/**
 * Who may call what, read from the contract rather than restated: an operation with {@code security: []} is open to
 * anyone, one with {@code x-required-role} needs that role or a full administrator, any other needs a signed-in user.
 * A GET's rule is HEAD's too: Spring MVC answers HEAD with the GET's handler.
 */
@Component
class OperationAuthorization {

    private final List<Rule> rules;
    private final Set<String> roles = new TreeSet<>();

    public OperationAuthorization(ApiContract contract) {
        List<Rule> rules = new ArrayList<>();
        for (ApiContract.Operation operation : contract.operations()) {
            operation.requiredRole().ifPresent(roles::add);
            // An open operation is open on every method of its path, so that a wrong method is answered 405, not 401.
            RequestMatcher matcher = operation.anonymous()
                    ? PathPatternRequestMatcher.pathPattern(operation.path())
                    : methods(operation).stream()
                            .map(method -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(method, operation.path()))
                            .reduce(OrRequestMatcher::new).orElseThrow();
            // A role for a parameter's presence comes first: the first matching rule decides.
            operation.roleWhenPresent().forEach((parameter, role) -> {
                roles.add(role);
                rules.add(new Rule(new AndRequestMatcher(matcher, request -> request.getParameter(parameter) != null),
                        false, Optional.of(role)));
            });
            rules.add(new Rule(matcher, operation.anonymous(), operation.requiredRole()));
        }
        this.rules = List.copyOf(rules);
    }

    private static List<HttpMethod> methods(ApiContract.Operation operation) {
        HttpMethod method = HttpMethod.valueOf(operation.method());
        return method == HttpMethod.GET ? List.of(HttpMethod.GET, HttpMethod.HEAD) : List.of(method);
    }

    /** Adds one rule per operation of the contract, in document order. */
    public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry authorize) {
        for (Rule rule : rules) {
            if (rule.anonymous()) {
                authorize.requestMatchers(rule.matcher()).permitAll();
            } else if (rule.requiredRole().isPresent()) {
                authorize.requestMatchers(rule.matcher()).hasAnyAuthority(Authorities.FULL_ADMINISTRATOR, rule.requiredRole().get());
            } else {
                authorize.requestMatchers(rule.matcher()).authenticated();
            }
        }
    }

    /** The role the operation matching this request needs, if it needs one. */
    public Optional<String> requiredRoleFor(HttpServletRequest request) {
        return rules.stream().filter(rule -> rule.matcher().matches(request)).findFirst().flatMap(Rule::requiredRole);
    }

    /** Every role some operation of the contract needs. */
    public Set<String> roles() {
        return roles;
    }

    private record Rule(RequestMatcher matcher, boolean anonymous, Optional<String> requiredRole) {
    }
}
