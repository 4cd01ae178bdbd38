package io.emailaccounts.server.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address a request came from, as the limits and the sign-in throttle count it. Behind a proxy, it is the
 * client's when the server trusts the proxy's X-Forwarded-For (server.forward-headers-strategy=native) and the proxy's
 * address matches server.tomcat.remoteip.internal-proxies (none by default).
 */
final class ClientAddress {

    private ClientAddress() {
    }

    /** The address of the request being answered; "unknown" outside a request. */
    static String current() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            return request.getRequest().getRemoteAddr();
        }
        return "unknown";
    }

    /** The address a sign-in attempt came from: HTTP Basic's details hold it; else the request being answered. */
    static String of(Authentication attempt) {
        if (attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null) {
            return details.getRemoteAddress();
        }
        return current();
    }
}
