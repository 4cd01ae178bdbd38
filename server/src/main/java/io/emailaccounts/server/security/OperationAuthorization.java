package io.emailaccounts.server.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import io.emailaccounts.server.contract.ApiContract;

/**
 * Who may call what, read from the contract rather than restated: an operation with {@code security: []} is open to
 * anyone, one with {@code x-required-role} needs that role or a full administrator, any other needs a signed-in user.
 */
@Component
public class OperationAuthorization {

    private final List<Rule> rules;
    private final Set<String> roles = new TreeSet<>();

    public OperationAuthorization(ApiContract contract) {
        this.rules = contract.operations().stream().map(operation -> {
            operation.requiredRole().ifPresent(roles::add);
            // An open operation is open on every method of its path, so that a wrong method is answered 405, not 401.
            RequestMatcher matcher = operation.anonymous()
                    ? PathPatternRequestMatcher.pathPattern(operation.path())
                    : PathPatternRequestMatcher.pathPattern(operation.method(), operation.path());
            return new Rule(matcher, operation.anonymous(), operation.requiredRole());
        }).toList();
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
