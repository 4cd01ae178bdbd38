package io.emailaccounts.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Hands failures raised by the security filters (before any controller runs) to the same exception handlers as every
 * other failure, so that 401 and 403, and requests the firewall refuses (encoded line breaks, control characters in
 * the URL), are answered with the API's envelope too.
 */
@Component
class SecurityFailureHandlers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final HandlerExceptionResolver resolver;
    private final OperationAuthorization operations;

    SecurityFailureHandlers(@Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver,
                            OperationAuthorization operations) {
        this.resolver = resolver;
        this.operations = operations;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) {
        resolver.resolveException(request, response, null, failure);
    }

    /**
     * The firewall refuses before the security headers are written: they are written here, as the security chain
     * writes them on every other answer (HSTS over HTTPS only).
     */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) {
        SecurityHeaders.writeOutsideTheChain(request, response);
        resolver.resolveException(request, response, null, rejected);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException failure) {
        resolver.resolveException(request, response, null, new OperationForbiddenException(operations.requiredRoleFor(request)));
    }
}
