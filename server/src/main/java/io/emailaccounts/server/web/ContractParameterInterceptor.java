package io.emailaccounts.server.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import io.emailaccounts.server.error.PropertyViolation;
import io.emailaccounts.server.web.validation.RequestParameterValidator;
import io.emailaccounts.server.error.RequestValidationException;
import io.swagger.v3.oas.annotations.Operation;

/**
 * Checks the query and path parameters of every generated operation against the contract before anything binds them,
 * so that a client learns of every bad parameter at once (binding would stop at the first).
 */
class ContractParameterInterceptor implements HandlerInterceptor {

    private final RequestParameterValidator validator;
    private final Map<Method, Optional<String>> operationIds = new ConcurrentHashMap<>();

    ContractParameterInterceptor(RequestParameterValidator validator) {
        this.validator = validator;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            Optional<String> operationId = operationIds.computeIfAbsent(method.getMethod(),
                    ignored -> Optional.ofNullable(method.getMethodAnnotation(Operation.class)).map(Operation::operationId));
            if (operationId.isPresent()) {
                @SuppressWarnings("unchecked")
                Map<String, String> path = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
                List<PropertyViolation> violations = validator.validate(operationId.get(), request.getParameterMap(),
                        path == null ? Map.of() : path);
                if (!violations.isEmpty()) {
                    throw new RequestValidationException(violations);
                }
            }
        }
        return true;
    }
}
