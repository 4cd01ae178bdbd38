package io.emailaccounts.server.web;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The strictness a client may ask for with {@code Prefer: handling=strict} (RFC 7240): a body holding a property the
 * contract does not know is then refused, naming each one, instead of the unknown properties being ignored (the
 * hosted service's behaviour, and the default). Every answer to an operation with a body that was sent so says
 * {@code Preference-Applied: handling=strict}.
 */
final class StrictHandling implements HandlerInterceptor {

    static final String PREFER = "Prefer";
    static final String PREFERENCE_APPLIED = "Preference-Applied";
    static final String STRICT = "handling=strict";

    static boolean requested(HttpHeaders headers) {
        return requested(headers.getOrEmpty(PREFER));
    }

    /** Whether one of the {@code Prefer} header values (each a comma-separated list of preferences) asks for it. */
    static boolean requested(List<String> preferValues) {
        for (String value : preferValues) {
            for (String preference : value.split(",")) {
                // A preference is name[=value] followed by ;parameters; names are case-insensitive.
                String nameAndValue = preference.split(";", 2)[0].replace(" ", "").replace("\t", "").replace("\"", "");
                if (nameAndValue.toLowerCase(Locale.ROOT).equals(STRICT)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        // The header first: most requests do not send it, and they pay nothing more.
        if (request.getHeader(PREFER) != null && requested(Collections.list(request.getHeaders(PREFER)))
                && handler instanceof HandlerMethod method && takesABody(method)) {
            response.setHeader(PREFERENCE_APPLIED, STRICT);
        }
        return true;
    }

    private static boolean takesABody(HandlerMethod method) {
        for (var parameter : method.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }
}
