package io.emailaccounts.server.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import io.emailaccounts.server.security.Routes;
import io.micrometer.common.KeyValues;

/**
 * The observation of each request, as Spring's own ({@code http.server.requests}: the same metric and tags), with its
 * span named by the contract's operationId ({@code getEmailAccount}, known from before sign-in, so a refused request's
 * too) instead of {@code http get /api/crm/emailaccounts/{id}}, and carrying the request's id
 * ({@code http.request.id}), so that a {@code Request-Id} a caller quotes finds its trace even when it is the caller's
 * own. Both are read as the request ends (the id is given after the observation has begun).
 */
final class OperationNamedRequests extends DefaultServerRequestObservationConvention {

    @Override
    public String getContextualName(ServerRequestObservationContext context) {
        HttpServletRequest request = context.getCarrier();
        Object operation = request == null ? null : request.getAttribute(Routes.OPERATION);
        return operation != null ? operation.toString() : super.getContextualName(context);
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
        KeyValues values = super.getHighCardinalityKeyValues(context);
        String id = context.getCarrier() == null ? null : RequestIds.given(context.getCarrier());
        return id == null ? values : values.and(RequestIds.MDC_KEY, id);
    }
}
